// One rule as `nft list` prints it back after the kernel has taken the text kube-proxy wrote
// (nftables v1.0.x: the rule is decoded from its bytecode, so spelling the dump chose is lost).

import { formatIPv4, formatIPv6Ntop, parseAddrSloppy, parsePrefixSloppy, summarize, type Addr, type Family } from '../../net';

/** The bitwise operators kube-proxy writes as words; nft prints their symbols. */
const BITWISE: Record<string, string> = { or: '|', and: '&', xor: '^' };

/** A relational match on an address against an anonymous set: `ip saddr != { … }`. */
const ADDRESS_SET = /\b(ip6? [sd]addr (?:!= )?)\{ ([^}]*) \}/g;

export function listRule(rule: string): string {
  return listMark(rule)
    .replace(ADDRESS_SET, (_, match: string, body: string) => match + listAddressSet(body.split(' , ')))
    .replace(/ , /g, ', ');
}

/**
 * Rules on the packet mark (they start with `mark`): nft names the key `meta mark` and prints
 * the mark's values as 32-bit hex (`0x00004000`, `0x00000000`).
 */
function listMark(rule: string): string {
  if (!rule.startsWith('mark ')) return rule;
  return rule
    .split(' ')
    .map((t) => (t === 'mark' ? 'meta mark' : (BITWISE[t] ?? (/^(0x[0-9a-f]+|[0-9]+)$/i.test(t) ? hex32(Number(t)) : t))))
    .join(' ');
}

const hex32 = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;

interface Range {
  family: Family;
  first: bigint;
  last: bigint;
}

/**
 * An anonymous set of addresses. One element: nft compares with the value itself, no set.
 * With a prefix among them it is an interval set: the kernel keeps the merged, sorted ranges
 * (overlapping and adjacent ones joined), printed as a prefix where one fits, else `first-last`.
 * Plain addresses only: a hash set, printed as written.
 */
function listAddressSet(elements: string[]): string {
  const ranges = elements.map(toRange);
  // kube-proxy writes only addresses and prefixes it parsed itself; anything else stays as written.
  if (!ranges.every((r) => r !== undefined)) return `{ ${elements.join(', ')} }`;
  if (ranges.length === 1) return formatRange(ranges[0]!);
  if (!elements.some((e) => e.includes('/'))) return `{ ${ranges.map(formatRange).join(', ')} }`;
  const merged: Range[] = [];
  for (const r of ranges.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0))) {
    const prev = merged[merged.length - 1];
    if (prev && r.first <= prev.last + 1n) prev.last = r.last > prev.last ? r.last : prev.last;
    else merged.push({ ...r });
  }
  return `{ ${merged.map(formatRange).join(', ')} }`;
}

function toRange(text: string): Range | undefined {
  const prefix = text.includes('/') ? parsePrefixSloppy(text) : undefined;
  if (prefix)
    return { family: prefix.family, first: prefix.base, last: prefix.base | ((1n << BigInt(width(prefix.family) - prefix.bits)) - 1n) };
  const addr = text.includes('/') ? undefined : parseAddrSloppy(text);
  return addr && { family: addr.family, first: addr.value, last: addr.value };
}

const width = (family: Family): number => (family === 4 ? 32 : 128);

function formatRange(r: Range): string {
  const text = (value: bigint): string => formatAddr({ family: r.family, value });
  if (r.first === r.last) return text(r.first);
  const prefixes = summarize({ family: r.family, value: r.first }, { family: r.family, value: r.last });
  return prefixes.length === 1 ? `${text(r.first)}/${prefixes[0]!.bits}` : `${text(r.first)}-${text(r.last)}`;
}

/** nft prints addresses with inet_ntop. */
const formatAddr = (a: Addr): string => (a.family === 4 ? formatIPv4(Number(a.value)) : formatIPv6Ntop(a.value));
