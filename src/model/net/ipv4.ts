// IPv4 addresses as unsigned 32-bit numbers, in the two dotted-quad dialects the model meets.
// Both want exactly four parts of one to three digits; they differ on leading zeros.

function parseDottedQuad(text: string, octet: RegExp): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!octet.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

/**
 * Kubernetes' netutils.ParseIPSloppy (Go's parser before 1.17): leading zeros are read as
 * decimal, `010.0.0.1` is 10.0.0.1. kube-proxy and the API server's older fields read this way.
 */
export function parseIPv4Sloppy(text: string): number | undefined {
  return parseDottedQuad(text, /^\d{1,3}$/);
}

/** Go's net.ParseIP and net/netip.ParseAddr since Go 1.17: a leading zero makes the text invalid. */
export function parseIPv4Go(text: string): number | undefined {
  return parseDottedQuad(text, /^(0|[1-9]\d{0,2})$/);
}

/** Dotted quad: every component (Go, glibc, the kernel) prints IPv4 the same way. */
export function formatIPv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}
