// -s/-d values: an address with a prefix length or a dotted mask, as iptables parses
// and prints them (the address is stored masked; a contiguous mask prints as /len).

import { formatIPv4, parseIPv4 } from '../ip';

export interface AddrMatch {
  addr: number;
  mask: number;
  invert: boolean;
}

export function parseAddrMatch(text: string, invert: boolean): AddrMatch | undefined {
  const slash = text.indexOf('/');
  const addr = parseIPv4(slash < 0 ? text : text.slice(0, slash));
  if (addr === undefined) return undefined;
  let mask = 0xffffffff;
  if (slash >= 0) {
    const m = text.slice(slash + 1);
    if (/^\d{1,2}$/.test(m) && Number(m) <= 32) mask = prefixMask(Number(m));
    else {
      const dotted = parseIPv4(m);
      if (dotted === undefined) return undefined;
      mask = dotted;
    }
  }
  return { addr: (addr & mask) >>> 0, mask, invert };
}

export function prefixMask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** `10.0.0.0/8`, or `10.0.2.0/255.0.255.0` for a mask that is not a prefix. */
export function formatAddrMatch(m: AddrMatch): string {
  const inverted = ~m.mask >>> 0;
  const contiguous = (inverted & (inverted + 1)) === 0;
  const len = contiguous ? 32 - Math.log2(inverted + 1) : -1;
  return `${formatIPv4(m.addr)}/${contiguous ? len : formatIPv4(m.mask)}`;
}

export function addrMatches(m: AddrMatch, ip: string): boolean {
  const v = parseIPv4(ip);
  const inside = v !== undefined && (v & m.mask) >>> 0 === m.addr;
  return inside !== m.invert;
}

/** -i/-o: a trailing `+` matches any interface with that prefix. */
export function ifaceMatches(pattern: string, iface: string | undefined): boolean {
  const name = iface ?? ''; // locally generated packets have no input interface
  return pattern.endsWith('+') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}
