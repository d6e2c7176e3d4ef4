// -s/-d values: an address with a prefix length or a mask, as iptables (IPv4) and
// ip6tables (IPv6) parse and print them (the address is stored masked; a contiguous
// mask prints as /len, any other mask as an address).

import { formatIPv4, formatIPv6Ntop, maskPrefix6, parseIPv4Sloppy, parseIPv6Sloppy, prefixMask6 } from '../net';
import type { IpFamily } from './types';

export type AddrMatch =
  { family: 4; addr: number; mask: number; invert: boolean } | { family: 6; addr: bigint; mask: bigint; invert: boolean };

export function parseAddrMatch(text: string, invert: boolean, family: IpFamily = 4): AddrMatch | undefined {
  const slash = text.indexOf('/');
  const host = slash < 0 ? text : text.slice(0, slash);
  const m = slash < 0 ? undefined : text.slice(slash + 1);
  if (family === 6) {
    const addr = parseIPv6Sloppy(host);
    const mask = m === undefined ? prefixMask6(128) : /^\d{1,3}$/.test(m) && Number(m) <= 128 ? prefixMask6(Number(m)) : parseIPv6Sloppy(m);
    if (addr === undefined || mask === undefined) return undefined;
    return { family, addr: addr & mask, mask, invert };
  }
  const addr = parseIPv4Sloppy(host);
  if (addr === undefined) return undefined;
  const mask = m === undefined ? 0xffffffff : /^\d{1,2}$/.test(m) && Number(m) <= 32 ? prefixMask(Number(m)) : parseIPv4Sloppy(m);
  if (mask === undefined) return undefined;
  return { family, addr: (addr & mask) >>> 0, mask, invert };
}

export function prefixMask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** `10.0.0.0/8`, or `10.0.2.0/255.0.255.0` for a mask that is not a prefix; `fd00::/64`, `fd00::/ffff:ffff:0:ffff::`. */
export function formatAddrMatch(m: AddrMatch): string {
  if (m.family === 6) {
    const len = maskPrefix6(m.mask);
    return `${formatIPv6Ntop(m.addr)}/${len >= 0 ? len : formatIPv6Ntop(m.mask)}`;
  }
  const inverted = ~m.mask >>> 0;
  const contiguous = (inverted & (inverted + 1)) === 0;
  const len = contiguous ? 32 - Math.log2(inverted + 1) : -1;
  return `${formatIPv4(m.addr)}/${contiguous ? len : formatIPv4(m.mask)}`;
}

/** `0.0.0.0/0` and `::/0` match everything and iptables-save leaves them out. */
export function matchesAny(m: AddrMatch): boolean {
  return !m.invert && (m.family === 6 ? m.mask === 0n : m.mask === 0);
}

/** An address of the other family never matches (it could not reach this table). */
export function addrMatches(m: AddrMatch, ip: string): boolean {
  let inside: boolean;
  if (m.family === 6) {
    const v = parseIPv6Sloppy(ip);
    inside = v !== undefined && (v & m.mask) === m.addr;
  } else {
    const v = parseIPv4Sloppy(ip);
    inside = v !== undefined && (v & m.mask) >>> 0 === m.addr;
  }
  return inside !== m.invert;
}

/** -i/-o: a trailing `+` matches any interface with that prefix. */
export function ifaceMatches(pattern: string, iface: string | undefined): boolean {
  const name = iface ?? ''; // locally generated packets have no input interface
  return pattern.endsWith('+') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}
