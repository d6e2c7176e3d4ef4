// IPv6 prefixes as bigints: the IPv6 side of a dual-stack cluster's ranges.

import { formatIPv6Netip } from './format6';
import { parseIPv6Sloppy, prefixMask6 } from './ipv6';

export interface Cidr6 {
  base: bigint;
  prefix: number;
}

/** `fd00:10:244::/56` masked to its network, as netutils.ParseCIDRSloppy reads it; undefined for anything else (IPv4 included). */
export function parseCidr6(text: string): Cidr6 | undefined {
  const [addr, len, extra] = text.trim().split('/');
  const base = parseIPv6Sloppy(addr ?? '');
  if (base === undefined || extra !== undefined || len === undefined || !/^\d{1,3}$/.test(len) || Number(len) > 128) return undefined;
  const prefix = Number(len);
  return { base: base & prefixMask6(prefix), prefix };
}

/** As the Kubernetes controllers (Go) print a range they hand out. */
export function formatCidr6(c: Cidr6): string {
  return `${formatIPv6Netip(c.base)}/${c.prefix}`;
}

export function cidr6Contains(c: Cidr6, ip: string): boolean {
  const v = parseIPv6Sloppy(ip);
  return v !== undefined && (v & prefixMask6(c.prefix)) === c.base;
}
