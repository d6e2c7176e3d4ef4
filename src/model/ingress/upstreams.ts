// What ingress-nginx's Lua balancer holds for each backend (v1.15.1, controller.go
// serviceEndpoints and endpointslices.go getEndpointsFromSlices): the ready pod IPs and target
// ports from the Service's EndpointSlices. The Service's ClusterIP is skipped, so kube-proxy is
// not on the path from the controller to the pod (unless service-upstream asks for it).

import type { EndpointSlice, IngressServiceBackend, Service } from '../manifest/types';
import { DEFAULT_BACKEND_ENDPOINT, DEFAULT_UPSTREAM } from './controllerOptions';
import type { Upstream, UpstreamEndpoint } from './types';
import { namespacedName, namespaceOf, SERVICE_NAME_LABEL } from '../k8s';

/** controller/util.go upstreamName: `namespace-service-port`. */
export function upstreamName(namespace: string, service: IngressServiceBackend): string {
  if (service.port.number && service.port.number > 0) return `${namespace}-${service.name}-${service.port.number}`;
  if (service.port.name) return `${namespace}-${service.name}-${service.port.name}`;
  return `${namespace}-INVALID`;
}

export function defaultUpstream(): Upstream {
  return { name: DEFAULT_UPSTREAM, endpoints: [{ ...DEFAULT_BACKEND_ENDPOINT }] };
}

export interface ServiceIndex {
  services: Map<string, Service>;
  slices: Map<string, EndpointSlice[]>;
}

export function indexServices(services: Service[], slices: EndpointSlice[]): ServiceIndex {
  const index: ServiceIndex = { services: new Map(), slices: new Map() };
  for (const s of services) index.services.set(namespacedName(s), s);
  for (const slice of slices) {
    const owner = slice.metadata.labels?.[SERVICE_NAME_LABEL];
    if (!owner) continue;
    const key = `${namespaceOf(slice)}/${owner}`;
    const list = index.slices.get(key) ?? [];
    list.push(slice);
    index.slices.set(key, list);
  }
  return index;
}

export function serviceUpstream(namespace: string, backend: IngressServiceBackend, index: ServiceIndex, viaClusterIP: boolean): Upstream {
  const name = upstreamName(namespace, backend);
  const service = `${namespace}/${backend.name}`;
  const port = backend.port.number ?? backend.port.name ?? '';
  const up: Upstream = { name, service, port, endpoints: [] };
  const svc = index.services.get(service);
  if (!svc) return { ...up, empty: { key: 'explain.ingress.upstream.noService', params: { service } } };
  const wanted = String(port);

  if (svc.spec.type === 'ExternalName') {
    // The DNS name is the endpoint; nginx resolves it itself.
    const sp = svc.spec.ports.find((p) => p.name === wanted || String(p.port) === wanted);
    const target = typeof sp?.targetPort === 'number' ? sp.targetPort : (sp?.port ?? Number(wanted));
    return { ...up, endpoints: [{ address: svc.spec.externalName ?? '', port: target }] };
  }

  // A Service port matches by its number, its targetPort, or its name.
  const sp = svc.spec.ports.find((p) => String(p.port) === wanted || String(p.targetPort) === wanted || p.name === wanted);
  if (!sp) return { ...up, empty: { key: 'explain.ingress.upstream.noServicePort', params: { service, port: wanted } } };

  if (viaClusterIP) {
    const ip = svc.spec.clusterIP;
    if (!ip || ip === 'None')
      return { ...up, serviceUpstream: true, empty: { key: 'explain.ingress.upstream.noClusterIP', params: { service } } };
    return { ...up, serviceUpstream: true, endpoints: [{ address: ip, port: sp.port }] };
  }

  const seen = new Set<string>();
  for (const slice of index.slices.get(service) ?? []) {
    const ports: number[] = [];
    if (slice.ports.length === 0 && typeof sp.targetPort === 'number') ports.push(sp.targetPort);
    for (const ep of slice.ports) {
      if (ep.protocol !== 'TCP') continue;
      let target = 0;
      if (!sp.name || sp.name === (ep.name ?? '')) target = ep.port;
      if (target === 0 && typeof sp.targetPort === 'number') target = sp.targetPort;
      if (target !== 0) ports.push(target);
    }
    for (const ep of slice.endpoints) {
      if (ep.conditions.ready === false) continue;
      for (const p of ports)
        for (const address of ep.addresses) {
          const key = `${address}:${p}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const e: UpstreamEndpoint = { address, port: p };
          if (ep.targetRef?.kind === 'Pod') e.pod = `${ep.targetRef.namespace ?? namespace}/${ep.targetRef.name}`;
          if (ep.nodeName) e.node = ep.nodeName;
          up.endpoints.push(e);
        }
    }
  }
  if (up.endpoints.length === 0) up.empty = { key: 'explain.ingress.upstream.noEndpoints', params: { service, port: wanted } };
  return up;
}
