import { describe, expect, it } from 'vitest';
import { formatIPv6, maskPrefix6, parseIPv6, prefixMask6 } from './ip6';

const round = (text: string) => formatIPv6(parseIPv6(text)!);

describe('IPv6 text as ip6tables-save prints it (glibc inet_ntop)', () => {
  it('shortens the longest zero run, the first of equal ones, and only runs of two or more', () => {
    expect(round('fd00:0:0:0:0:0:0:1')).toBe('fd00::1');
    expect(round('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(round('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1');
    expect(round('::')).toBe('::');
    expect(round('::1')).toBe('::1');
    expect(round('FD00:10:244:1::5')).toBe('fd00:10:244:1::5');
  });

  it('writes IPv4-mapped and -compatible addresses with a dotted tail', () => {
    expect(round('::ffff:10.1.2.3')).toBe('::ffff:10.1.2.3');
    expect(round('::1.2.3.4')).toBe('::1.2.3.4');
  });

  it('refuses IPv4 and malformed text', () => {
    expect(parseIPv6('10.0.0.1')).toBeUndefined();
    expect(parseIPv6('fd00:::1')).toBeUndefined();
    expect(parseIPv6('fd00::1::2')).toBeUndefined();
  });

  it('turns prefix lengths into masks and back', () => {
    expect(formatIPv6(prefixMask6(64))).toBe('ffff:ffff:ffff:ffff::');
    expect(maskPrefix6(prefixMask6(56))).toBe(56);
    expect(maskPrefix6(prefixMask6(128))).toBe(128);
    expect(maskPrefix6(0n)).toBe(0);
    expect(maskPrefix6(parseIPv6('ffff:ffff:0:ffff::')!)).toBe(-1);
  });
});
