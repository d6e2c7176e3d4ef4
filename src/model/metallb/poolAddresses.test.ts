import { describe, expect, it } from 'vitest';
import { formatAddrGo, formatPrefixGo, parseAddrGo, parsePrefixGo, summarize } from '../net';
import { parseAddresses } from './config';

const ranges = (text: string) => {
  const r = parseAddresses(text);
  return typeof r === 'string' ? r : r.map(formatPrefixGo);
};

describe('pool addresses as MetalLB parses them (config.ParseCIDR, ipaddr.Summarize)', () => {
  it.each([
    ['192.168.1.240-192.168.1.250', ['192.168.1.240/29', '192.168.1.248/31', '192.168.1.250/32']],
    ['192.168.0.150-192.168.0.200', ['192.168.0.150/31', '192.168.0.152/29', '192.168.0.160/27', '192.168.0.192/29', '192.168.0.200/32']],
    ['10.0.0.5 - 10.0.0.5', ['10.0.0.5/32']],
    ['192.168.10.7/24', ['192.168.10.0/24']], // net.ParseCIDR clears the host bits
    ['fc00::1:0-fc00::1:3', ['fc00::1:0/126']],
  ])('%s -> %j', (text, want) => expect(ranges(text)).toEqual(want));

  it.each([
    [
      '192.168.1.250-192.168.1.240',
      'invalid IP range "192.168.1.250-192.168.1.240": start IP "192.168.1.250" is after the end IP "192.168.1.240"',
    ],
    ['192.168.1.x-192.168.1.2', 'invalid IP range "192.168.1.x-192.168.1.2": invalid start IP "192.168.1.x"'],
    ['192.168.1.0/33', 'invalid CIDR "192.168.1.0/33"'],
    ['192.168.1.7', 'invalid CIDR "192.168.1.7"'],
    ['010.0.0.0/8', 'invalid CIDR "010.0.0.0/8"'], // Go 1.17+ rejects leading zeros
  ])('rejects %s with MetalLB’s message', (text, message) => expect(ranges(text)).toBe(message));

  it('formats IPv6 like Go (RFC 5952) and reads v4-mapped addresses as IPv4', () => {
    expect(formatAddrGo(parseAddrGo('2001:db8:0:0:1:0:0:1')!)).toBe('2001:db8::1:0:0:1');
    expect(formatAddrGo(parseAddrGo('FC00:0:0:0:0:0:0:0')!)).toBe('fc00::');
    expect(parseAddrGo('::ffff:192.168.1.1')).toEqual({ family: 4, value: 0xc0a80101n });
    expect(parsePrefixGo('fc00::/7')).toMatchObject({ family: 6, bits: 7 });
    expect(summarize(parseAddrGo('0.0.0.0')!, parseAddrGo('255.255.255.255')!).map(formatPrefixGo)).toEqual(['0.0.0.0/0']);
  });
});
