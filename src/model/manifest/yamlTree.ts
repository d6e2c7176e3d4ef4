// YAML text -> documents of positioned nodes, built from js-yaml's flat event stream
// so that every key and value keeps its offset in the file. A syntax error costs
// only the document it is in: the text is then split at `---` lines (a document
// marker can never occur inside content) and each document is parsed alone.
// Aliases are shared, not copied, but whoever walks the tree walks every use: the
// builder counts what each use would copy, so a billion-laughs paste stops here.
// Two objects pasted one after the other without `---` read as one mapping with a second
// `apiVersion`/`kind`: the builder reads them as the two documents they were meant to be,
// and says where the `---` goes.

import { EVENT_ID, SCALAR_STYLE, getScalarValue, parseEvents, type Event, type ScalarEvent } from 'js-yaml';
import type { DiagnosticCode } from '../diagnostics';
import { resolvePlain, resolveTagged, type ScalarValue } from './scalar';

export interface YScalar {
  kind: 'scalar';
  start: number;
  end: number;
  value: ScalarValue;
  /** As written, when YAML read it as a boolean or a number (`y` is true, `0x1F` is 31), for messages. */
  written?: string;
}

export interface YPair {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: YNode;
}

export interface YMap {
  kind: 'map';
  start: number;
  end: number;
  pairs: YPair[];
}

export interface YSeq {
  kind: 'seq';
  start: number;
  end: number;
  items: YNode[];
}

export type YNode = YScalar | YMap | YSeq;

/**
 * The most one text may ask of the reader, so that a hostile or mistaken paste cannot
 * hang the tab or the CLI. Each is generous for a real cluster dump; going over one is
 * an error where it happens (README, "Limits").
 */
export const YAML_LIMITS = {
  /** Characters in one file; a longer text is not read at all. */
  maxTextLength: 32 * 1024 * 1024,
  /** Documents in one file; the ones after it are not read. */
  maxDocuments: 100_000,
  /** Nesting of mappings and sequences (js-yaml's own default). */
  maxDepth: 100,
  /** Nodes reached through aliases in one file, each use of an anchor counting its whole value. */
  maxAliasNodes: 100_000,
} as const;

/** A problem found while reading YAML, before any Kubernetes meaning is given to it. */
export interface YamlProblem {
  code: Extract<DiagnosticCode, `yaml.${string}`>;
  params: Record<string, string | number>;
  start: number;
  end?: number;
  /** Text to insert at `start` that answers it. */
  insert?: { at: number; text: string };
}

export interface YamlDocuments {
  /** Non-empty documents, in file order. */
  docs: YNode[];
  problems: YamlProblem[];
}

/** What one file has used of YAML_LIMITS so far. */
interface Budget {
  aliasNodes: number;
  documentsCut: boolean;
}

export function parseYamlDocuments(text: string): YamlDocuments {
  const out: YamlDocuments = { docs: [], problems: [] };
  if (text.length > YAML_LIMITS.maxTextLength) {
    out.problems.push({ code: 'yaml.sizeLimit', params: { length: text.length, limit: YAML_LIMITS.maxTextLength }, start: 0 });
    return out;
  }
  if (parseChunk(text, 0, out, { aliasNodes: 0, documentsCut: false })) return out;
  // Fast path failed: retry document by document so that the good ones survive.
  out.docs = [];
  out.problems = [];
  const budget: Budget = { aliasNodes: 0, documentsCut: false };
  for (const [start, end] of splitDocuments(text)) parseChunk(text.slice(start, end), start, out, budget);
  return out;
}

/** Offsets [start, end) of each document: at `---` lines, or top-level values of a JSON stream. */
export function splitDocuments(text: string): [number, number][] {
  const first = text.search(/\S/);
  if (text.charAt(first) === '{') return splitJsonStream(text);
  const cuts = [0];
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  for (let m = marker.exec(text); m; m = marker.exec(text)) if (m.index > 0) cuts.push(m.index);
  return cuts.map((start, i) => [start, i + 1 < cuts.length ? cuts[i + 1] : text.length]);
}

