// The packet a text opens on: the one its `# packetwalk:` line declares, else the learner's own —
// from one of their pods to their first Service. Built-in objects (CoreDNS, the API server's
// `kubernetes` Service) are used only when the learner wrote nothing that could take their place,
// and `builtinService` / `basis` say so, for the app to tell the learner.

import type { ClusterState } from '../cluster/types';
import type { L4Proto } from '../netfilter/types';
import type { InputFile } from '../manifest/parse';
import type { Service } from '../manifest/types';
import { declaredWalk, type WalkFlags } from './declaredWalk';
import type { PacketSpec, TraceSource, TraceTarget } from './types';
import { namespacedName, namespaceOf, objectKey, slicesOfService } from '../k8s';

export interface OpeningPacket {
  spec: PacketSpec;
  /**
   * Where it starts, and why: the declared source; a pod of the learner's outside the Service;
   * a laptop on the LAN (the Service is reachable from outside and no pod of theirs is outside it);
   * one of the Service's own pods (every pod of theirs is behind it); a node (they have no pod).
   */
  basis: 'declared' | 'clientPod' | 'lan' | 'ownBackend' | 'node';
  /** The learner wrote no Service with a port, so the packet goes to one every cluster has. */
  builtinService: boolean;
  /** `namespace/name` of the Service a default packet goes to. */
  service?: string;
}

const isLearners = (state: ClusterState, kind: string, ns: string, name: string) => {
  const origin = state.origins[objectKey(kind, ns, name)];
  return origin === 'manifest' || origin === 'controller';
};
/** Where the learner wrote an object (its file, then its place in it), to keep their order. */
const writtenAt = (state: ClusterState, kind: string, ns: string, name: string) => {
  const pos = state.sources[objectKey(kind, ns, name)]?.pos;
  return [pos?.file ?? '', pos?.offset ?? 0] as const;
};

/** The learner's Services first, in the order they wrote them, then the ones every cluster has. */
export function orderedServices(state: ClusterState): Service[] {
  const mine = (s: Service) => isLearners(state, 'Service', namespaceOf(s), s.metadata.name);
  const order = (a: Service, b: Service) => {
    const [fa, oa] = writtenAt(state, 'Service', namespaceOf(a), a.metadata.name);
    const [fb, ob] = writtenAt(state, 'Service', namespaceOf(b), b.metadata.name);
    return fa.localeCompare(fb) || oa - ob;
  };
  return [...state.services.filter(mine).sort(order), ...state.services.filter((s) => !mine(s))];
}

export function sourceExists(state: ClusterState, from: TraceSource): boolean {
  if (from.kind === 'pod') return state.podNets[`${from.namespace}/${from.name}`] !== undefined;
  if (from.kind === 'node') return state.nodes.some((n) => n.metadata.name === from.name);
  return true;
}

function backendsOf(state: ClusterState, service: Service): Set<string> {
  return new Set(slicesOfService(service, state.endpointSlices).flatMap((s) => s.endpoints.flatMap((e) => e.addresses)));
}

/**
 * The learner's pods on the pod network: the Pods they wrote themselves first (a lone Pod is
 * usually the client), then their workloads' pods, each in the order they wrote them.
 */
function learnerPods(state: ClusterState): { source: TraceSource & { kind: 'pod' }; ip: string }[] {
  return state.pods
    .filter((p) => isLearners(state, 'Pod', namespaceOf(p), p.metadata.name))
    .map((p) => ({ pod: p, net: state.podNets[namespacedName(p)] }))
    .filter(({ net }) => net && !net.hostNetwork)
    .sort((a, b) => {
      const bare = (p: typeof a) => (state.origins[objectKey('Pod', namespaceOf(p.pod), p.pod.metadata.name)] === 'manifest' ? 0 : 1);
      const [fa, oa] = writtenAt(state, 'Pod', namespaceOf(a.pod), a.pod.metadata.name);
      const [fb, ob] = writtenAt(state, 'Pod', namespaceOf(b.pod), b.pod.metadata.name);
      return bare(a) - bare(b) || fa.localeCompare(fb) || oa - ob;
    })
    .map(({ pod, net }) => ({ source: { kind: 'pod', namespace: namespaceOf(pod), name: pod.metadata.name }, ip: net!.ip }));
}

