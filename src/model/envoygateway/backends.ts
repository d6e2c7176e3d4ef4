// A rule's backendRefs as Envoy Gateway resolves them into one cluster: each usable Service
// backend a locality weighted by its backendRef, holding the ready pod addresses its
// EndpointSlices list for that port (EG reads EndpointSlices and gives Envoy pod IPs, no ClusterIP).

import type { EndpointSlice, HTTPBackendRef, ReferenceGrant, Service } from '../manifest/types';
import type { EnvoyLocality } from './configTypes';

export interface BackendIndex {
  services: Service[];
  endpointSlices: EndpointSlice[];
  grants: ReferenceGrant[];
}

/** A cross-namespace Service reference needs a ReferenceGrant in the Service's namespace for HTTPRoutes of the route's. */
function permitted(index: BackendIndex, routeNs: string, ns: string, name: string): boolean {
  if (ns === routeNs) return true;
  return index.grants.some(
    (g) =>
      (g.metadata.namespace ?? 'default') === ns &&
      g.spec.from.some((f) => f.group === 'gateway.networking.k8s.io' && f.kind === 'HTTPRoute' && f.namespace === routeNs) &&
      g.spec.to.some((t) => t.group === '' && t.kind === 'Service' && (t.name === undefined || t.name === name)),
  );
}

/** The locality of one backendRef, or undefined when it is not usable (its requests then get a 500). */
export function locality(index: BackendIndex, routeNs: string, ref: HTTPBackendRef): EnvoyLocality | undefined {
  // A weight of 0 sends it nothing: Envoy gets no locality for it.
  if ((ref.group ?? '') !== '' || (ref.kind ?? 'Service') !== 'Service' || ref.port === undefined || ref.weight === 0) return undefined;
  const ns = ref.namespace ?? routeNs;
  if (!permitted(index, routeNs, ns, ref.name)) return undefined;
  const svc = index.services.find((s) => (s.metadata.namespace ?? 'default') === ns && s.metadata.name === ref.name);
  const port = svc?.spec.ports.find((p) => p.port === ref.port);
  if (!svc || !port) return undefined;
  const endpoints: string[] = [];
  for (const slice of index.endpointSlices) {
    if ((slice.metadata.namespace ?? 'default') !== ns || slice.metadata.labels?.['kubernetes.io/service-name'] !== ref.name) continue;
    const target = slice.ports.find((p) => (p.name ?? '') === (port.name ?? ''));
    if (!target) continue;
    for (const ep of slice.endpoints) if (ep.conditions.ready !== false) endpoints.push(...ep.addresses.map((a) => `${a}:${target.port}`));
  }
  return { backend: `${ns}/${ref.name}:${ref.port}`, loadBalancingWeight: ref.weight ?? 1, endpoints };
}
