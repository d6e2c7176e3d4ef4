// kube-proxy's own IPVS-mode test expectations (testdata/upstream-proxier-test.txt), checked
// against the table, the sets and the rules this model computes for the same inputs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClusterState } from '../../cluster/types';
import type { Service } from '../../manifest/types';
import { clusterState, node, service, slice, type EndpointSpec } from '../testFixtures';
import { ipvsIpSets, ipvsIptablesRestore, ipvsVirtualServers } from './index';
import type { VirtualServer } from './types';

interface Expectation {
  vsCount?: number;
  vs: string[];
  sets: Map<string, string[]>;
  chains: Map<string, string[]>;
}

function readCases(): Map<string, Expectation> {
  const text = readFileSync(new URL('./testdata/upstream-proxier-test.txt', import.meta.url), 'utf8');
  const cases = new Map<string, Expectation>();
  let current: Expectation | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (line.startsWith('== ')) {
      current = { vs: [], sets: new Map(), chains: new Map() };
      cases.set(line.slice(3), current);
      continue;
    }
    const [kind, name, ...rest] = line.split(' ');
    if (!current) continue;
    if (kind === 'vs-count') current.vsCount = Number(name);
    else if (kind === 'vs') current.vs.push(line.slice(3));
    else if (kind === 'set') current.sets.set(name, rest);
    else if (kind === 'chain') current.chains.set(name, rest);
  }
  return cases;
}

const vsLine = (vs: VirtualServer): string =>
  `${vs.protocol} ${vs.address}:${vs.port} ${vs.scheduler} -> ${vs.realServers.map((r) => `${r.address}:${r.port}`).join(' ')}`.trimEnd();

/** Each rule of a chain (nat rules, then filter rules) as TARGET or TARGET@SET. */
function chainRules(state: ClusterState, nodeName: string, chain: string): string[] {
  const restore = ipvsIptablesRestore(state, nodeName, 4, { randomFully: false, nfacct: false });
  return restore
    .split('\n')
    .filter((l) => l.startsWith(`-A ${chain} `))
    .map((l) => {
      const target = / -j (\S+)/.exec(l)?.[1] ?? '';
      const set = / --match-set (\S+)/.exec(l)?.[1];
      return set ? `${target}@${set}` : target;
    });
}

const p80 = (protocol: 'TCP' | 'UDP' | 'SCTP', nodePort?: number) => [
  { name: 'p80', port: 80, protocol, targetPort: 80, ...(nodePort ? { nodePort } : {}) },
];
const eps = (protocol: 'TCP' | 'UDP' | 'SCTP', endpoints: (string | EndpointSpec)[], svc = 'svc1') =>
  slice('ns1', svc, endpoints, [{ name: 'p80', port: 80, protocol }], 'IPv4', `${svc}-1`);
const nodePortSvc = (protocol: 'TCP' | 'UDP' | 'SCTP', extra: Partial<Service['spec']> = {}) =>
  service('ns1', 'svc1', { type: 'NodePort', clusterIP: '10.20.30.41', ports: p80(protocol, 3001), ...extra });
const local = { ip: '10.180.0.1', node: 'test-node' };
const remote = { ip: '10.180.1.1', node: 'other-node' };
// NewFakeProxier puts nodeIPs on eth0; buildFakeProxier has none.
const testNode = (...ips: string[]) => [node('test-node', ...ips)];

