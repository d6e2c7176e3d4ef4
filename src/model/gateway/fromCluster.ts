// The Gateway API model from what the paste holds: its Gateway API objects, and from the cluster
// the Services, namespaces and each Gateway's address, which is the LoadBalancer IP of the Service
// Envoy Gateway makes for it (found by the labels Envoy Gateway puts on it).

import type { ClusterState } from '../cluster/types';
import type { Gateway, GatewayClass, HTTPRoute, Manifest, ReferenceGrant, Secret } from '../manifest/types';
import { buildGatewayApiModel } from './buildModel';
import { OWNING_GATEWAY_NAME, OWNING_GATEWAY_NAMESPACE } from '../envoygateway/naming';
import type { GatewayApiModel } from './types';

const GATEWAY_KINDS = new Set(['GatewayClass', 'Gateway', 'HTTPRoute', 'ReferenceGrant']);

/** Undefined when the paste has no Gateway API object. */
export function gatewayApiOf(manifests: Manifest[], state: Pick<ClusterState, 'services' | 'namespaces'>): GatewayApiModel | undefined {
  if (!manifests.some((m) => GATEWAY_KINDS.has(m.object.kind))) return undefined;
  const of = <T extends Manifest['object']>(kind: T['kind']) => manifests.filter((m): m is Manifest<T> => m.object.kind === kind);
  const addresses: Record<string, string[]> = {};
  for (const s of state.services) {
    const name = s.metadata.labels?.[OWNING_GATEWAY_NAME];
    const ns = s.metadata.labels?.[OWNING_GATEWAY_NAMESPACE];
    if (!name || !ns || s.spec.type !== 'LoadBalancer') continue;
    const ips = (s.status.loadBalancer.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : []));
    (addresses[`${ns}/${name}`] ??= []).push(...ips);
  }
  return buildGatewayApiModel({
    classes: of<GatewayClass>('GatewayClass'),
    gateways: of<Gateway>('Gateway'),
    routes: of<HTTPRoute>('HTTPRoute'),
    grants: of<ReferenceGrant>('ReferenceGrant').map((m) => m.object),
    secrets: of<Secret>('Secret').map((m) => m.object),
    services: state.services,
    namespaces: state.namespaces,
    addresses,
  });
}
