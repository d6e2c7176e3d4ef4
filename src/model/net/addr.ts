// Addresses and prefixes of either family as Go programs (kube-proxy, MetalLB) hold them in a
// net.IP / net.IPNet: one bigint per address, so both families share one code path.

import { formatIPv4, parseIPv4Go, parseIPv4Sloppy } from './ipv4';
import { formatIPv6Netip } from './format6';
import { parseIPv6Go, parseIPv6Sloppy } from './ipv6';

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

interface Dialect {
  v4: (text: string) => number | undefined;
  v6: (text: string) => bigint | undefined;
}

const SLOPPY: Dialect = { v4: parseIPv4Sloppy, v6: parseIPv6Sloppy };
const GO: Dialect = { v4: parseIPv4Go, v6: parseIPv6Go };

const widthOf = (family: Family): number => (family === 4 ? 32 : 128);
const V4_MAPPED_HIGH = 0xffffn;

/** The address with the family its text is written in (`::ffff:1.2.3.4` is IPv6 text). */
function parseWritten(text: string, d: Dialect): Addr | undefined {
  if (text.includes(':')) {
    const v6 = d.v6(text);
    return v6 === undefined ? undefined : { family: 6, value: v6 };
  }
  const v4 = d.v4(text);
  return v4 === undefined ? undefined : { family: 4, value: BigInt(v4) };
}

/** Go reads an IPv4-mapped IPv6 address as IPv4 (`ip.To4() != nil`, utilnet.IsIPv6 false). */
function asNetIP(a: Addr | undefined): Addr | undefined {
  if (a?.family === 6 && a.value >> 32n === V4_MAPPED_HIGH) return { family: 4, value: a.value & 0xffffffffn };
  return a;
}

/** Go's net.ParseIP (leading zeros in IPv4 rejected). */
export const parseAddrGo = (text: string): Addr | undefined => asNetIP(parseWritten(text, GO));

/** Kubernetes' netutils.ParseIPSloppy, which kube-proxy uses (leading zeros read as decimal). */
export const parseAddrSloppy = (text: string): Addr | undefined => asNetIP(parseWritten(text, SLOPPY));

/** net.IP.String(): dotted quad for IPv4 (mapped ones included), netip's text for IPv6. */
export function formatAddrGo(a: Addr): string {
  return a.family === 4 ? formatIPv4(Number(a.value)) : formatIPv6Netip(a.value);
}

/** The text a Go program writes for an address it read sloppily (kube-proxy: ParseIPSloppy, then String()). */
export function canonicalSloppy(text: string): string | undefined {
  const a = parseAddrSloppy(text);
  return a && formatAddrGo(a);
}

function mask(family: Family, bits: number): bigint {
  const w = BigInt(widthOf(family));
  return ((1n << w) - 1n) ^ ((1n << (w - BigInt(bits))) - 1n);
}

/** `ip/len` with the host bits cleared (192.168.1.7/24 is 192.168.1.0/24); the family is the one the address is written in. */
function parsePrefixWith(text: string, d: Dialect): Prefix | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const addr = parseWritten(text.slice(0, slash), d);
  const len = text.slice(slash + 1);
  if (!addr || !/^[0-9]{1,3}$/.test(len)) return undefined;
  const bits = Number(len);
  if (bits > widthOf(addr.family)) return undefined;
  return prefixOf(addr, bits);
}

/** Go's net.ParseCIDR. */
export const parsePrefixGo = (text: string): Prefix | undefined => parsePrefixWith(text, GO);

/** Kubernetes' netutils.ParseCIDRSloppy. */
export const parsePrefixSloppy = (text: string): Prefix | undefined => parsePrefixWith(text, SLOPPY);

export function prefixOf(a: Addr, bits: number): Prefix {
  return { family: a.family, base: a.value & mask(a.family, bits), bits };
}

/** net.IPNet.String(): the network address and the prefix length. */
export const formatPrefixGo = (p: Prefix): string => `${formatAddrGo({ family: p.family, value: p.base })}/${p.bits}`;

const lastOf = (p: Prefix): bigint => p.base | ((1n << BigInt(widthOf(p.family) - p.bits)) - 1n);

export const sizeOf = (p: Prefix): bigint => 1n << BigInt(widthOf(p.family) - p.bits);

export function prefixContains(p: Prefix, a: Addr): boolean {
  return p.family === a.family && (a.value & mask(p.family, p.bits)) === p.base;
}

/** One prefix overlaps the other (MetalLB's cidrsOverlap). */
export function prefixesOverlap(a: Prefix, b: Prefix): boolean {
  return a.family === b.family && a.base <= lastOf(b) && b.base <= lastOf(a);
}

/** The fewest prefixes covering exactly start..end (github.com/mikioh/ipaddr Summarize), in address order. */
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

/** net.JoinHostPort: brackets around IPv6 hosts. */
export function joinHostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}
