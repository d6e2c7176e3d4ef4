import { describe, expect, it } from 'vitest';
import {
  canonicalSloppy,
  cidr6Contains,
  cidrContains,
  formatAddrGo,
  formatCidr,
  formatIPv6Netip,
  formatIPv6Ntop,
  formatPrefixGo,
  joinHostPort,
  maskPrefix6,
  nthAddress,
  parseAddrGo,
  parseAddrSloppy,
  parseCidr,
  parseCidr6,
  parseIPv4Go,
  parseIPv4Sloppy,
  parseIPv6Go,
  parseIPv6Sloppy,
  parsePrefixGo,
  parsePrefixSloppy,
  prefixContains,
  prefixMask6,
} from '.';

// Each row: the text, then how Go's net/netip Addr.String() and glibc's inet_ntop print the
// address it stands for. The inet_ntop column is what glibc 2.36 prints (checked with Python's
// socket.inet_ntop); the netip column follows Go's Addr.String (string6 / Is4In6) in net/netip.
const PRINTED: [text: string, netip: string, ntop: string][] = [
  ['::ffff:10.0.0.1', '::ffff:10.0.0.1', '::ffff:10.0.0.1'],
  ['::ffff:a00:1', '::ffff:10.0.0.1', '::ffff:10.0.0.1'],
  ['::ffff:0:0', '::ffff:0.0.0.0', '::ffff:0.0.0.0'],
  ['::a00:1', '::a00:1', '::10.0.0.1'],
  ['::10.0.0.1', '::a00:1', '::10.0.0.1'],
  ['::1:0', '::1:0', '::0.1.0.0'],
  ['::', '::', '::'],
  ['::1', '::1', '::1'],
  ['::2', '::2', '::2'],
  ['0:0:0:0:0:ffff:0:1', '::ffff:0.0.0.1', '::ffff:0.0.0.1'],
  ['1::ffff:a00:1', '1::ffff:a00:1', '1::ffff:a00:1'],
  ['fd00:0:0:0:0:0:0:1', 'fd00::1', 'fd00::1'],
  ['FD00:10:244:1::5', 'fd00:10:244:1::5', 'fd00:10:244:1::5'],
  ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1', '2001:db8::1:0:0:1'], // equal runs: the first
  ['2001:db8:0:1:0:0:0:1', '2001:db8:0:1::1', '2001:db8:0:1::1'], // the longer run, not the first
  ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], // one zero group stays
  ['fd00:0:0:1:0:0:0:0', 'fd00:0:0:1::', 'fd00:0:0:1::'],
  ['0:0:1::', '0:0:1::', '0:0:1::'],
];

describe('IPv6 text: Go net/netip versus glibc inet_ntop', () => {
  it.each(PRINTED)('%s prints as %s (netip) and %s (inet_ntop)', (text, netip, ntop) => {
    const value = parseIPv6Go(text)!;
    expect(formatIPv6Netip(value)).toBe(netip);
    expect(formatIPv6Ntop(value)).toBe(ntop);
  });

  it('every printed form reads back as the same address', () => {
    for (const [text, netip, ntop] of PRINTED) {
      expect(parseIPv6Go(netip)).toBe(parseIPv6Go(text));
      expect(parseIPv6Go(ntop)).toBe(parseIPv6Go(text));
    }
  });
});

