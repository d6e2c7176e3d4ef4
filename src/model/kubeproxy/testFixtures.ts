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
