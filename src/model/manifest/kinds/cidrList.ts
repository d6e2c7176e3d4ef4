// A cluster range as Kubernetes components take it: one CIDR, or two of different families
// (dual-stack). netutils.ParseCIDRs reads each with ParseCIDRSloppy and does not trim spaces;
// netutils.IsDualStackCIDRs then wants one IPv4 and one IPv6.

import { parsePrefixSloppy, type Prefix } from '../../net';

export type CidrListResult = { prefixes: Prefix[] } | { problem: 'unparsable' | 'families' };

export function parseCidrList(cidrs: readonly string[]): CidrListResult {
  const prefixes: Prefix[] = [];
  for (const text of cidrs) {
    const p = parsePrefixSloppy(text);
    if (!p) return { problem: 'unparsable' };
    prefixes.push(p);
  }
  if (prefixes.length > 2 || (prefixes.length === 2 && prefixes[0].family === prefixes[1].family)) return { problem: 'families' };
  return { prefixes };
}
