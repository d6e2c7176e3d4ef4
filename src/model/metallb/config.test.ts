// MetalLB's configuration loading (internal/config/config.go For, v0.15.3): the first problem
// rejects the whole configuration, and then no Service gets an address.

import { describe, expect, it } from 'vitest';
import { l2Pool, lbService, run } from './testFixtures';

describe('loading the configuration', () => {
  it('rejects the WHOLE configuration when pools overlap (poolsFor), so every Service stays <pending>', () => {
    const r = run(
      l2Pool('a-pool', ['192.168.1.240-192.168.1.250']) +
        l2Pool('b-pool', ['192.168.1.0/24']) +
        l2Pool('c-pool', ['10.0.0.0/24']) +
        lbService('svc'),
    );
    const rejected = r.diagnostics.filter((d) => d.code === 'metallb.configRejected');
    expect(rejected).toHaveLength(1);
    // Pools are read in API (name) order: b-pool's /24 clashes with a-pool's first prefix.
    expect(rejected[0].params.reason).toBe('CIDR "192.168.1.0/24" in pool "b-pool" overlaps with already defined CIDR "192.168.1.240/29"');
    expect(rejected[0]).toMatchObject({ file: 'test.yaml', line: 16 }); // b-pool's addresses line
    expect(r.ip('svc')).toBe('<pending>');
    expect(r.announcements).toEqual([]);
  });

  it.each([
    [
      l2Pool('p', ['192.168.1.250-192.168.1.240']),
      'parsing address pool p: invalid CIDR "192.168.1.250-192.168.1.240" in pool "p": invalid IP range "192.168.1.250-192.168.1.240": start IP "192.168.1.250" is after the end IP "192.168.1.240"',
    ],
    [l2Pool('p', []), 'parsing address pool p: pool has no prefixes defined'],
    [
      l2Pool('p', ['10.0.0.0/24']) +
        'apiVersion: metallb.io/v1beta1\nkind: BGPAdvertisement\nmetadata: {name: agg, namespace: metallb-system}\nspec: {aggregationLength: 16}\n---\n',
      'invalid aggregation length 16: prefix 24 in this pool is more specific than the aggregation length for addresses 10.0.0.0/24',
    ],
    [
      'apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata: {name: r, namespace: metallb-system}\nspec: {myASN: 64500, peerAddress: 192.168.1.1}\n---\n',
      'parsing peer r missing peer ASN and dynamicASN',
    ],
    [
      'apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata: {name: r, namespace: metallb-system}\nspec: {myASN: 64500, peerASN: 64501, peerAddress: 192.168.1.1, holdTime: 1s}\n---\n',
      'parsing peer r invalid BGPPeer timers: invalid hold time "1s": must be 0 or >=3s',
    ],
    [
      l2Pool('p', ['10.0.0.0/24']) +
        'apiVersion: metallb.io/v1beta1\nkind: BGPAdvertisement\nmetadata: {name: c, namespace: metallb-system}\nspec: {communities: ["65535:99999"]}\n---\n',
      'invalid community value: invalid section "99999" of community "65535:99999"\ninvalid community "65535:99999" in BGP advertisement',
    ],
  ])('rejects bad input with MetalLB’s reason (%#)', (yaml, reason) => {
    const r = run(yaml + lbService('svc'));
    expect(r.diagnostics.find((d) => d.code === 'metallb.configRejected')?.params.reason).toBe(reason);
    expect(r.ip('svc')).toBe('<pending>');
  });

  it('reads CRs only from metallb-system', () => {
    const yaml = l2Pool('p', ['10.0.0.0/24']).replace(/namespace: metallb-system/g, 'namespace: default') + lbService('svc');
    const r = run(yaml);
    expect(r.diagnostics.filter((d) => d.code === 'metallb.wrongNamespace').map((d) => d.params.kind)).toEqual([
      'IPAddressPool',
      'L2Advertisement',
    ]);
    expect(r.ip('svc')).toBe('<pending>');
  });

  it('warns about a pool nobody advertises and an advertisement that selects no node', () => {
    const pool =
      'apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: quiet, namespace: metallb-system}\nspec: {addresses: [10.0.0.0/24]}\n---\n';
    const r = run(pool + lbService('svc'));
    expect(r.ip('svc')).toBe('10.0.0.0'); // allocated, yet never announced
    expect(r.diagnostics.map((d) => d.code)).toContain('metallb.pool.notAdvertised');
    const nowhere = l2Pool('p', ['10.0.1.0/24']).replace(
      'spec: {ipAddressPools: [p]}',
      'spec: {ipAddressPools: [p], nodeSelectors: [{matchLabels: {rack: r9}}]}',
    );
    const r2 = run(nowhere + lbService('svc'));
    expect(r2.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(['metallb.advertisement.noNodes', 'metallb.layer2.noAnnouncer']),
    );
  });

  it('decodes the CRDs with kubebuilder defaults and kubectl-style field errors', () => {
    const r = run(
      'apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: p, namespace: metallb-system}\nspec:\n  addresses: 10.0.0.0/24\n',
    );
    expect(r.parseDiagnostics[0]).toMatchObject({
      code: 'field.type',
      line: 5,
      params: { path: '.spec.addresses', expected: 'array of strings' },
    });
    const wrong = run('apiVersion: metallb.io/v1beta1\nkind: BGPPeer\nmetadata: {name: p}\nspec: {myASN: 1}\n');
    expect(wrong.parseDiagnostics[0]).toMatchObject({ code: 'kind.version', params: { expected: 'metallb.io/v1beta2' } });
  });
});
