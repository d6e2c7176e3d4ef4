// BGP communities as MetalLB parses and orders them (internal/bgp/community, v0.15.3):
// `a:b` (16-bit halves) or `large:a:b:c` (32-bit parts).

const UINT16 = /^[0-9]+$/;

export interface ParsedCommunity {
  large: boolean;
  parts: number[];
}

/** The parsed parts, or MetalLB's error text. */
export function parseCommunity(text: string): ParsedCommunity | string {
  const fs = text.split(':');
  const part = (s: string, max: number): number | undefined => (UINT16.test(s) && Number(s) <= max ? Number(s) : undefined);
  if (fs.length === 2) {
    const parts = fs.map((f) => part(f, 0xffff));
    const bad = parts.findIndex((p) => p === undefined);
    if (bad >= 0) return `invalid community value: invalid section ${JSON.stringify(fs[bad])} of community ${JSON.stringify(text)}`;
    return { large: false, parts: parts as number[] };
  }
  if (fs.length === 4) {
    if (fs[0] !== 'large')
      return `invalid community value: invalid marker for large community, expected community to be of format large:<uint32>:<uint32>:<uint32> but got ${JSON.stringify(text)} instead`;
    const parts = fs.slice(1).map((f) => part(f, 0xffffffff));
    const bad = parts.findIndex((p) => p === undefined);
    if (bad >= 0) return `invalid community value: invalid section ${JSON.stringify(fs[bad + 1])} of community ${JSON.stringify(text)}`;
    return { large: true, parts: parts as number[] };
  }
  return `invalid community format: ${text}`;
}

/** community.lessThan: a standard community a:b sorts as the large community (a<<16|b):0:0. */
function sortKey(text: string): [number, number, number] {
  const p = parseCommunity(text);
  if (typeof p === 'string') return [0, 0, 0];
  const [a, b, c] = p.parts;
  return p.large ? [a, b, c] : [a * 65536 + b, 0, 0];
}

export function sortCommunities(list: string[]): string[] {
  return list
    .map((c) => ({ c, k: sortKey(c) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2])
    .map((x) => x.c);
}
