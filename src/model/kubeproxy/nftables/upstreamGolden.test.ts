// Golden outputs copied from kube-proxy's own nftables tests (see each file's header).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clusterState, fakeProxierMark, node, service, slice, upstreamOverallObjects } from '../testFixtures';
import { nftablesDump } from './sync';
import { sortNFTablesTransaction } from './testSort';

const read = (name: string): string => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
/** Every expected dump upstream writes is `baseRules` plus the test's own lines. */
const golden = (name: string): string => sortNFTablesTransaction(read('upstream-base-rules.txt') + read(name));

// NewFakeProxier: node test-node at 192.168.0.2, pods 10.0.0.0/8, ServiceCIDR 172.30.0.0/16,
// --nodeport-addresses for the node's own IPs only.
const upstreamProxy = { clusterCIDR: '10.0.0.0/8', nodePortAddresses: ['192.168.0.2/32', '2001:db8::1/128'] };
const p80 = [{ name: 'p80', port: 80 }];
const upstreamState = (parts: Parameters<typeof clusterState>[0]) => {
  const state = clusterState({ nodes: [node('test-node', '192.168.0.2')], proxy: upstreamProxy, ...parts });
  state.config.serviceCIDR = '172.30.0.0/16';
  return state;
};
const ours = (state: ReturnType<typeof upstreamState>): string =>
  sortNFTablesTransaction(fakeProxierMark(nftablesDump(state, 'test-node', 4)));

describe('TestOverallNFTablesRules', () => {
  const state = upstreamState({
    ...upstreamOverallObjects(),
  });

  it('matches upstream rule for rule', () => {
    expect(ours(state)).toBe(golden('upstream-overall.txt'));
  });
});

describe('TestSyncProxyRulesRepeated', () => {
  const svc = (ns: string, name: string, ip: string, portName: string, port: number) =>
    service(ns, name, { clusterIP: ip, ports: [{ name: portName, port, protocol: 'TCP', targetPort: port }] });

  it('first full sync: two ClusterIP Services, one endpoint each', () => {
    const state = upstreamState({
      services: [svc('ns1', 'svc1', '172.30.0.41', 'p80', 80), svc('ns2', 'svc2', '172.30.0.42', 'p8080', 8080)],
      endpointSlices: [slice('ns1', 'svc1', ['10.0.1.1'], p80), slice('ns2', 'svc2', ['10.0.2.1'], [{ name: 'p8080', port: 8080 }])],
    });
    expect(ours(state)).toBe(golden('upstream-repeated-first.txt'));
  });

  it('a Service without endpoints is rejected through no-endpoint-services, and gets no chain', () => {
    const state = upstreamState({
      services: [
        svc('ns1', 'svc1', '172.30.0.41', 'p80', 80),
        svc('ns3', 'svc3', '172.30.0.43', 'p80', 80),
        svc('ns4', 'svc4', '172.30.0.44', 'p80', 80),
      ],
      endpointSlices: [slice('ns1', 'svc1', ['10.0.1.1'], p80), slice('ns3', 'svc3', ['10.0.3.1'], p80)],
    });
    expect(ours(state)).toBe(golden('upstream-repeated-no-endpoints.txt'));
  });
});
