// The kinds PacketWalk decodes, by kind name. Each kind lives at exactly one
// group/version here; any other apiVersion for it is reported with the right one.

import { endpointSliceDecoder, endpointsDecoder } from './endpoints';
import { ingressClassDecoder, ingressDecoder } from './ingress';
import type { KindDecoder } from './kindDecoder';
import { kubeProxyConfigurationDecoder } from './kubeProxy';
import { metallbDecoders } from './metallb';
import { namespaceDecoder, nodeDecoder } from './node';
import { podDecoder } from './pod';
import { serviceDecoder } from './service';
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
  ingressDecoder,
  ingressClassDecoder,
  ...metallbDecoders,
];

const byKind = new Map<string, KindDecoder>(all.map((d) => [d.kind, d]));

export function decoderFor(kind: string): KindDecoder | undefined {
  return byKind.get(kind);
}