describe('parsing dialects', () => {
  it.each([
    ['10.0.0.1', 0x0a000001, 0x0a000001],
    ['010.001.0.1', 0x0a010001, undefined], // sloppy reads leading zeros as decimal; Go ≥ 1.17 refuses them
    ['0.0.0.0', 0, 0],
    ['255.255.255.255', 0xffffffff, 0xffffffff],
    ['256.0.0.1', undefined, undefined],
    ['1.2.3', undefined, undefined],
    ['1.2.3.4.5', undefined, undefined],
    ['1.2.3.-4', undefined, undefined],
    [' 1.2.3.4', undefined, undefined],
  ])('IPv4 %j: sloppy %s, Go %s', (text, sloppy, go) => {
    expect(parseIPv4Sloppy(text)).toBe(sloppy);
    expect(parseIPv4Go(text)).toBe(go);
  });

  it.each([
    ['::ffff:010.0.0.1', true, false],
    ['1:2:3:4:5:6:1.2.3.4', true, true],
    ['1:2:3:4:5:6:7:1.2.3.4', false, false], // nine groups' worth
    ['1.2.3.4::', false, false], // the dotted quad must come last
    ['1:2:3:4:5:6:7:8::', false, false],
    ['fd00:::1', false, false],
    ['fd00::1::2', false, false],
    [':1::2', false, false],
    ['12345::1', false, false],
    ['fe80::1%eth0', false, false], // net.ParseIP takes no zone
    ['10.0.0.1', false, false],
  ])('IPv6 %j: sloppy %s, Go %s', (text, sloppy, go) => {
    expect(parseIPv6Sloppy(text) !== undefined).toBe(sloppy);
    expect(parseIPv6Go(text) !== undefined).toBe(go);
  });

  it('reads an IPv4-mapped address as IPv4, as Go’s To4() does, and prints it dotted', () => {
    expect(parseAddrGo('::ffff:192.168.1.1')).toEqual({ family: 4, value: 0xc0a80101n });
    expect(canonicalSloppy('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(canonicalSloppy('010.001.0.1')).toBe('10.1.0.1');
    expect(canonicalSloppy('2001:DB8:0:0:0:0:0:1')).toBe('2001:db8::1');
    expect(canonicalSloppy('1::2::3')).toBeUndefined();
    expect(parseAddrSloppy('::a00:1')).toEqual({ family: 6, value: 0xa000001n });
    expect(formatAddrGo(parseAddrGo('::a00:1')!)).toBe('::a00:1');
  });
});

describe('prefixes', () => {
  it('clears host bits and tests membership in both families', () => {
    const c = parsePrefixSloppy('203.0.113.7/25')!;
    expect(formatPrefixGo(c)).toBe('203.0.113.0/25');
    expect(prefixContains(c, parseAddrGo('203.0.113.100')!)).toBe(true);
    expect(prefixContains(c, parseAddrGo('203.0.113.130')!)).toBe(false);
    const v6 = parsePrefixGo('fd00:10:96::1/112')!;
    expect(formatPrefixGo(v6)).toBe('fd00:10:96::/112');
    expect(prefixContains(v6, parseAddrGo('fd00:10:96::ffff')!)).toBe(true);
    expect(prefixContains(v6, parseAddrGo('10.96.0.1')!)).toBe(false);
  });

  it('refuses lengths past the family’s width and text that is not ip/len', () => {
    expect(parsePrefixGo('10.0.0.0/33')).toBeUndefined();
    expect(parsePrefixGo('fd00::/129')).toBeUndefined();
    expect(parsePrefixGo('10.0.0.0')).toBeUndefined();
    expect(parsePrefixGo('10.0.0.0/8/8')).toBeUndefined();
    expect(parsePrefixGo('010.0.0.0/8')).toBeUndefined();
    expect(parsePrefixSloppy('010.0.0.0/8')).toMatchObject({ family: 4, bits: 8 });
  });

  it('reads a bare IPv4 address as a /32 in iptables-style operands', () => {
    expect(formatCidr(parseCidr('10.0.0.7')!)).toBe('10.0.0.7/32');
    expect(formatCidr(parseCidr('10.244.1.9/24')!)).toBe('10.244.1.0/24');
    expect(cidrContains('10.244.0.0/16', '10.244.3.4')).toBe(true);
    expect(cidrContains('10.244.0.0/16', '10.245.0.1')).toBe(false);
    expect(nthAddress('10.96.0.0/12', 10)).toBe('10.96.0.10');
  });

  it('handles IPv6 ranges and masks', () => {
    const c = parseCidr6('fd00:10:244:1::/64')!;
    expect(cidr6Contains(c, 'fd00:10:244:1::5')).toBe(true);
    expect(cidr6Contains(c, 'fd00:10:244:2::5')).toBe(false);
    expect(parseCidr6('10.0.0.0/8')).toBeUndefined();
    expect(formatIPv6Ntop(prefixMask6(64))).toBe('ffff:ffff:ffff:ffff::');
    expect(maskPrefix6(prefixMask6(56))).toBe(56);
    expect(maskPrefix6(0n)).toBe(0);
    expect(maskPrefix6(parseIPv6Go('ffff:ffff:0:ffff::')!)).toBe(-1);
  });

  it('brackets IPv6 hosts in host:port', () => {
    expect(joinHostPort('fd00::1', 80)).toBe('[fd00::1]:80');
    expect(joinHostPort('10.0.0.1', 80)).toBe('10.0.0.1:80');
  });
});
