// Nodes a dump's pods ran on but the dump left out. A pod bound to a node is what the cluster
// held: the node existed, so it is added (with the address and pod range its pods show) rather
// than the pod left Pending.
//
// With Nodes pasted (a partial dump) every pod bound to a missing node gets it. With no Nodes
// pasted the model would use its three default nodes; then a pod showing it ran (status.hostIP or
// podIP, which a cluster writes) on a node the defaults lack makes the paste a dump of another
// cluster: the nodes its pods name are that cluster's, and the defaults are not added beside them.
// A pod the learner binds by hand to a name that does not exist still stays Pending, with a warning.

import { diagnostic, type Diagnostic } from '../diagnostics';
import { MODEL_LIMITS } from '../limits';
import { cidrContains, formatCidr, parseCidr, parseIPv4Sloppy } from '../net';
import type { Node, Pod } from '../manifest/types';
import type { Entry, Inventory } from './inventory';
import { enclosing } from './inferRanges';
import { DEFAULT_NODES, internalIP } from './nodes';
import { isTerminal } from './podRecord';
import type { ClusterConfig } from './types';

const observed = (pod: Pod): boolean => !!(pod.status?.hostIP || pod.status?.podIP);

/** The node's pod range when its pods' addresses all fall in one free /mask of the pod network. */
function podCIDRFor(pods: Pod[], config: ClusterConfig, used: Set<number>): string | undefined {
  const mask = config.nodeCIDRMaskSize;
  const bases = new Set<number>();
  for (const pod of pods) {
    const ip = pod.spec?.hostNetwork ? undefined : parseIPv4Sloppy(pod.status?.podIP ?? '');
    if (ip === undefined) continue;
    if (!cidrContains(config.clusterCIDR, ip)) return undefined;
    bases.add(mask === 0 ? 0 : (ip & ~(2 ** (32 - mask) - 1)) >>> 0);
  }
  if (bases.size !== 1) return undefined;
  const [base] = bases;
  if (used.has(base!)) return undefined;
  used.add(base!);
  return formatCidr({ base: base!, prefix: mask });
}

/** A node added for the pods bound to it: `pod` is the first of them, where the message goes. */
export interface AddedNode {
  entry: Entry<Node>;
  pod: Entry<Pod>;
  pods: number;
}

/**
 * With no Node pasted, the pod network and the node network are read off the pods (their
 * podIPs and hostIPs) where they do not fit the defaults, as inferRanges.ts reads them off nodes.
 */
function rangesFromPods(pods: Entry<Pod>[], config: ClusterConfig, diagnostics: Diagnostic[]): void {
  const seen = (field: 'podIP' | 'hostIP') =>
    pods
      .filter((e) => field === 'hostIP' || !e.object.spec.hostNetwork)
      .map((e) => ({ e, text: e.object.status?.[field] ?? '', value: parseIPv4Sloppy(e.object.status?.[field] ?? '') }))
      .filter((s): s is { e: Entry<Pod>; text: string; value: number } => s.value !== undefined);
  const infer = (
    field: 'podIP' | 'hostIP',
    range: string,
    longest: number,
    code: 'dump.inferred.clusterCIDR' | 'dump.inferred.nodeSubnet',
  ) => {
    const all = seen(field);
    const out = all.find((s) => !cidrContains(range, s.value));
    if (!out) return undefined;
    const cidr = formatCidr(
      enclosing(
        all.map((s) => s.value),
        longest,
      ),
    );
    diagnostics.push(
      diagnostic('info', code, { cidr, pod: out.e.object.metadata.name, value: out.text }, out.e.source.at(`status.${field}`)),
    );
    return cidr;
  };
  if (!config.fromManifests.includes('clusterCIDR')) {
    const cidr = infer('podIP', config.clusterCIDR, 16, 'dump.inferred.clusterCIDR');
    if (cidr) {
      config.clusterCIDR = cidr;
      if (!config.fromManifests.includes('proxy.clusterCIDR')) config.proxy.clusterCIDR = cidr;
    }
  }
  config.nodeSubnet = infer('hostIP', config.nodeSubnet, 24, 'dump.inferred.nodeSubnet') ?? config.nodeSubnet;
}

export function nodesFromPods(inv: Inventory, config: ClusterConfig, diagnostics: Diagnostic[]): AddedNode[] {
  const bound = inv.pods.filter((e) => e.origin === 'manifest' && e.object.spec?.nodeName && !isTerminal(e.object));
  let missing: Entry<Pod>[];
  if (inv.nodes.length) {
    const known = new Set(inv.nodes.map((e) => e.object.metadata.name));
    missing = bound.filter((e) => !known.has(e.object.spec.nodeName!));
  } else {
    const elsewhere = bound.some((e) => observed(e.object) && !DEFAULT_NODES.includes(e.object.spec.nodeName!));
    missing = elsewhere ? bound : [];
  }
  if (!missing.length) return [];
  if (!inv.nodes.length) rangesFromPods(missing, config, diagnostics);

  const used = new Set<number>();
  for (const { object: node } of inv.nodes) {
    const cidr = parseCidr(node.spec?.podCIDR ?? node.spec?.podCIDRs?.[0] ?? '');
    if (cidr) used.add(cidr.base);
  }
  const byNode = new Map<string, Entry<Pod>[]>();
  for (const e of missing) {
    const name = e.object.spec.nodeName!;
    const list = byNode.get(name);
    if (list) list.push(e);
    else byNode.set(name, [e]);
  }
  const added: AddedNode[] = [];
  // Added nodes count against the model's cap on nodes as pasted ones do; pods on those past it stay Pending.
  const room = MODEL_LIMITS.nodes - inv.nodes.length;
  const over = [...byNode.values()].slice(Math.max(0, room));
  if (over.length) {
    const params = { cap: MODEL_LIMITS.nodes, left: over.length, name: over[0]![0]!.object.spec.nodeName! };
    diagnostics.push(diagnostic('warning', 'limits.nodes', params, over[0]![0]!.source.at('spec.nodeName')));
  }
  for (const [name, entries] of [...byNode].slice(0, Math.max(0, room))) {
    const pods = entries.map((e) => e.object);
    const hostIP = pods.map((p) => p.status?.hostIP ?? '').find((ip) => parseIPv4Sloppy(ip) !== undefined);
    const podCIDR = podCIDRFor(pods, config, used);
    const node: Node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels: {} },
      spec: podCIDR ? { podCIDR, podCIDRs: [podCIDR] } : {},
      status: hostIP ? { addresses: [{ type: 'InternalIP', address: hostIP }] } : {},
    };
    // The dump's own node, as its pods show it (not a default: the picture does not tag it so); it points at its first pod.
    added.push({ entry: { object: node, origin: 'manifest', source: entries[0]!.source }, pod: entries[0]!, pods: entries.length });
  }
  return added;
}

/** Once node IPAM completed them: what each added node holds, said at its first pod's nodeName. */
export function reportAddedNodes(added: AddedNode[], diagnostics: Diagnostic[]): void {
  for (const { entry, pod, pods } of added) {
    const node = entry.object;
    const params = {
      node: node.metadata.name,
      pod: pod.object.metadata.name,
      pods,
      ip: internalIP(node) ?? '',
      podCIDR: node.spec.podCIDR ?? '',
    };
    diagnostics.push(diagnostic('info', 'dump.nodeAdded', params, pod.source.at('spec.nodeName')));
  }
}
