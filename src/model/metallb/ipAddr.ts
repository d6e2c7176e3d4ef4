// IPv4 and IPv6 addresses and prefixes as MetalLB reads them (Go's net.ParseIP / net.ParseCIDR,
// github.com/mikioh/ipaddr Summarize), as bigints so that both families share one code path.

export type Family = 4 | 6;

export interface Addr {
  family: Family;
  value: bigint;
}

export interface Prefix {
  family: Family;
  /** The network address (host bits cleared). */
  base: bigint;
  bits: number;
}

const widthOf = (family: Family): number => (family === 4 ? 32 : 128);

const V4_OCTET = /^(0|[1-9][0-9]{0,2})$/; // Go 1.17+ rejects leading zeros
const V4_MAPPED = 0xffff00000000n;

function parseV4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!V4_OCTET.test(p) || Number(p) > 255) return undefined;
    v = (v << 8n) | BigInt(p);
  }
  return v;
}

function parseV6(text: string): bigint | undefined {
  if (!/^[0-9A-Fa-f:.]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string): bigint[] | undefined => {
    if (h === '') return [];
    const out: bigint[] = [];
    const items = h.split(':');
    for (let i = 0; i < items.length; i++) {
      const g = items[i];
      if (i === items.length - 1 && g.includes('.')) {
        const v4 = parseV4(g);
        if (v4 === undefined) return undefined;
        out.push(v4 >> 16n, v4 & 0xffffn);
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(g)) out.push(BigInt(`0x${g}`));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1 ? head.length !== 8 : head.length + tail.length > 7) return undefined;
  const all = [...head, ...Array<bigint>(8 - head.length - tail.length).fill(0n), ...tail];
  return all.reduce((acc, g) => (acc << 16n) | g, 0n);
}

/** net.ParseIP: an IPv4-mapped IPv6 address counts as IPv4, as `ip.To4() != nil` does in Go. */
export function parseAddr(text: string): Addr | undefined {
  const v4 = parseV4(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = parseV6(text);
  if (v6 === undefined) return undefined;
  if (v6 >> 32n === V4_MAPPED >> 32n) return { family: 4, value: v6 & 0xffffffffn };
  return { family: 6, value: v6 };
}

/** net.IP.String(): dotted quad, or RFC 5952 (longest zero run as `::`, lower-case hex). */
export function formatAddr(a: Addr): string {
  if (a.family === 4) return [24n, 16n, 8n, 0n].map((s) => String((a.value >> s) & 255n)).join('.');
  const g = Array.from({ length: 8 }, (_, i) => Number((a.value >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j;
  }
  const hex = (xs: number[]) => xs.map((x) => x.toString(16)).join(':');
  return best < 0 ? hex(g) : `${hex(g.slice(0, best))}::${hex(g.slice(best + bestLen))}`;
}

function mask(family: Family, bits: number): bigint {
  const w = BigInt(widthOf(family));
  return ((1n << w) - 1n) ^ ((1n << (w - BigInt(bits))) - 1n);
}

/** net.ParseCIDR: `ip/len`; the host bits are cleared (192.168.1.7/24 is 192.168.1.0/24). */
export function parsePrefix(text: string): Prefix | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const addr = parseAddr(text.slice(0, slash));
  const len = text.slice(slash + 1);
  if (!addr || !/^[0-9]{1,3}$/.test(len)) return undefined;
  // Go keeps a v4-mapped v6 CIDR 16 bytes long; MetalLB never sees one in practice.
  const bits = Number(len);
  if (bits > widthOf(addr.family)) return undefined;
  return { family: addr.family, base: addr.value & mask(addr.family, bits), bits };
}

export function prefixOf(a: Addr, bits: number): Prefix {
  return { family: a.family, base: a.value & mask(a.family, bits), bits };
}

export const formatPrefix = (p: Prefix): string => `${formatAddr({ family: p.family, value: p.base })}/${p.bits}`;

const lastOf = (p: Prefix): bigint => p.base | ((1n << BigInt(widthOf(p.family) - p.bits)) - 1n);

export const sizeOf = (p: Prefix): bigint => 1n << BigInt(widthOf(p.family) - p.bits);

export function prefixContains(p: Prefix, a: Addr): boolean {
  return p.family === a.family && (a.value & mask(p.family, p.bits)) === p.base;
}

/** MetalLB's cidrsOverlap: one prefix contains the other. */
export function prefixesOverlap(a: Prefix, b: Prefix): boolean {
  return a.family === b.family && a.base <= lastOf(b) && b.base <= lastOf(a);
}

/** The fewest prefixes covering exactly start..end (ipaddr.Summarize), in address order. */
export function summarize(start: Addr, end: Addr): Prefix[] {
  const width = widthOf(start.family);
  const out: Prefix[] = [];
  let cur = start.value;
  while (cur <= end.value) {
    let bits = width;
    // Grow the block while it stays aligned at `cur` and inside the range.
    while (bits > 0) {
      const size = 1n << BigInt(width - bits + 1);
      if (cur % size !== 0n || cur + size - 1n > end.value) break;
      bits--;
    }
    out.push({ family: start.family, base: cur, bits });
    cur += 1n << BigInt(width - bits);
  }
  return out;
}
