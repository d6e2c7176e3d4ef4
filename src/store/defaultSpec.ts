// The packet a scenario opens with: from one of the learner's pods (one that is not
// itself behind the Service) to the learner's first Service. Read from the model only.

import type { ClusterState } from '../model/cluster/types';
import { objectKey } from '../model/cluster/types';
import type { L4Proto } from '../model/netfilter/types';
import type { PacketSpec, TraceSource, TraceTarget } from '../model/trace/types';

export interface ServiceTarget {
  /** `namespace/name` */
  service: string;
  ip: string;
  port: number;
  proto: L4Proto;
}

/** Every ClusterIP:port a learner can send to, their own Services first. */
export function serviceTargets(state: ClusterState): ServiceTarget[] {
  const out: ServiceTarget[] = [];
  const builtin = (ns: string | undefined, name: string) => state.origins[objectKey('Service', ns, name)] === 'builtin';
  const ordered = [...state.services].sort(
    (a, b) => Number(builtin(a.metadata.namespace, a.metadata.name)) - Number(builtin(b.metadata.namespace, b.metadata.name)),
  );
  for (const s of ordered) {
    const ip = s.spec.clusterIP;
    if (!ip || ip === 'None') continue;
    for (const p of s.spec.ports) {
      out.push({
        service: `${s.metadata.namespace ?? 'default'}/${s.metadata.name}`,
        ip,
        port: p.port,
        proto: p.protocol.toLowerCase() as L4Proto,
      });
    }
  }
  return out;
}

export function sourceExists(state: ClusterState, from: TraceSource): boolean {
  if (from.kind === 'pod') return state.podNets[`${from.namespace}/${from.name}`] !== undefined;
  if (from.kind === 'node') return state.nodes.some((n) => n.metadata.name === from.name);
  return true;
}

export function defaultSpec(state: ClusterState): PacketSpec | null {
  const target = serviceTargets(state)[0];
  const to: TraceTarget | undefined = target && { kind: 'ip', ip: target.ip, port: target.port, proto: target.proto };
  if (!to) return null;
  const [ns, name] = target.service.split('/');
  const backends = new Set(
    state.endpointSlices
      .filter((s) => (s.metadata.namespace ?? 'default') === ns && s.metadata.labels?.['kubernetes.io/service-name'] === name)
      .flatMap((s) => s.endpoints.flatMap((e) => e.addresses)),
  );
  const learnerPods = Object.values(state.podNets).filter((p) => {
    const [pns, pname] = p.key.split('/');
    return state.origins[objectKey('Pod', pns, pname)] !== 'builtin';
  });
  const client = learnerPods.find((p) => !backends.has(p.ip)) ?? learnerPods[0];
  if (client) {
    const [namespace, podName] = client.key.split('/');
    return { from: { kind: 'pod', namespace, name: podName }, to };
  }
  const node = state.nodes[0];
  return node ? { from: { kind: 'node', name: node.metadata.name }, to } : null;
}

/** Parses the learner's `IP:port` destination; undefined when it is not one. */
export function parseTarget(text: string, state: ClusterState | null): TraceTarget | undefined {
  const m = /^\s*(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})\s*$/.exec(text);
  if (!m) return undefined;
  const port = Number(m[2]);
  if (port < 1 || port > 65535 || m[1].split('.').some((o) => Number(o) > 255)) return undefined;
  const known = state ? serviceTargets(state).find((s) => s.ip === m[1] && s.port === port) : undefined;
  return { kind: 'ip', ip: m[1], port, proto: known?.proto ?? 'tcp' };
}

export function formatTarget(to: TraceTarget): string {
  return `${to.ip}:${to.port}`;
}
