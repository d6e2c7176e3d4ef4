// The text that puts objects in the place of one document of the learner's file, written the way
// that place is written: YAML documents at the top level, items of a `List` in a block sequence,
// JSON where the object was JSON. The model hands it over whole, so the page only applies it.

import { dump } from 'js-yaml';
import type { TextFix } from '../diagnostics';
import type { YMap } from './yamlTree';

/** Where a document stands: at the top of the file, or an item of a `List`'s `items`. */
export type DocumentPlace = 'top' | 'item';

const indentAfterFirst = (text: string, by: number): string => text.replace(/\n/g, `\n${' '.repeat(by)}`);

/**
 * A fix replacing `node` (written in `text` of `file`) with `objects`, or undefined where this
 * cannot tell how several objects would stand in its place (a list item not written after `- `).
 */
export function replaceDocument(file: string, text: string, node: YMap, place: DocumentPlace, objects: object[]): TextFix | undefined {
  const from = node.start;
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const col = from - lineStart;
  const flow = text.charAt(from) === '{';
  let to = node.end;
  if (flow) {
    // A flow mapping ends at its own `}`, after those of the values nested in it.
    const close = closingBrace(text, from);
    if (close < 0) return undefined;
    to = close + 1;
  } else while (to > from && /\s/.test(text.charAt(to - 1))) to--; // a block scalar's line break stays
  const blockItem = place === 'item' && text.slice(from - 2, from) === '- ';
  const write = (o: object) => indentAfterFirst(flow ? JSON.stringify(o, null, 2) : dump(o, { lineWidth: -1 }).trimEnd(), col);
  let separator = ''; // one object needs none
  if (objects.length > 1) {
    if (place === 'top') separator = flow ? `\n${' '.repeat(col)}` : `\n---\n${' '.repeat(col)}`;
    else if (blockItem) separator = `\n${' '.repeat(col - 2)}- `;
    else if (flow) separator = `,\n${' '.repeat(col)}`;
    else return undefined;
  }
  return { file, from, to, insert: objects.map(write).join(separator) };
}

/** The offset of the `}` that closes the flow mapping opened at `open`, past quoted strings; -1 if none. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '"') {
      for (i++; i < text.length && text.charAt(i) !== '"'; i++) if (text.charAt(i) === '\\') i++;
    } else if (c === "'") {
      for (i++; i < text.length; i++) if (text.charAt(i) === "'" && text.charAt(++i) !== "'") break; // '' is a quote inside
      i--;
    } else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return i;
  }
  return -1;
}
