// IPv4 address arithmetic shared by every part of the model.

/** Parses dotted-quad IPv4 into an unsigned 32-bit number, or undefined. */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

export function formatIPv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

export interface Cidr {
  base: number;
  prefix: number;
}

export function parseCidr(text: string): Cidr | undefined {
  const [addr, len] = text.split('/');
  const base = parseIPv4(addr ?? '');
  const prefix = len === undefined ? 32 : /^\d{1,2}$/.test(len) ? Number(len) : NaN;
  if (base === undefined || !(prefix >= 0 && prefix <= 32)) return undefined;
  return { base: (base & maskOf(prefix)) >>> 0, prefix };
}

export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function cidrContains(cidr: Cidr | string, ip: string | number): boolean {
  const c = typeof cidr === 'string' ? parseCidr(cidr) : cidr;
  const v = typeof ip === 'string' ? parseIPv4(ip) : ip;
  if (!c || v === undefined) return false;
  return ((v & maskOf(c.prefix)) >>> 0) === c.base;
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

export function isIPv4(text: string): boolean {
  return parseIPv4(text) !== undefined;
}
