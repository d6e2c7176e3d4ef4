// A SourceRef over a positioned YAML node: `at('spec.ports.0.targetPort')` finds the
// key of that field (an item's first character for sequence indexes), or the
// nearest ancestor that exists.

import type { SourcePos, SourceRef } from '../diagnostics';
import type { LineIndex } from './lineIndex';
import type { YNode } from './yamlTree';

interface Found {
  node: YNode | undefined;
  /** Offset of the deepest field found (its key, or the item itself). */
  offset: number;
}

function walk(root: YNode, path: string): Found {
  let node: YNode = root;
  let offset = root.start;
  if (path === '') return { node, offset };
  for (const segment of path.split('.')) {
    let next: YNode | undefined;
    if (node.kind === 'map') {
      const pair = node.pairs.find((p) => p.key === segment);
      if (pair) {
        offset = pair.keyStart;
        next = pair.value;
      }
    } else if (node.kind === 'seq' && /^\d+$/.test(segment)) {
      next = node.items[Number(segment)];
      if (next) offset = next.start;
    }
    if (!next) return { node: undefined, offset };
    node = next;
  }
  return { node, offset };
}

export function offsetAt(root: YNode, path: string): number {
  return walk(root, path).offset;
}

/** The node at `path`, if written. */
export function nodeAt(root: YNode, path: string): YNode | undefined {
  return walk(root, path).node;
}

export function sourceRef(root: YNode, lines: LineIndex): SourceRef {
  const pos: SourcePos = lines.pos(root.start);
  return {
    file: lines.file,
    pos,
    at: (path: string) => lines.pos(offsetAt(root, path)),
  };
}