/** kubectl also reads concatenated JSON objects (`{...}{...}`); split them by brace depth. */
function splitJsonStream(text: string): [number, number][] {
  const parts: [number, number][] = [];
  let depth = 0;
  let start = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) {
        parts.push([start, i + 1]);
        start = i + 1;
      }
    }
  }
  if (start < text.length && /\S/.test(text.slice(start))) parts.push([start, text.length]);
  return parts;
}

function parseChunk(source: string, base: number, out: YamlDocuments, budget: Budget): boolean {
  let events: Event[];
  try {
    events = parseEvents(source, { maxDepth: YAML_LIMITS.maxDepth });
  } catch (e) {
    const mark = (e as { mark?: { position?: number } }).mark;
    const reason = (e as { reason?: unknown }).reason;
    const at = base + Math.min(Math.max(mark?.position ?? 0, 0), Math.max(source.length - 1, 0));
    // js-yaml stops at maxDepth with this reason; it is our limit, so it gets our message.
    if (typeof reason === 'string' && reason.startsWith('nesting exceeded maxDepth'))
      out.problems.push({ code: 'yaml.depthLimit', params: { limit: YAML_LIMITS.maxDepth }, start: at });
    else out.problems.push({ code: 'yaml.syntax', params: { reason: typeof reason === 'string' ? reason : String(e) }, start: at });
    return false;
  }
  new TreeBuilder(source, base, events, out, budget).build();
  return true;
}

interface Anchor {
  node: YNode;
  /** Where `&name` is written. */
  start: number;
  /** Nodes a use of it copies; undefined while its own value is still being read. */
  size: number | undefined;
}

class TreeBuilder {
  private i = 0;
  private anchors = new Map<string, Anchor>();
  /** The last offset seen, given to empty values (`key:`) which have none of their own. */
  private last = 0;
  /** Nodes of the document so far, aliases counted as copies (anchors' sizes are differences of it). */
  private count = 0;
  /** The document went over maxAliasNodes (reported); it is dropped. */
  private overflow = false;
  /** Documents found pasted after the document's own top-level mapping without `---`. */
  private pasted: YMap[] = [];

  constructor(
    private readonly source: string,
    private readonly base: number,
    private readonly events: Event[],
    private readonly out: YamlDocuments,
    private readonly budget: Budget,
  ) {}

  build(): void {
    const ev = this.events;
    while (this.i < ev.length) {
      const e = ev[this.i++];
      if (e.type !== EVENT_ID.DOCUMENT) continue;
      this.anchors = new Map();
      this.overflow = false;
      if (this.i < ev.length && ev[this.i].type !== EVENT_ID.POP) {
        this.pasted = [];
        const node = this.node(true);
        for (const doc of [node, ...this.pasted])
          if (!(doc.kind === 'scalar' && doc.value === null) && !this.overflow && !this.cutAt(doc)) this.out.docs.push(doc);
      }
      this.i++; // the document's POP
    }
  }

  /** Whether the file already has maxDocuments documents (said once, at the first one left out). */
  private cutAt(node: YNode): boolean {
    if (this.out.docs.length < YAML_LIMITS.maxDocuments) return false;
    if (!this.budget.documentsCut)
      this.out.problems.push({ code: 'yaml.documentLimit', params: { limit: YAML_LIMITS.maxDocuments }, start: node.start });
    this.budget.documentsCut = true;
    return true;
  }

  /** The next node; `top` for a document's own. */
  private node(top = false): YNode {
    const e = this.events[this.i++];
    switch (e.type) {
      case EVENT_ID.SCALAR: {
        const anchor = this.open(e.anchorStart, e.anchorEnd, this.scalar(e));
        return this.close(anchor, this.count++);
      }
      case EVENT_ID.MAPPING:
        return this.mapping(e.start, e.anchorStart, e.anchorEnd, top);
      case EVENT_ID.SEQUENCE:
        return this.sequence(e.start, e.anchorStart, e.anchorEnd);
      case EVENT_ID.ALIAS:
        return this.alias(e.anchorStart, e.anchorEnd);
      default:
        return this.empty(); // a well-formed stream has no stray POP or DOCUMENT here
    }
  }

