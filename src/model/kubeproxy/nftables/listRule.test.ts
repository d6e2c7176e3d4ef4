// How nft prints back a rule it has loaded; every expectation is what nftables v1.0.6 listed
// for the rule on the left (checked in a network namespace; list.kernel.test.ts checks kube-proxy's own).
import { describe, expect, it } from 'vitest';
import { listRule } from './listRule';

describe('listRule', () => {
  it.each([
    ['mark set mark or 0x4000', 'meta mark set meta mark | 0x00004000'],
    ['mark and 0x00004000 == 0 return', 'meta mark & 0x00004000 == 0x00000000 return'],
    ['mark set mark xor 0x00004000', 'meta mark set meta mark ^ 0x00004000'],
  ])('the mark: %s', (rule, listed) => expect(listRule(rule)).toBe(listed));

  it.each([
    ['ip daddr { 10.96.0.0/12 } drop', 'ip daddr 10.96.0.0/12 drop'],
    ['ip saddr != { 1.2.3.0/24 } drop', 'ip saddr != 1.2.3.0/24 drop'],
    ['ip saddr != { 192.168.1.0/24 , 192.168.1.240 } drop', 'ip saddr != { 192.168.1.0/24 } drop'],
    ['ip saddr != { 1.2.3.0/24 , 10.0.0.0/8 , 1.2.3.4 } drop', 'ip saddr != { 1.2.3.0/24, 10.0.0.0/8 } drop'],
    ['ip saddr != { 1.2.3.0/24 , 1.2.4.0/24 } drop', 'ip saddr != { 1.2.3.0-1.2.4.255 } drop'],
    ['ip saddr { 1.2.3.0/24 , 1.2.2.0/24 } drop', 'ip saddr { 1.2.2.0/23 } drop'],
    ['ip saddr != { 1.2.3.2 , 1.2.3.3 } drop', 'ip saddr != { 1.2.3.2, 1.2.3.3 } drop'],
    [
      'ip6 saddr != { fd00::/8 , fd00::5 , 2001:db8::/32 , 2001:db9::/32 , 2001:dba:1::1 , 2001:dba:1::2 } drop',
      'ip6 saddr != { 2001:db8::/31, 2001:dba:1::1-2001:dba:1::2, fd00::/8 } drop',
    ],
  ])('an anonymous address set, merged as the kernel keeps it: %s', (rule, listed) => expect(listRule(rule)).toBe(listed));

  it('a verdict map written inline keeps its order, separated as nft separates it', () => {
    expect(listRule('numgen random mod 2 vmap { 0 : goto a , 1 : goto b }')).toBe('numgen random mod 2 vmap { 0 : goto a, 1 : goto b }');
  });

  it('leaves what nft prints as written alone', () => {
    const rule = 'fib daddr type local ip daddr != 127.0.0.0/8 meta l4proto . th dport vmap @service-nodeports';
    expect(listRule(rule)).toBe(rule);
    expect(listRule('update @affinity-X { ip6 saddr }')).toBe('update @affinity-X { ip6 saddr }');
  });
});
