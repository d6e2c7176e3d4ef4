// The Gateway API model from what the paste holds: its Gateway API objects, and from the cluster
// the Services, namespaces and each Gateway's addresses, read off the Service Envoy Gateway makes
// for it (found by the labels Envoy Gateway puts on it) as Envoy Gateway v1.9's
// UpdateGatewayStatusProgrammedCondition does: a LoadBalancer's ingress IPs, a ClusterIP Service's
// cluster IPs, and for a NodePort Service every node's address (ExternalIP, else InternalIP).

import type { ClusterState } from '../cluster/types';
import type { Gateway, GatewayClass, HTTPRoute, Manifest, Node, ReferenceGrant, Secret, Service } from '../manifest/types';
import { buildGatewayApiModel } from './buildModel';
import { OWNING_GATEWAY_NAME, OWNING_GATEWAY_NAMESPACE } from '../envoygateway/naming';
import type { GatewayApiModel } from './types';

const GATEWAY_KINDS = new Set(['GatewayClass', 'Gateway', 'HTTPRoute', 'ReferenceGrant']);

/** Undefined when the paste has no Gateway API object. */
export function gatewayApiOf(
  manifests: Manifest[],
  state: Pick<ClusterState, 'services' | 'namespaces'> & Partial<Pick<ClusterState, 'nodes'>>,
): GatewayApiModel | undefined {
  if (!manifests.some((m) => GATEWAY_KINDS.has(m.object.kind))) return undefined;
  const of = <T extends Manifest['object']>(kind: T['kind']) => manifests.filter((m): m is Manifest<T> => m.object.kind === kind);
  const addresses: Record<string, string[]> = {};
  for (const s of state.services) {
    const name = s.metadata.labels?.[OWNING_GATEWAY_NAME];
    const ns = s.metadata.labels?.[OWNING_GATEWAY_NAMESPACE];
    if (!name || !ns) continue;
    (addresses[`${ns}/${name}`] ??= []).push(...serviceAddresses(s, state.nodes ?? []));
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

function serviceAddresses(s: Service, nodes: Node[]): string[] {
  switch (s.spec.type) {
    case 'LoadBalancer':
      return (s.status.loadBalancer.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : []));
    case 'NodePort':
      return nodes.flatMap((n) => {
        const of = (type: string) => n.status.addresses?.find((a) => a.type === type)?.address;
        const address = of('ExternalIP') ?? of('InternalIP');
        return address ? [address] : [];
      });
    case 'ExternalName':
      return [];
    default:
      return (s.spec.clusterIPs ?? (s.spec.clusterIP ? [s.spec.clusterIP] : [])).filter((ip) => ip && ip !== 'None');
  }
}