const states: Record<string, ClusterState> = {
  'TestNodePortIPv4/1 service with node port, has 2 endpoints': clusterState({
    nodes: testNode('100.101.102.103', '2001:db8::1:1'),
    services: [nodePortSvc('TCP')],
    endpointSlices: [eps('TCP', ['10.180.0.1']), slice('ns1', 'svc1', ['1002:ab8::2:10'], [{ name: 'p80', port: 80 }], 'IPv6', 'svc1-2')],
  }),
  'TestNodePortIPv4/1 UDP service with node port, has endpoints': clusterState({
    nodes: testNode('100.101.102.103'),
    proxy: { nodePortAddresses: ['0.0.0.0/0'] },
    services: [nodePortSvc('UDP')],
    endpointSlices: [eps('UDP', ['10.180.0.1'])],
  }),
  'TestNodePortIPv4/service has node port but no endpoints': clusterState({
    nodes: testNode('100.101.102.103'),
    services: [nodePortSvc('TCP')],
  }),
  'TestNodePortIPv4/node port service with protocol sctp on a node with multiple nodeIPs': clusterState({
    nodes: testNode('100.101.102.103', '100.101.102.104', '100.101.102.105', '2001:db8::1:1', '2001:db8::1:2', '2001:db8::1:3'),
    services: [nodePortSvc('SCTP')],
    endpointSlices: [eps('SCTP', ['10.180.0.1'])],
  }),
  'TestNodePortIPv4/node port service with protocol sctp and externalTrafficPolicy local': clusterState({
    nodes: testNode('100.101.102.103'),
    services: [nodePortSvc('SCTP', { externalTrafficPolicy: 'Local' })],
    endpointSlices: [eps('SCTP', [local, remote])],
  }),
  TestOnlyLocalNodePorts: clusterState({
    nodes: testNode('100.101.102.103'),
    proxy: { nodePortAddresses: ['100.101.102.0/24'] },
    services: [nodePortSvc('TCP', { externalTrafficPolicy: 'Local' })],
    endpointSlices: [eps('TCP', [local, remote])],
  }),
  TestHealthCheckNodePort: clusterState({
    nodes: testNode('100.101.102.103'),
    proxy: { nodePortAddresses: ['100.101.102.0/24'] },
    services: [
      ['valid-svc1', 'Local', 30000],
      ['valid-svc2', 'Local', 30001],
      ['invalid-svc3', 'Cluster', 30002],
    ].map(([name, policy, hc]) =>
      service('ns1', name as string, {
        type: 'LoadBalancer',
        clusterIP: '10.20.30.41',
        ports: p80('TCP', 3000),
        externalTrafficPolicy: policy as 'Local' | 'Cluster',
        healthCheckNodePort: hc as number,
      }),
    ),
  }),
  TestLoadBalancerSourceRanges: clusterState({
    nodes: testNode(),
    services: [
      service(
        'ns1',
        'svc1',
        { type: 'LoadBalancer', clusterIP: '10.20.30.41', ports: p80('TCP'), loadBalancerSourceRanges: ['10.0.0.0/8'] },
        ['1.2.3.4'],
      ),
    ],
    endpointSlices: [eps('TCP', ['10.180.0.1'])],
  }),
  TestAcceptIPVSTraffic: clusterState({
    nodes: testNode(),
    services: [
      service('ns1', 'svc1', { type: 'ClusterIP', clusterIP: '10.20.30.40', ports: p80('TCP', 80), externalIPs: ['5.6.7.8'] }),
      service('ns1', 'svc2', { type: 'LoadBalancer', clusterIP: '10.20.30.41', ports: p80('TCP', 80) }, ['1.2.3.4']),
      service('ns1', 'svc3', { type: 'NodePort', clusterIP: '10.20.30.42', ports: p80('TCP', 80) }),
    ],
  }),
  TestOnlyLocalLoadBalancing: clusterState({
    nodes: testNode(),
    services: [
      service('ns1', 'svc1', { type: 'LoadBalancer', clusterIP: '10.20.30.41', ports: p80('TCP', 3001), externalTrafficPolicy: 'Local' }, [
        '1.2.3.4',
      ]),
    ],
    endpointSlices: [eps('TCP', [local, remote])],
  }),
};

describe('kube-proxy IPVS expectations from upstream proxier_test.go', () => {
  for (const [name, expected] of readCases()) {
    it(name, () => {
      const state = states[name];
      expect(state, `no state built for ${name}`).toBeDefined();
      const table = ipvsVirtualServers(state, 'test-node').map(vsLine);
      if (expected.vsCount !== undefined) expect(table).toHaveLength(expected.vsCount);
      for (const vs of expected.vs) expect(table).toContain(vs);
      const sets = new Map(ipvsIpSets(state, 'test-node').map((s) => [s.name, s.members]));
      for (const [set, entries] of expected.sets) expect([...(sets.get(set) ?? [])].sort()).toEqual([...entries].sort());
      for (const [chain, rules] of expected.chains) expect(chainRules(state, 'test-node', chain)).toEqual(rules);
    });
  }
});
