// A rule's backends as Envoy Gateway puts them in one cluster: each usable backendRef (as the
// Gateway model resolved it) a locality weighted by its backendRef, holding the ready pod
// addresses the Service's EndpointSlices list for that port (EG reads EndpointSlices and gives
// Envoy pod IPs, not the ClusterIP).

import type { ResolvedBackend } from '../gateway/types';
import { SERVICE_NAME_LABEL } from '../k8s';
import type { EndpointSlice, Service } from '../manifest/types';
import type { EnvoyLocality } from './configTypes';

export interface BackendIndex {
  services: Service[];
  endpointSlices: EndpointSlice[];
}

/** The ready pod addresses (`ip:port`) of a Service port, from its EndpointSlices: where Envoy connects. */
export function serviceEndpoints(index: BackendIndex, service: string, servicePort: number): string[] {
  const [ns, name] = service.split('/') as [string, string];
  const svc = index.services.find((s) => (s.metadata.namespace ?? 'default') === ns && s.metadata.name === name);
  const port = svc?.spec.ports.find((p) => p.port === servicePort);
  if (!port) return [];
  const endpoints: string[] = [];
  for (const slice of index.endpointSlices) {
    if ((slice.metadata.namespace ?? 'default') !== ns || slice.metadata.labels?.[SERVICE_NAME_LABEL] !== name) continue;
    const target = slice.ports.find((p) => (p.name ?? '') === (port.name ?? ''));
    if (!target) continue;
    for (const ep of slice.endpoints) if (ep.conditions.ready !== false) endpoints.push(...ep.addresses.map((a) => `${a}:${target.port}`));
  }
  return endpoints;
}

/** The locality of one backend, or undefined when it takes no traffic (weight 0) or cannot (its share gets a 500). */
export function locality(index: BackendIndex, backend: ResolvedBackend): EnvoyLocality | undefined {
  if (backend.problem || backend.weight === 0) return undefined;
  const endpoints = serviceEndpoints(index, backend.service, backend.port);
  return { backend: `${backend.service}:${backend.port}`, loadBalancingWeight: backend.weight, endpoints };
}
