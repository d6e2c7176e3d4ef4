// The pre-v0.13 ConfigMap: MetalLB now ignores it; we show the CRs its converter generates
// (configmaptocrs, v0.13.12, testdata/configmap-yaml/config-yaml-full.golden).

import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { applyTextFix } from '../diagnostics';
import { lbService, run } from './testFixtures';

const seedConfig = `apiVersion: v1
kind: ConfigMap
metadata:
  namespace: metallb-system
  name: config
data:
  config: |
    peers:
    - peer-address: 10.0.0.1
      peer-asn: 64512
      my-asn: 64512
      hold-time: 120s
    address-pools:
    - name: my-ip-space
      protocol: bgp
      addresses:
      - 192.168.10.0/24
      avoid-buggy-ips: true
      bgp-advertisements:
      - aggregation-length: 32
        localpref: 100
        communities: [64512:1, no-export]
    - name: default
      protocol: layer2
      addresses:
      - 192.168.1.240-192.168.1.250
    bgp-communities:
      no-export: 65535:65281
---
`;

describe('the old ConfigMap format', () => {
  it('is ignored (Services stay <pending>) and answered with the equivalent CRs', () => {
    const r = run(seedConfig + lbService('nginx'));
    expect(r.ip('nginx')).toBe('<pending>');
    const hint = r.parseDiagnostics.find((d) => d.code === 'metallb.legacyConfig')!;
    expect(hint).toMatchObject({ severity: 'warning', line: 7 });
    const crs = loadAll(hint.fix!.insert) as { kind: string; metadata: { name: string }; spec: Record<string, unknown> }[];
    expect(crs.map((c) => `${c.kind}/${c.metadata.name}`)).toEqual([
      'BGPPeer/peer1',
      'IPAddressPool/my-ip-space',
      'IPAddressPool/default',
      'BGPAdvertisement/bgpadvertisement1',
      'L2Advertisement/l2advertisement1',
      'Community/communities',
    ]);
    expect(crs[0].spec).toEqual({ myASN: 64512, peerASN: 64512, peerAddress: '10.0.0.1', holdTime: '120s' });
    expect(crs[3].spec).toEqual({
      aggregationLength: 32,
      communities: ['64512:1', 'no-export'],
      ipAddressPools: ['my-ip-space'],
      localPref: 100,
    });
    expect(crs[4].spec).toEqual({ ipAddressPools: ['default'] });
  });

  it('offers CRs in place of the ConfigMap that the model accepts and that work', () => {
    const text = seedConfig + lbService('nginx');
    const hint = run(text).parseDiagnostics.find((d) => d.code === 'metallb.legacyConfig')!;
    const r = run(applyTextFix(text, hint.fix!));
    expect(r.parseDiagnostics.map((d) => d.code)).toEqual([]);
    expect(r.parseDiagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.ip('nginx')).toBe('192.168.1.240');
  });

  it('leaves other ConfigMaps alone and reports an unreadable one', () => {
    expect(run('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: config}\ndata: {config: "x"}\n').parseDiagnostics).toEqual([]);
    const bad = run('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: config, namespace: metallb-system}\ndata: {config: "a: [b"}\n');
    expect(bad.parseDiagnostics.map((d) => d.code)).toEqual(['metallb.legacyConfig.unreadable', 'yaml.syntax']);
  });
});

describe('a wrongly typed old config', () => {
  /** The ConfigMap with `config` as a `|` block (its first line is line 6), then a Service. */
  const withConfig = (config: string) =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: config, namespace: metallb-system}\ndata:\n  config: |\n${config.replace(/^/gm, '    ')}\n---\n${lbService('nginx')}`;

  it.each([
    ['address-pools: 5', ['6:20 field.type .address-pools expected array got number'], []],
    ['address-pools: [null]', [], []],
    ['peers: hello', ['6:12 field.type .peers expected array got string'], []],
    [
      'peers:\n- my-asn: 64512\n  node-selectors: abc',
      ['8:23 field.type .peers[0].node-selectors expected array got string'],
      ['BGPPeer/peer1'],
    ],
    [
      'address-pools:\n- name: a\n  protocol: bgp\n  addresses: [10.0.0.0/24]\n  bgp-advertisements: {}',
      ['10:27 field.type .address-pools[0].bgp-advertisements expected array got object'],
      ['IPAddressPool/a', 'BGPAdvertisement/bgpadvertisement1'],
    ],
  ])('%j: a warning at the field, the CRs of the rest, and the file still read', (config, problems, crs) => {
    const r = run(withConfig(config));
    const fieldProblems = r.parseDiagnostics.filter((d) => d.code !== 'metallb.legacyConfig');
    expect(
      fieldProblems.map((d) => `${d.line}:${d.col} ${d.code} ${d.params.path} expected ${d.params.expected} got ${d.params.actual}`),
    ).toEqual(problems);
    expect(fieldProblems.every((d) => d.severity === 'warning')).toBe(true);
    const hint = r.parseDiagnostics.find((d) => d.code === 'metallb.legacyConfig')!;
    expect(hint).toMatchObject({ severity: 'warning', line: 5 });
    const generated = (loadAll(hint.fix?.insert ?? '') as ({ kind: string; metadata: { name: string } } | null)[]).filter(
      (c) => c !== null,
    );
    expect(generated.map((c) => `${c.kind}/${c.metadata.name}`)).toEqual(crs);
    expect(r.services.map((s) => s.metadata.name)).toContain('nginx');
  });
});
