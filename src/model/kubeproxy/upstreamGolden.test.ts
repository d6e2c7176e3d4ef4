// Golden outputs copied from kube-proxy's own tests (see each file's header).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { iptablesRestore } from './iptablesRestore';
import { clusterState, fakeProxierMark, node, service, slice, upstreamOverallObjects } from './testFixtures';
import { goldenBody, sortLikeUpstreamTest } from './upstreamTestSort';

const golden = (name: string): string => goldenBody(readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8'));

// NewFakeProxier: node test-node at 192.168.0.2, pods 10.0.0.0/8, mark 0x4000,
// nfacct counters available, and a fake iptables without --random-fully.
const upstreamProxy = { clusterCIDR: '10.0.0.0/8' };
const upstreamFeatures = { randomFully: false, nfacct: true };
const p80 = [{ name: 'p80', port: 80 }];

describe('TestOverallIPTablesRules', () => {
  const state = clusterState({
    nodes: [node('test-node', '192.168.0.2')],
    proxy: upstreamProxy,
    ...upstreamOverallObjects(),
  });

  it('matches upstream rule for rule', () => {
    const ours = fakeProxierMark(iptablesRestore(state, 'test-node', 4, upstreamFeatures));
    expect(sortLikeUpstreamTest(ours)).toBe(golden('upstream-overall.txt'));
  });
});

describe('TestSyncProxyRulesRepeated, first full sync', () => {
  it('matches upstream for two ClusterIP services', () => {
    const state = clusterState({
      nodes: [node('test-node', '192.168.0.2')],
      proxy: upstreamProxy,
      services: [
        service('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: [{ name: 'p80', port: 80, protocol: 'TCP', targetPort: 80 }] }),
        service('ns2', 'svc2', { clusterIP: '172.30.0.42', ports: [{ name: 'p8080', port: 8080, protocol: 'TCP', targetPort: 8080 }] }),
      ],
      endpointSlices: [slice('ns1', 'svc1', ['10.0.1.1'], p80), slice('ns2', 'svc2', ['10.0.2.1'], [{ name: 'p8080', port: 8080 }])],
    });
    const ours = fakeProxierMark(iptablesRestore(state, 'test-node', 4, upstreamFeatures));
    expect(sortLikeUpstreamTest(ours)).toBe(golden('upstream-clusterip.txt'));
  });
});
