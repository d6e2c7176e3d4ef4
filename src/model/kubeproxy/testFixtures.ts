// Tiny ClusterState builders for kube-proxy tests, independent of the reconciler.

import { defaultConfig } from '../cluster/config';
import type { ClusterState, ProxyConfig } from '../cluster/types';
import type { EndpointConditions, EndpointSlice, Node, Protocol, Service } from '../manifest/types';

export const DEFAULT_PROXY: ProxyConfig = defaultConfig().proxy;

export function node(name: string, ...ips: string[]): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name },
    spec: {},
    status: { addresses: ips.map((address) => ({ type: 'InternalIP' as const, address })) },
  };
}

export function service(namespace: string, name: string, spec: Partial<Service['spec']>, lbIPs: string[] = []): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: { type: 'ClusterIP', sessionAffinity: 'None', ports: [], ...spec },
    status: { loadBalancer: lbIPs.length ? { ingress: lbIPs.map((ip) => ({ ip })) } : {} },
  };
}

export interface EndpointSpec {
  ip: string;
  node?: string;
  conditions?: EndpointConditions;
}

export function slice(
  namespace: string,
  svc: string,
  endpoints: (string | EndpointSpec)[],
  ports: { name?: string; port: number; protocol?: Protocol }[],
  addressType: 'IPv4' | 'IPv6' = 'IPv4',
  sliceName = `${svc}-abc12`,
): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: sliceName, namespace, labels: { 'kubernetes.io/service-name': svc } },
    addressType,
    endpoints: endpoints.map((e) => {
      const spec = typeof e === 'string' ? { ip: e } : e;
      return {
        addresses: [spec.ip],
        conditions: spec.conditions ?? { ready: true, serving: true, terminating: false },
        ...(spec.node ? { nodeName: spec.node } : {}),
      };
    }),
    ports: ports.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP' })),
  };
}

export function clusterState(parts: {
  nodes?: Node[];
  services?: Service[];
  endpointSlices?: EndpointSlice[];
  proxy?: Partial<ProxyConfig>;
}): ClusterState {
  return {
    config: { ...defaultConfig(), proxy: { ...DEFAULT_PROXY, ...parts.proxy } },
    namespaces: [],
    nodes: parts.nodes ?? [node('worker-1', '192.168.1.11')],
    pods: [],
    services: parts.services ?? [],
    endpointSlices: parts.endpointSlices ?? [],
    hosts: {},
    podNets: {},
    events: [],
    origins: {},
    sources: {},
    diagnostics: [],
  };
}

/** NewFakeProxier hard-codes masqueradeMark "0x4000"; NewProxier formats it with %#08x. */
export const fakeProxierMark = (text: string): string => text.replaceAll('0x00004000', '0x4000');

/**
 * The Services and EndpointSlices of kube-proxy's TestOverallIPTablesRules and
 * TestOverallNFTablesRules (pkg/proxy/{iptables,nftables}/proxier_test.go: the same objects in both).
 */
export function upstreamOverallObjects(): { services: Service[]; endpointSlices: EndpointSlice[] } {
  const p80 = [{ name: 'p80', port: 80 }];
  return {
    services: [
      service('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: [{ name: 'p80', port: 80, protocol: 'TCP', targetPort: 80 }] }),
      service(
        'ns2',
        'svc2',
        {
          type: 'LoadBalancer',
          externalTrafficPolicy: 'Local',
          clusterIP: '172.30.0.42',
          ports: [{ name: 'p80', port: 80, protocol: 'TCP', targetPort: 80, nodePort: 3001 }],
          externalIPs: ['192.168.99.22'],
          healthCheckNodePort: 30000,
        },
        ['1.2.3.4'],
      ),
      service('ns3', 'svc3', {
        type: 'NodePort',
        clusterIP: '172.30.0.43',
        ports: [{ name: 'p80', port: 80, protocol: 'TCP', targetPort: 80, nodePort: 3003 }],
      }),
      service('ns4', 'svc4', {
        type: 'NodePort',
        clusterIP: '172.30.0.44',
        externalIPs: ['192.168.99.33'],
        ports: [{ name: 'p80', port: 80, protocol: 'TCP', targetPort: 80 }],
      }),
      service(
        'ns5',
        'svc5',
        {
          type: 'LoadBalancer',
          externalTrafficPolicy: 'Cluster',
          clusterIP: '172.30.0.45',
          ports: [{ name: 'p80', port: 80, protocol: 'TCP', targetPort: 80, nodePort: 3002 }],
          healthCheckNodePort: 30000,
          // Extra whitespace, as upstream tests, must be tolerated.
          loadBalancerSourceRanges: [' 203.0.113.0/25'],
          sessionAffinity: 'ClientIP',
          sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
        },
        ['5.6.7.8'],
      ),
      service('ns6', 'svc6', { clusterIP: '172.30.0.46', ports: [{ name: 'p80', port: 80, protocol: 'TCP', targetPort: 80 }] }),
    ],
    endpointSlices: [
      slice('ns1', 'svc1', ['10.180.0.1'], p80),
      // No nodeName: not local, so svc2 (ETP=Local) has no local endpoints.
      slice('ns2', 'svc2', ['10.180.0.2'], p80),
      slice('ns3', 'svc3', ['10.180.0.3'], p80),
      slice('ns4', 'svc4', ['10.180.0.4', { ip: '10.180.0.5', node: 'test-node' }], p80),
      slice('ns5', 'svc5', ['10.180.0.3'], p80),
    ],
  };
}
