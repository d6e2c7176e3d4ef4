// IPv4 prefixes as numbers: the cluster's ranges, the LAN, iptables' `-s`/`-d` operands.

import { formatIPv4, parseIPv4Sloppy } from './ipv4';

export interface Cidr {
  /** The network address (host bits cleared). */
  base: number;
  prefix: number;
}

export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/**
 * `10.244.0.0/16`, or a bare address as a /32 (the way iptables reads `-s 10.0.0.1`), with the
 * address in the sloppy dialect; the host bits are cleared.
 */
export function parseCidr(text: string): Cidr | undefined {
  const [addr, len] = text.split('/');
  const base = parseIPv4Sloppy(addr ?? '');
  const prefix = len === undefined ? 32 : /^\d{1,2}$/.test(len) ? Number(len) : NaN;
  if (base === undefined || !(prefix >= 0 && prefix <= 32)) return undefined;
  return { base: (base & maskOf(prefix)) >>> 0, prefix };
}

export function cidrContains(cidr: Cidr | string, ip: string | number): boolean {
  const c = typeof cidr === 'string' ? parseCidr(cidr) : cidr;
  const v = typeof ip === 'string' ? parseIPv4Sloppy(ip) : ip;
  if (!c || v === undefined) return false;
  return (v & maskOf(c.prefix)) >>> 0 === c.base;
}

export function cidrSize(cidr: Cidr): number {
  return 2 ** (32 - cidr.prefix);
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIPv4(cidr.base)}/${cidr.prefix}`;
}

/** The n-th address of a CIDR (0 = network address). */
export function nthAddress(cidr: Cidr | string, n: number): string {
  const c = typeof cidr === 'string' ? parseCidr(cidr) : cidr;
  if (!c) return '';
  return formatIPv4((c.base + n) >>> 0);
}
