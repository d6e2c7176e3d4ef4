// IPv6 addresses as ip6tables reads and prints them: parsed like inet_pton into a
// 128-bit number, printed like glibc's inet_ntop (the first longest run of two or more
// zero groups becomes `::`; IPv4-mapped and -compatible addresses end in dotted quad).
// The cluster model's IPv6 allocations use the same arithmetic (for the unicast
// addresses it hands out, Go's net.IP.String() prints the same text).

import { parseIP } from '../kubeproxy/ip';

const ALL = (1n << 128n) - 1n;

export function parseIPv6(text: string): bigint | undefined {
  if (!text.includes(':')) return undefined;
  const ip = parseIP(text);
  if (!ip || ip.family !== 6) return undefined;
  return ip.bytes.reduce((v, b) => (v << 8n) | BigInt(b), 0n);
}

export function formatIPv6(value: bigint): string {
  const words: number[] = [];
  for (let i = 7; i >= 0; i--) words.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  let best = { base: -1, len: 0 };
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > best.len) best = { base: i, len: j - i };
    i = j;
  }
  if (best.len < 2) best = { base: -1, len: 0 };
  const dotted = () => [words[6] >> 8, words[6] & 255, words[7] >> 8, words[7] & 255].join('.');
  if (best.base === 0 && best.len === 6) return `::${dotted()}`;
  if (best.base === 0 && best.len === 5 && words[5] === 0xffff) return `::ffff:${dotted()}`;
  const hex = (ws: number[]) => ws.map((w) => w.toString(16)).join(':');
  if (best.base < 0) return hex(words);
  return `${hex(words.slice(0, best.base))}::${hex(words.slice(best.base + best.len))}`;
}

export function prefixMask6(prefix: number): bigint {
  return prefix === 0 ? 0n : (ALL << BigInt(128 - prefix)) & ALL;
}

/** The prefix length of a contiguous mask, or -1. */
export function maskPrefix6(mask: bigint): number {
  const inverted = ~mask & ALL;
  if ((inverted & (inverted + 1n)) !== 0n) return -1;
  return 128 - inverted.toString(2).replace(/^0$/, '').length;
}

export interface Cidr6 {
  base: bigint;
  prefix: number;
}

/** `fd00:10:244::/56` masked to its network; undefined for anything else (IPv4 included). */
export function parseCidr6(text: string): Cidr6 | undefined {
  const [addr, len, extra] = text.trim().split('/');
  const base = parseIPv6(addr ?? '');
  if (base === undefined || extra !== undefined || len === undefined || !/^\d{1,3}$/.test(len) || Number(len) > 128) return undefined;
  const prefix = Number(len);
  return { base: base & prefixMask6(prefix), prefix };
}

export function formatCidr6(c: Cidr6): string {
  return `${formatIPv6(c.base)}/${c.prefix}`;
}

export function cidr6Contains(c: Cidr6, ip: string): boolean {
  const v = parseIPv6(ip);
  return v !== undefined && (v & prefixMask6(c.prefix)) === c.base;
}