/** Inside the cluster: the ClusterIP, or for a Service without one (headless, ExternalName) its name, which DNS answers. */
function insideTarget(service: Service, home: string): TraceTarget | undefined {
  const port = service.spec.ports[0];
  if (!port) return undefined;
  const proto = port.protocol.toLowerCase() as L4Proto;
  const ip = service.spec.clusterIP;
  if (ip && ip !== 'None') return { kind: 'ip', ip, port: port.port, proto };
  const name = namespaceOf(service) === home ? service.metadata.name : `${service.metadata.name}.${namespaceOf(service)}`;
  return { kind: 'name', name, port: port.port, proto };
}

/** From the LAN: the Service's load-balancer address, else its NodePort on the first schedulable node. */
function outsideTarget(state: ClusterState, service: Service): TraceTarget | undefined {
  const port = service.spec.ports[0];
  if (!port) return undefined;
  const proto = port.protocol.toLowerCase() as L4Proto;
  const lb = service.status?.loadBalancer?.ingress?.find((i) => i.ip)?.ip;
  if (lb) return { kind: 'ip', ip: lb, port: port.port, proto };
  if (!port.nodePort) return undefined;
  const ip = state.hosts[workerNode(state) ?? '']?.nic.ip;
  return ip ? { kind: 'ip', ip, port: port.nodePort, proto } : undefined;
}

function workerNode(state: ClusterState): string | undefined {
  const node = state.nodes.find((n) => !n.spec.taints?.some((t) => t.effect === 'NoSchedule')) ?? state.nodes[0];
  return node?.metadata.name;
}

/** The learner's packet when nothing is declared: from where it is clearest to their first Service. */
function defaultPacket(state: ClusterState): OpeningPacket | null {
  const services = orderedServices(state).filter((s) => s.spec.ports.length > 0);
  const service = services.find((s) => isLearners(state, 'Service', namespaceOf(s), s.metadata.name)) ?? services[0];
  if (!service) return null;
  const builtinService = !isLearners(state, 'Service', namespaceOf(service), service.metadata.name);
  const pods = learnerPods(state);
  const backends = backendsOf(state, service);
  const client = pods.find((p) => !backends.has(p.ip));
  const key = namespacedName(service);
  const packet = (from: TraceSource, to: TraceTarget | undefined, basis: OpeningPacket['basis']) =>
    to ? { spec: { from, to }, basis, builtinService, service: key } : null;
  if (client) return packet(client.source, insideTarget(service, client.source.namespace), 'clientPod');
  const outside = outsideTarget(state, service);
  if (outside) return packet({ kind: 'client' }, outside, 'lan');
  if (pods[0]) return packet(pods[0].source, insideTarget(service, pods[0].source.namespace), 'ownBackend');
  const node = workerNode(state);
  const to = insideTarget(service, 'default');
  return node && to?.kind === 'ip' ? packet({ kind: 'node', name: node }, to, 'node') : null;
}

/** A URL is asked from a laptop on the LAN; a name is resolved by a pod; else where the default starts. */
function defaultSource(state: ClusterState, to: TraceTarget, fallback: TraceSource | undefined): TraceSource | undefined {
  if (to.kind === 'url') return { kind: 'client' };
  if (to.kind === 'name' && fallback?.kind !== 'pod') return learnerPods(state)[0]?.source;
  return fallback;
}

/** The declared walk, its missing end (or a source that does not exist) filled in as the default would. */
function declaredPacket(state: ClusterState, flags: WalkFlags): OpeningPacket | null {
  const fallback = defaultPacket(state);
  const from = flags.from && sourceExists(state, flags.from) ? flags.from : undefined;
  const to = flags.to ?? fallback?.spec.to;
  if (!to) return null;
  const source = from ?? defaultSource(state, to, fallback?.spec.from);
  if (!source) return fallback;
  const spec: PacketSpec = { from: source, to };
  if (flags.seed !== undefined) spec.seed = flags.seed;
  if (flags.endpoint !== undefined) spec.endpoint = flags.endpoint;
  return { spec, basis: 'declared', builtinService: false };
}

/** The packet a text opens on (in the app, and for `packetwalk trace` without --from/--to). */
export function openingPacket(files: readonly InputFile[], state: ClusterState): OpeningPacket | null {
  const declared = declaredWalk(files).walk;
  return declared && (declared.flags.from || declared.flags.to) ? declaredPacket(state, declared.flags) : defaultPacket(state);
}
