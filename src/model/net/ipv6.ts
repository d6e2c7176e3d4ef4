// IPv6 addresses as 128-bit bigints: parsed in the two dialects the model meets (they differ
// only in how a dotted IPv4 tail is read), and masks for prefix lengths.

import { parseIPv4Go, parseIPv4Sloppy } from './ipv4';

const ALL = (1n << 128n) - 1n;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function groupsOf(text: string): number[] | undefined {
  if (text === '') return [];
  const out: number[] = [];
  for (const g of text.split(':')) {
    if (!HEX_GROUP.test(g)) return undefined;
    out.push(parseInt(g, 16));
  }
  return out;
}

/** RFC 4291 text: eight hex groups, one `::` for a run of zeros, optionally a dotted quad as the last 32 bits. */
function parseIPv6With(text: string, parseV4: (text: string) => number | undefined): bigint | undefined {
  const lastColon = text.lastIndexOf(':');
  if (lastColon < 0) return undefined;
  let head = text;
  let tail: number | undefined;
  if (text.includes('.', lastColon)) {
    tail = parseV4(text.slice(lastColon + 1));
    if (tail === undefined) return undefined;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const left = groupsOf(halves[0]);
  const right = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (!left || !right) return undefined;
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...left, ...new Array<number>(missing).fill(0), ...right];
  const value = all.reduce((v, g) => (v << 16n) | BigInt(g), 0n);
  return tail === undefined ? value : (value & ~0xffffffffn) | BigInt(tail);
}

/** netutils.ParseIPSloppy's IPv6: a dotted tail may have leading zeros (read as decimal). */
export function parseIPv6Sloppy(text: string): bigint | undefined {
  return parseIPv6With(text, parseIPv4Sloppy);
}

/** Go's net.ParseIP / net/netip.ParseAddr IPv6 (no zone): the dotted tail is strict. */
export function parseIPv6Go(text: string): bigint | undefined {
  return parseIPv6With(text, parseIPv4Go);
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
