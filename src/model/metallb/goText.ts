// Go's way of printing values inside MetalLB's error messages, so ours read the same.

/** `%q` of a string (strconv.Quote) or of an integer (a quoted character literal, as Go prints it). */
export function goQuote(value: string | number): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value >= 0x20 && value < 0x7f)
    return value === 0x27 || value === 0x5c ? `'\\${String.fromCharCode(value)}'` : `'${String.fromCharCode(value)}'`;
  if (value >= 0 && value < 0x80) return `'\\x${value.toString(16).padStart(2, '0')}'`;
  if (value >= 0x80 && value <= 0x10ffff && !(value >= 0xd800 && value < 0xe000)) return `'${String.fromCodePoint(value)}'`;
  return "'\uFFFD'";
}

const UNITS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** time.ParseDuration in nanoseconds (`90s`, `1m30s`, `1.5h`), or null when Go would reject it. */
export function parseGoDuration(text: string): number | null {
  const m = /^([-+]?)((?:[0-9]*\.?[0-9]+(?:ns|us|µs|ms|s|m|h))+|0)$/.exec(text);
  if (!m) return null;
  if (m[2] === '0') return 0;
  let total = 0;
  for (const part of m[2].matchAll(/([0-9]*\.?[0-9]+)(ns|us|µs|ms|s|m|h)/g)) total += Number(part[1]) * UNITS[part[2]];
  return m[1] === '-' ? -total : total;
}
