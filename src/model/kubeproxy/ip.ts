// Just enough IP handling to print addresses the way Go's net.IP.String() and
// net.IPNet.String() do (kube-proxy parses every address and prints it back).

export type Family = 4 | 6;

export interface IP {
  family: Family;
  /** 4 or 16 bytes, network order. */
  bytes: number[];
}

export interface CIDR {
  ip: IP; // masked network address
  prefix: number;
}

function parseV4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  // "Sloppy" parsing as kube-proxy does: leading zeros are decimal, not octal.
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

function parseV6(text: string): number[] | null {
  let head = text;
  let tailV4: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    const v4 = parseV4(text.slice(lastColon + 1));
    if (!v4) return null;
    tailV4 = v4;
    head = text.slice(0, lastColon + 1) + '0:0';
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string): number[] | null => {
    if (s === '') return [];
    const out = s.split(':').map((g) => (/^[0-9a-fA-F]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
    return out.every((g) => !Number.isNaN(g)) ? out : null;
  };
  const left = groups(halves[0]);
  const right = halves.length === 2 ? groups(halves[1]) : [];
  if (!left || !right) return null;
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...left, ...new Array<number>(missing).fill(0), ...right];
  const bytes = all.flatMap((g) => [g >> 8, g & 255]);
  if (tailV4.length) bytes.splice(12, 4, ...tailV4);
  return bytes;
}

export function parseIP(text: string): IP | null {
  const t = text.trim();
  if (t.includes(':')) {
    const bytes = parseV6(t);
    return bytes ? { family: 6, bytes } : null;
  }
  const bytes = parseV4(t);
  return bytes ? { family: 4, bytes } : null;
}

export function formatIP(ip: IP): string {
  if (ip.family === 4) return ip.bytes.join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((ip.bytes[i] << 8) | ip.bytes[i + 1]);
  // RFC 5952 as Go does it: compress the first longest run of two or more zero groups.
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (gs: number[]): string => gs.map((g) => g.toString(16)).join(':');
  if (bestStart < 0) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLen))}`;
}

/** Canonical text of an address, or null when it is not one. */
export function canonicalIP(text: string): string | null {
  const ip = parseIP(text);
  return ip ? formatIP(ip) : null;
}

export function ipFamily(text: string): Family | null {
  return parseIP(text)?.family ?? null;
}

export function parseCIDR(text: string): CIDR | null {
  const [addr, len, extra] = text.trim().split('/');
  if (extra !== undefined || len === undefined || !/^\d{1,3}$/.test(len)) return null;
  const ip = parseIP(addr);
  const prefix = Number(len);
  if (!ip || prefix > ip.bytes.length * 8) return null;
  const bytes = ip.bytes.map((b, i) => {
    const keep = Math.max(0, Math.min(8, prefix - i * 8));
    return b & ((0xff << (8 - keep)) & 0xff);
  });
  return { ip: { family: ip.family, bytes }, prefix };
}

/** net.IPNet.String(): the masked network address and prefix length. */
export function formatCIDR(cidr: CIDR): string {
  return `${formatIP(cidr.ip)}/${cidr.prefix}`;
}

export function cidrContains(cidr: CIDR, ip: IP): boolean {
  if (cidr.ip.family !== ip.family) return false;
  const masked = parseCIDR(`${formatIP(ip)}/${cidr.prefix}`);
  return masked !== null && masked.ip.bytes.every((b, i) => b === cidr.ip.bytes[i]);
}

/** net.JoinHostPort: brackets around IPv6 hosts. */
export function joinHostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}
