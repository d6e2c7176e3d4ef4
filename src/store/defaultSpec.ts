// The packet a scenario opens with, read from the model only: a destination the scenario
// suggests, else the learner's first Service — from one of the learner's pods that is not
// itself behind it, or, for a NodePort or LoadBalancer Service with no such pod, from the
// client on the LAN.

import type { ClusterState } from '../model/cluster/types';
import { objectKey } from '../model/cluster/types';
import type { Service } from '../model/manifest/types';
import type { PacketSpec, TraceSource, TraceTarget } from '../model/trace/types';
import { orderedServices, parseTarget } from './targets';

export interface ServiceTarget {
  /** `namespace/name` */
  service: string;
  ip: string;
  port: number;
  proto: 'tcp' | 'udp' | 'sctp';
}

/** Every ClusterIP:port a learner can send to, their own Services first. */
export function serviceTargets(state: ClusterState): ServiceTarget[] {
  const out: ServiceTarget[] = [];
  for (const s of orderedServices(state)) {
    const ip = s.spec.clusterIP;
    if (!ip || ip === 'None') continue;
    for (const p of s.spec.ports) {
      const proto = p.protocol.toLowerCase() as ServiceTarget['proto'];
      out.push({ service: `${s.metadata.namespace ?? 'default'}/${s.metadata.name}`, ip, port: p.port, proto });
    }
  }
  return out;
}

export function sourceExists(state: ClusterState, from: TraceSource): boolean {
  if (from.kind === 'pod') return state.podNets[`${from.namespace}/${from.name}`] !== undefined;
  if (from.kind === 'node') return state.nodes.some((n) => n.metadata.name === from.name);
  return true;
}

function backendsOf(state: ClusterState, service: Service): Set<string> {
  const ns = service.metadata.namespace ?? 'default';
  return new Set(
    state.endpointSlices
      .filter(
        (s) => (s.metadata.namespace ?? 'default') === ns && s.metadata.labels?.['kubernetes.io/service-name'] === service.metadata.name,
      )
      .flatMap((s) => s.endpoints.flatMap((e) => e.addresses)),
  );
}

/** The learner's pods (not the built-in ones), the first not behind `service`. */
function clientPod(state: ClusterState, service: Service | undefined): TraceSource | undefined {
  const backends = service ? backendsOf(state, service) : new Set<string>();
  const learnerPods = Object.values(state.podNets).filter((p) => {
    const [ns, name] = p.key.split('/');
    return state.origins[objectKey('Pod', ns, name)] !== 'builtin' && !p.hostNetwork;
  });
  const pod = learnerPods.find((p) => !backends.has(p.ip));
  if (!pod) return undefined;
  const [namespace, name] = pod.key.split('/');
  return { kind: 'pod', namespace, name };
}

/** From the LAN: the Service's load-balancer address, else its NodePort on the first schedulable node. */
function fromOutside(state: ClusterState, service: Service): TraceTarget | undefined {
  const port = service.spec.ports[0];
  if (!port) return undefined;
  const proto = port.protocol.toLowerCase() as ServiceTarget['proto'];
  const lb = service.status?.loadBalancer?.ingress?.find((i) => i.ip)?.ip;
  if (lb) return { kind: 'ip', ip: lb, port: port.port, proto };
  if (!port.nodePort) return undefined;
  const node = state.nodes.find((n) => !n.spec.taints?.some((t) => t.effect === 'NoSchedule')) ?? state.nodes[0];
  const ip = node && state.hosts[node.metadata.name]?.nic.ip;
  return ip ? { kind: 'ip', ip, port: port.nodePort, proto } : undefined;
}

export function defaultSpec(state: ClusterState, hints: string[] = []): PacketSpec | null {
  const hinted = hints.map((h) => parseTarget(h, state)).find((t) => t !== undefined);
  if (hinted) {
    const from: TraceSource | undefined = hinted.kind === 'url' ? { kind: 'client' } : clientPod(state, undefined);
    if (from) return { from, to: hinted };
  }
  const service = orderedServices(state).find((s) => s.spec.clusterIP && s.spec.clusterIP !== 'None' && s.spec.ports.length);
  if (!service) return null;
  const port = service.spec.ports[0];
  const to: TraceTarget = {
    kind: 'ip',
    ip: service.spec.clusterIP!,
    port: port.port,
    proto: port.protocol.toLowerCase() as ServiceTarget['proto'],
  };
  const pod = clientPod(state, service);
  if (pod) return { from: pod, to };
  const outside = fromOutside(state, service);
  if (outside) return { from: { kind: 'client' }, to: outside };
  const anyPod = Object.values(state.podNets).find((p) => !p.hostNetwork);
  if (anyPod) {
    const [namespace, name] = anyPod.key.split('/');
    return { from: { kind: 'pod', namespace, name }, to };
  }
  const node = state.nodes[0];
  return node ? { from: { kind: 'node', name: node.metadata.name }, to } : null;
}