  private empty(): YScalar {
    return { kind: 'scalar', start: this.last, end: this.last, value: null };
  }

  private open<T extends YNode>(anchorStart: number, anchorEnd: number, node: T): { node: T; anchor?: Anchor } {
    if (anchorStart < 0) return { node };
    const anchor: Anchor = { node, start: this.base + anchorStart - 1, size: undefined };
    this.anchors.set(this.source.slice(anchorStart, anchorEnd), anchor);
    return { node, anchor };
  }

  /** Ends an opened node whose content began when `count` was `before`. */
  private close<T extends YNode>(opened: { node: T; anchor?: Anchor }, before: number): T {
    if (opened.anchor) opened.anchor.size = this.count - before;
    return opened.node;
  }

  private alias(anchorStart: number, anchorEnd: number): YNode {
    const name = this.source.slice(anchorStart, anchorEnd);
    const anchor = this.anchors.get(name);
    if (!anchor || this.overflow) return this.empty();
    if (anchor.size === undefined) {
      // go-yaml: "anchor 'x' value contains itself"; a cycle would make the tree infinite.
      this.out.problems.push({
        code: 'yaml.recursiveAlias',
        params: { anchor: name },
        start: this.base + anchorStart - 1,
        end: this.base + anchorEnd,
      });
      return this.empty();
    }
    this.budget.aliasNodes += anchor.size;
    if (this.budget.aliasNodes > YAML_LIMITS.maxAliasNodes) {
      this.overflow = true;
      this.out.problems.push({
        code: 'yaml.aliasLimit',
        params: { anchor: name, limit: YAML_LIMITS.maxAliasNodes },
        start: anchor.start,
        end: anchor.start + 1 + name.length,
      });
      return this.empty();
    }
    this.count += anchor.size;
    return anchor.node;
  }

  private scalar(e: ScalarEvent): YScalar {
    if (e.valueStart < 0) return this.empty();
    const text = getScalarValue(this.source, e);
    const plain = e.style === SCALAR_STYLE.PLAIN;
    const quoted = e.style === SCALAR_STYLE.SINGLE_QUOTED || e.style === SCALAR_STYLE.DOUBLE_QUOTED;
    const value = e.tagStart >= 0 ? resolveTagged(this.source.slice(e.tagStart, e.tagEnd), text, plain) : plain ? resolvePlain(text) : text;
    const start = this.base + e.valueStart - (quoted ? 1 : 0);
    const end = this.base + e.valueEnd + (quoted ? 1 : 0);
    this.last = end;
    return typeof value === 'boolean' || typeof value === 'number'
      ? { kind: 'scalar', start, end, value, written: text }
      : { kind: 'scalar', start, end, value };
  }

  private mapping(start: number, anchorStart: number, anchorEnd: number, top: boolean): YMap {
    const before = this.count++;
    const opened = this.open(anchorStart, anchorEnd, { kind: 'map', start: this.base + start, end: this.base + start, pairs: [] } as YMap);
    const map = opened.node;
    this.last = map.start;
    const written: Written[] = [];
    while (this.i < this.events.length && this.events[this.i].type !== EVENT_ID.POP) {
      const keyEvent = this.events[this.i];
      const keyNode = this.node();
      const value = this.node();
      if (keyNode.kind !== 'scalar') {
        this.out.problems.push({ code: 'yaml.complexKey', params: {}, start: keyNode.start });
        continue;
      }
      const key = keyNode.value === null ? 'null' : String(keyNode.value);
      // go-yaml's merge key: `<<: *base` copies the keys not written here.
      const merge = key === '<<' && keyEvent.type === EVENT_ID.SCALAR && keyEvent.style === SCALAR_STYLE.PLAIN;
      written.push({ pair: { key, keyStart: keyNode.start, keyEnd: keyNode.end, value }, merge });
    }
    this.i++;
    const [own, ...pasted] = top && this.source.charAt(start) !== '{' ? this.documentsIn(written) : [written];
    fill(map, own, this.out.problems);
    for (const part of pasted) {
      const doc: YMap = { kind: 'map', start: part[0].pair.keyStart, end: part[0].pair.keyStart, pairs: [] };
      fill(doc, part, this.out.problems);
      this.pasted.push(doc);
    }
    return this.close(opened, before);
  }

