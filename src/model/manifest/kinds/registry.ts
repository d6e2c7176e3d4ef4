// The kinds PacketWalk decodes, by kind name. Each kind lives at one group/version here
// (kubeadm's ClusterConfiguration at two: both are in use); any other apiVersion for it is
// reported with the right one.

import { endpointSliceDecoder, endpointsDecoder } from './endpoints';
import { gatewayDecoder } from './gateway';
import { gatewayClassDecoder, referenceGrantDecoder } from './gatewayClass';
import { httpRouteDecoder } from './gatewayHttpRoute';
import { servedAlsoAt } from './gatewayServed';
import { ingressClassDecoder, ingressDecoder } from './ingress';
import type { KindDecoder } from './kindDecoder';
import { clusterConfigurationV1beta3Decoder, clusterConfigurationV1beta4Decoder } from './kubeadm';
import { kubeProxyConfigurationDecoder } from './kubeProxy';
import { metallbDecoders } from './metallb';
import { namespaceDecoder, nodeDecoder } from './node';
import { podDecoder } from './pod';
import { secretDecoder } from './secret';
import { serviceDecoder } from './service';
import { serviceCIDRDecoder } from './serviceCIDR';
import { daemonSetDecoder, deploymentDecoder, replicaSetDecoder, statefulSetDecoder } from './workloads';

const all: KindDecoder[] = [
  namespaceDecoder,
  nodeDecoder,
  podDecoder,
  deploymentDecoder,
  replicaSetDecoder,
  statefulSetDecoder,
  daemonSetDecoder,
  serviceDecoder,
  endpointsDecoder,
  endpointSliceDecoder,
  kubeProxyConfigurationDecoder,
  // v1beta4 first: a version PacketWalk does not read is answered with it.
  clusterConfigurationV1beta4Decoder,
  clusterConfigurationV1beta3Decoder,
  serviceCIDRDecoder,
  ingressDecoder,
  ingressClassDecoder,
  ...metallbDecoders,
  secretDecoder,
  // v1 first, so that a removed version (v1alpha2) is answered with it; v1beta1 is still served.
  gatewayClassDecoder,
  servedAlsoAt(gatewayClassDecoder, 'gateway.networking.k8s.io/v1beta1'),
  gatewayDecoder,
  servedAlsoAt(gatewayDecoder, 'gateway.networking.k8s.io/v1beta1'),
  httpRouteDecoder,
  servedAlsoAt(httpRouteDecoder, 'gateway.networking.k8s.io/v1beta1'),
  referenceGrantDecoder,
];

const byKind = new Map<string, KindDecoder[]>();
for (const d of all) byKind.set(d.kind, [...(byKind.get(d.kind) ?? []), d]);

/** The decoder of `kind` at `apiVersion`, else the kind's first (current) one, whose apiVersion an error names. */
export function decoderFor(kind: string, apiVersion?: string): KindDecoder | undefined {
  const decoders = byKind.get(kind);
  return decoders?.find((d) => d.apiVersion === apiVersion) ?? decoders?.[0];
}
