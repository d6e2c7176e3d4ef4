// What every MetalLB speaker knows about the cluster: which speakers are alive (memberlist),
// which nodes MetalLB must not use, and which endpoints can serve (MetalLB v0.15.3,
// internal/k8s/nodes, internal/k8s/epslices).

import type { EndpointSlice, Node, Service } from '../manifest/types';
import { namespacedName, namespaceOf, SERVICE_NAME_LABEL } from '../k8s';

const EXCLUDE_LB = 'node.kubernetes.io/exclude-from-external-load-balancers';

export interface SpeakerView {
  /** Nodes whose speaker is a live memberlist member: a speaker runs there, the node is not taken down, and Ready. */
  alive: Set<string>;
  byName: Map<string, Node>;
  /** The down nodes: the node lifecycle controller marks their pods not ready, so their endpoints cannot serve. */
  down: Set<string>;
  /** Each Service's slices, keyed `namespace/name`. */
  slices: Map<string, EndpointSlice[]>;
}

/**
 * The speaker DaemonSet (config/manifests/metallb-native.yaml) tolerates the control-plane taints,
 * and the DaemonSet controller adds the node-condition ones; any other NoSchedule/NoExecute taint
 * keeps the speaker off the node, so that node never announces.
 */
const TOLERATED = new Set([
  'node-role.kubernetes.io/master',
  'node-role.kubernetes.io/control-plane',
  'node.kubernetes.io/not-ready',
  'node.kubernetes.io/unreachable',
  'node.kubernetes.io/disk-pressure',
  'node.kubernetes.io/memory-pressure',
  'node.kubernetes.io/pid-pressure',
  'node.kubernetes.io/unschedulable',
  'node.kubernetes.io/network-unavailable',
]);

export const hasSpeaker = (n: Node): boolean =>
  (n.spec?.taints ?? []).every((t) => t.effect === 'PreferNoSchedule' || TOLERATED.has(t.key));

const isReady = (n: Node): boolean => (n.status?.conditions?.find((c) => c.type === 'Ready')?.status ?? 'True') === 'True';

export function speakerView(nodes: Node[], endpointSlices: EndpointSlice[], downNodes: string[] = []): SpeakerView {
  const down = new Set(downNodes);
  const slices = new Map<string, EndpointSlice[]>();
  for (const s of endpointSlices) {
    const svc = s.metadata.labels?.[SERVICE_NAME_LABEL];
    if (!svc) continue;
    const key = `${namespaceOf(s)}/${svc}`;
    slices.set(key, [...(slices.get(key) ?? []), s]);
  }
  return {
    alive: new Set(nodes.filter((n) => hasSpeaker(n) && !down.has(n.metadata.name) && isReady(n)).map((n) => n.metadata.name)),
    byName: new Map(nodes.map((n) => [n.metadata.name, n])),
    down,
    slices,
  };
}

/** IsNetworkUnavailable, and the exclude-from-external-load-balancers label kubeadm puts on control planes. */
export function nodeUnusable(node: Node | undefined): 'networkUnavailable' | 'excludedFromBalancers' | undefined {
  if (node?.status?.conditions?.some((c) => c.type === 'NetworkUnavailable' && c.status === 'True')) return 'networkUnavailable';
  if (node?.metadata.labels && EXCLUDE_LB in node.metadata.labels) return 'excludedFromBalancers';
  return undefined;
}

export interface ServingEndpoint {
  addresses: string[];
  node?: string;
  canServe: boolean;
}

/** EndpointCanServe: ready unset or true, or serving. An endpoint on a down node cannot serve. */
export function serviceEndpoints(view: SpeakerView, svc: Service): ServingEndpoint[] {
  const key = namespacedName(svc);
  return (view.slices.get(key) ?? []).flatMap((s) =>
    s.endpoints.map((e) => {
      const c = e.conditions ?? {};
      const onDownNode = e.nodeName !== undefined && view.down.has(e.nodeName);
      const ep: ServingEndpoint = {
        addresses: e.addresses,
        canServe: !onDownNode && (c.ready === undefined || c.ready || c.serving === true),
      };
      if (e.nodeName !== undefined) ep.node = e.nodeName;
      return ep;
    }),
  );
}
