// YAML text -> documents of positioned nodes, built from js-yaml's flat event stream
// so that every key and value keeps its offset in the file. A syntax error costs
// only the document it is in: the text is then split at `---` lines (a document
// marker can never occur inside content) and each document is parsed alone.

import { EVENT_ID, SCALAR_STYLE, getScalarValue, parseEvents, type Event, type ScalarEvent } from 'js-yaml';
import { resolvePlain, resolveTagged, type ScalarValue } from './scalar';

export interface YScalar {
  kind: 'scalar';
  start: number;
  end: number;
  value: ScalarValue;
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

/** A problem found while reading YAML, before any Kubernetes meaning is given to it. */
export interface YamlProblem {
  code: 'yaml.syntax' | 'yaml.duplicateKey' | 'yaml.complexKey';
  params: Record<string, string>;
  start: number;
  end?: number;
}

export interface YamlDocuments {
  /** Non-empty documents, in file order. */
  docs: YNode[];
  problems: YamlProblem[];
}

export function parseYamlDocuments(text: string): YamlDocuments {
  const out: YamlDocuments = { docs: [], problems: [] };
  if (parseChunk(text, 0, out)) return out;
  // Fast path failed: retry document by document so that the good ones survive.
  out.docs = [];
  out.problems = [];
  for (const [start, end] of splitDocuments(text)) parseChunk(text.slice(start, end), start, out);
  return out;
}

/** Offsets [start, end) of each document: at `---` lines, or top-level values of a JSON stream. */
function splitDocuments(text: string): [number, number][] {
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
      if (c === 92) i++; // backslash
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

function parseChunk(source: string, base: number, out: YamlDocuments): boolean {
  let events: Event[];
  try {
    events = parseEvents(source, {});
  } catch (e) {
    const mark = (e as { mark?: { position?: number } }).mark;
    const reason = (e as { reason?: unknown }).reason;
    const at = Math.min(Math.max(mark?.position ?? 0, 0), Math.max(source.length - 1, 0));
    out.problems.push({ code: 'yaml.syntax', params: { reason: typeof reason === 'string' ? reason : String(e) }, start: base + at });
    return false;
  }
  new TreeBuilder(source, base, events, out).build();
  return true;
}

class TreeBuilder {
  private i = 0;
  private anchors = new Map<string, YNode>();
  /** The last offset seen, given to empty values (`key:`) which have none of their own. */
  private last = 0;

  constructor(
    private readonly source: string,
    private readonly base: number,
    private readonly events: Event[],
    private readonly out: YamlDocuments,
  ) {}

  build(): void {
    const ev = this.events;
    while (this.i < ev.length) {
      const e = ev[this.i++];
      if (e.type !== EVENT_ID.DOCUMENT) continue;
      this.anchors = new Map();
      if (this.i < ev.length && ev[this.i].type !== EVENT_ID.POP) {
        const node = this.node();
        if (!(node.kind === 'scalar' && node.value === null)) this.out.docs.push(node);
      }
      this.i++; // the document's POP
    }
  }

  private node(): YNode {
    const e = this.events[this.i++];
    switch (e.type) {
      case EVENT_ID.SCALAR:
        return this.remember(e.anchorStart, e.anchorEnd, this.scalar(e));
      case EVENT_ID.MAPPING:
        return this.mapping(e.start, e.anchorStart, e.anchorEnd);
      case EVENT_ID.SEQUENCE:
        return this.sequence(e.start, e.anchorStart, e.anchorEnd);
      case EVENT_ID.ALIAS:
        return this.anchors.get(this.source.slice(e.anchorStart, e.anchorEnd)) ?? this.empty();
      default:
        return this.empty(); // a well-formed stream has no stray POP or DOCUMENT here
    }
  }

  private empty(): YScalar {
    return { kind: 'scalar', start: this.last, end: this.last, value: null };
  }

  private remember<T extends YNode>(anchorStart: number, anchorEnd: number, node: T): T {
    if (anchorStart >= 0) this.anchors.set(this.source.slice(anchorStart, anchorEnd), node);
    return node;
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
    return { kind: 'scalar', start, end, value };
  }

  private mapping(start: number, anchorStart: number, anchorEnd: number): YMap {
    const map: YMap = this.remember(anchorStart, anchorEnd, { kind: 'map', start: this.base + start, end: this.base + start, pairs: [] });
    this.last = map.start;
    const seen = new Map<string, number>();
    let merges: YNode[] = [];
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
      if (key === '<<' && keyEvent.type === EVENT_ID.SCALAR && keyEvent.style === SCALAR_STYLE.PLAIN) {
        merges = value.kind === 'seq' ? value.items : [value];
        continue;
      }
      const pair: YPair = { key, keyStart: keyNode.start, keyEnd: keyNode.end, value };
      const previous = seen.get(key);
      if (previous !== undefined) {
        this.out.problems.push({ code: 'yaml.duplicateKey', params: { key }, start: keyNode.start, end: keyNode.end });
        map.pairs[previous] = pair; // the later value wins, as in go-yaml's JSON conversion
      } else {
        seen.set(key, map.pairs.length);
        map.pairs.push(pair);
      }
      map.end = value.end;
    }
    this.i++;
    for (const m of merges) {
      if (m.kind !== 'map') continue;
      for (const p of m.pairs) if (!seen.has(p.key)) {
        seen.set(p.key, map.pairs.length);
        map.pairs.push(p);
      }
    }
    return map;
  }

  private sequence(start: number, anchorStart: number, anchorEnd: number): YSeq {
    const seq: YSeq = this.remember(anchorStart, anchorEnd, { kind: 'seq', start: this.base + start, end: this.base + start, items: [] });
    this.last = seq.start;
    while (this.i < this.events.length && this.events[this.i].type !== EVENT_ID.POP) {
      const item = this.node();
      seq.items.push(item);
      seq.end = item.end;
    }
    this.i++;
    return seq;
  }
}
