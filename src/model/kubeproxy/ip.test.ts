import { describe, expect, it } from 'vitest';
import { canonicalIP, cidrContains, formatCIDR, joinHostPort, parseCIDR, parseIP } from './ip';

describe('ip', () => {
  it('prints addresses as Go does', () => {
    expect(canonicalIP('010.001.0.1')).toBe('10.1.0.1');
    expect(canonicalIP('2001:DB8:0:0:0:0:0:1')).toBe('2001:db8::1');
    expect(canonicalIP('fd00:0:0:1:0:0:0:0')).toBe('fd00:0:0:1::');
    expect(canonicalIP('2001:db8:0:1:0:0:1:1')).toBe('2001:db8:0:1::1:1');
    expect(canonicalIP('::ffff:1.2.3.4')).toBe('::ffff:102:304');
    expect(canonicalIP('1.2.3')).toBeNull();
    expect(canonicalIP('1::2::3')).toBeNull();
  });

  it('masks CIDRs and tests membership', () => {
    const c = parseCIDR(' 203.0.113.7/25');
    expect(c && formatCIDR(c)).toBe('203.0.113.0/25');
    expect(cidrContains(c!, parseIP('203.0.113.100')!)).toBe(true);
    expect(cidrContains(c!, parseIP('203.0.113.130')!)).toBe(false);
    expect(parseCIDR('10.0.0.0/33')).toBeNull();
  });

  it('brackets IPv6 endpoints', () => {
    expect(joinHostPort('fd00::1', 80)).toBe('[fd00::1]:80');
    expect(joinHostPort('10.0.0.1', 80)).toBe('10.0.0.1:80');
  });
});