  /**
   * The documents in a top-level block mapping's keys: a new one begins where `apiVersion` or `kind`
   * comes again at the start of a line (with the keys repeated just before it, a document written
   * `metadata` first), and a problem there says where the missing `---` goes.
   */
  private documentsIn(written: Written[]): Written[][] {
    const parts: Written[][] = [];
    let begin = 0;
    /** Where each key of the current document is first written. */
    let firstAt = new Map<string, number>();
    const repeats = (i: number) => (firstAt.get(written[i].pair.key) ?? i) < i;
    const last = { apiVersion: -1, kind: -1 };
    written.forEach(({ pair }, i) => {
      if (pair.key === 'apiVersion' || pair.key === 'kind') last[pair.key] = i;
    });
    written.forEach(({ pair }, i) => {
      if (!firstAt.has(pair.key)) firstAt.set(pair.key, i);
      if (!repeats(i) || (pair.key !== 'apiVersion' && pair.key !== 'kind') || !this.atLineStart(pair.keyStart)) return;
      let first = i;
      while (first > begin && repeats(first - 1)) first--;
      // Two objects, each with its apiVersion and kind; a line written twice in one object is only a repeated key.
      const other = pair.key === 'kind' ? 'apiVersion' : 'kind';
      if ((firstAt.get(other) ?? first) >= first || last[other] < first) return;
      this.out.problems.push({
        code: 'yaml.missingSeparator',
        params: { key: pair.key },
        start: pair.keyStart,
        end: pair.keyEnd,
        insert: { at: written[first].pair.keyStart, text: '---\n' },
      });
      parts.push(written.slice(begin, first));
      begin = first;
      firstAt = new Map();
      for (let k = first; k <= i; k++) if (!firstAt.has(written[k].pair.key)) firstAt.set(written[k].pair.key, k);
    });
    parts.push(written.slice(begin));
    return parts;
  }

  private atLineStart(offset: number): boolean {
    const at = offset - this.base;
    return at === 0 || this.source.charAt(at - 1) === '\n';
  }

  private sequence(start: number, anchorStart: number, anchorEnd: number): YSeq {
    const before = this.count++;
    const opened = this.open(anchorStart, anchorEnd, { kind: 'seq', start: this.base + start, end: this.base + start, items: [] } as YSeq);
    const seq = opened.node;
    this.last = seq.start;
    while (this.i < this.events.length && this.events[this.i].type !== EVENT_ID.POP) {
      const item = this.node();
      seq.items.push(item);
      seq.end = item.end;
    }
    this.i++;
    return this.close(opened, before);
  }
}

/** A key and its value as written in a mapping, before repeated keys are resolved. */
interface Written {
  pair: YPair;
  /** `<<`: the value's keys are copied where not written. */
  merge: boolean;
}

/** Puts the keys written in `map`: a repeated key is a problem and its later value wins, as in go-yaml's JSON conversion. */
function fill(map: YMap, written: Written[], problems: YamlProblem[]): void {
  const seen = new Map<string, number>();
  let merges: YNode[] = [];
  for (const { pair, merge } of written) {
    map.end = pair.value.end;
    if (merge) {
      merges = pair.value.kind === 'seq' ? pair.value.items : [pair.value];
      continue;
    }
    const previous = seen.get(pair.key);
    if (previous !== undefined) {
      problems.push({ code: 'yaml.duplicateKey', params: { key: pair.key }, start: pair.keyStart, end: pair.keyEnd });
      map.pairs[previous] = pair;
    } else {
      seen.set(pair.key, map.pairs.length);
      map.pairs.push(pair);
    }
  }
  for (const m of merges) {
    if (m.kind !== 'map') continue;
    for (const p of m.pairs)
      if (!seen.has(p.key)) {
        seen.set(p.key, map.pairs.length);
        map.pairs.push(p);
      }
  }
}
