// Port numbers and ranges as the tcp/udp/sctp/multiport extensions read and print them.

export interface PortRange {
  lo: number;
  hi: number;
}

/** `80`, `80:90`, `:90` (0:90) or `80:` (80:65535); `sep` is `-` for NAT ranges. */
export function parsePortRange(text: string, sep = ':'): PortRange | undefined {
  const at = text.indexOf(sep);
  const port = (s: string, dflt: number) => (s === '' ? dflt : /^\d{1,5}$/.test(s) && Number(s) <= 65535 ? Number(s) : NaN);
  const lo = at < 0 ? port(text, NaN) : port(text.slice(0, at), 0);
  const hi = at < 0 ? lo : port(text.slice(at + 1), 65535);
  if (Number.isNaN(lo) || Number.isNaN(hi) || lo > hi) return undefined;
  return { lo, hi };
}

export function formatPortRange(r: PortRange, sep = ':'): string {
  return r.lo === r.hi ? String(r.lo) : `${r.lo}${sep}${r.hi}`;
}

export function inRange(r: PortRange, port: number): boolean {
  return port >= r.lo && port <= r.hi;
}
