// kube-scheduler's filters that matter here (NodeUnschedulable, TaintToleration, NodeAffinity via
// nodeSelector) and a deterministic spread, with FailedScheduling text as v1.33 words it.

import { diagnostic, type Diagnostic } from '../diagnostics';
import type { Node, PodSpec, Taint, Toleration } from '../manifest/types';
import { fnv32a, mix } from '../hashing/names';
import { isTerminal, type PodRecord } from './podRecord';
import { namespacedName } from '../k8s';
import type { ClusterEvent } from './types';

/** v1 Toleration.ToleratesTaint. */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  if (toleration.operator === 'Exists') return true;
  return (toleration.value ?? '') === (taint.value ?? '');
}

function tolerated(spec: PodSpec, taint: Taint): boolean {
  return (spec.tolerations ?? []).some((t) => tolerates(t, taint));
}

/** Why `node` cannot run a pod with `spec`, as the first failing filter plugin reports it; undefined if it fits. */
export function unfitReason(spec: PodSpec, node: Node): string | undefined {
  if (node.spec?.unschedulable && !tolerated(spec, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) {
    return 'node(s) were unschedulable';
  }
  for (const taint of node.spec?.taints ?? []) {
    if (taint.effect === 'PreferNoSchedule' || tolerated(spec, taint)) continue;
    return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  }
  for (const [key, value] of Object.entries(spec.nodeSelector ?? {})) {
    if (node.metadata.labels?.[key] !== value) return "node(s) didn't match Pod's node affinity/selector";
  }
  return undefined;
}

/** The FailedScheduling message: reasons counted, sorted, joined, then the preemption verdict. */
export function failedSchedulingMessage(reasons: string[], total: number): string {
  if (total === 0) return 'no nodes available to schedule pods';
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const parts = [...counts.entries()].map(([reason, n]) => `${n} ${reason}`).sort();
  return `0/${total} nodes are available: ${parts.join(', ')}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
}

export type Placement = { node: string } | { message: string };

/**
 * Places the pods of one workload, in ordinal order: each goes to the eligible node holding
 * the fewest of its siblings. Counting only siblings (as the default PodTopologySpread does)
 * keeps one workload's placement independent of all others. Ties go to the node ranked first
 * for this workload by a hash of both names (rendezvous hashing), then by node name: different
 * workloads start on different nodes, as a real scheduler's balancing makes them, and adding
 * a node moves only the pods that now rank it first.
 */
export class Spreader {
  private readonly counts = new Map<string, Map<string, number>>();
  /** Filtering and ranking depend only on the group and the pod's constraints: done once per pair. */
  private readonly candidates = new Map<string, { fit: RankedNodes; reasons: string[] }>();

  private readonly nodeHashes: number[];

  constructor(private readonly nodes: Node[]) {
    this.nodeHashes = nodes.map((n) => fnv32a(n.metadata.name));
  }

  /** Records a sibling that is already on a node (given in the manifests). */
  occupy(group: string, node: string): void {
    const counts = this.groupCounts(group);
    counts.set(node, (counts.get(node) ?? 0) + 1);
  }

  /**
   * `constraints` names the pod's node selector and tolerations: pods made from one template
   * share them, so a workload's nodes are filtered and ranked once.
   */
  place(
    group: string,
    spec: PodSpec,
    constraints = `${JSON.stringify(spec.nodeSelector ?? null)}${JSON.stringify(spec.tolerations ?? null)}`,
  ): Placement {
    const { fit, reasons } = this.candidatesFor(group, spec, constraints);
    if (!fit.length) return { message: failedSchedulingMessage(reasons, this.nodes.length) };
    const counts = this.groupCounts(group);
    let best = fit.at(0);
    let bestCount = counts.get(best.name) ?? 0;
    for (let i = 1; i < fit.length && bestCount > 0; i++) {
      const count = counts.get(fit.at(i).name) ?? 0;
      if (count < bestCount) [best, bestCount] = [fit.at(i), count];
    }
    counts.set(best.name, bestCount + 1);
    return { node: best.name };
  }

  private candidatesFor(group: string, spec: PodSpec, constraints: string) {
    const key = `${group}\u0000${constraints}`;
    let found = this.candidates.get(key);
    if (found) return found;
    const fit: RankedNode[] = [];
    const reasons: string[] = [];
    const groupHash = fnv32a(group);
    this.nodes.forEach((node, i) => {
      const reason = unfitReason(spec, node);
      if (reason) reasons.push(reason);
      else fit.push({ name: node.metadata.name, rank: mix(groupHash ^ this.nodeHashes[i]!) });
    });
    found = { fit: new RankedNodes(fit), reasons };
    this.candidates.set(key, found);
    return found;
  }

  private groupCounts(group: string): Map<string, number> {
    let counts = this.counts.get(group);
    if (!counts) this.counts.set(group, (counts = new Map()));
    return counts;
  }
}

interface RankedNode {
  name: string;
  rank: number;
}

const better = (a: RankedNode, b: RankedNode) => a.rank < b.rank || (a.rank === b.rank && a.name < b.name);

/**
 * A workload's eligible nodes, best-ranked first (so the first least-loaded node in this order wins
 * a tie), ordered only as far as they are read: a workload of 5 pods reads about 5 of 500 nodes,
 * and sorting every node for every workload made scheduling grow as workloads × nodes × log nodes.
 */
class RankedNodes {
  private readonly sorted: RankedNode[] = [];
  /** A binary min-heap of the nodes not yet read. */
  private readonly heap: RankedNode[];

  constructor(nodes: RankedNode[]) {
    this.heap = nodes;
    for (let i = (nodes.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  get length(): number {
    return this.sorted.length + this.heap.length;
  }

  /** The i-th best node; i < length. */
  at(i: number): RankedNode {
    while (this.sorted.length <= i) {
      const top = this.heap[0]!;
      const last = this.heap.pop()!;
      if (this.heap.length) {
        this.heap[0] = last;
        this.down(0);
      }
      this.sorted.push(top);
    }
    return this.sorted[i]!;
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      let m = i;
      if (l < h.length && better(h[l]!, h[m]!)) m = l;
      if (l + 1 < h.length && better(h[l + 1]!, h[m]!)) m = l + 1;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}

/**
 * Binds every pod that has no node yet. Pods the learner bound (spec.nodeName) skip the scheduler,
 * as they do in a real cluster; a DaemonSet pod goes to the node it was made for.
 */
export function schedulePods(records: PodRecord[], nodes: Node[], events: ClusterEvent[], diagnostics: Diagnostic[]): void {
  const known = new Set(nodes.map((n) => n.metadata.name));
  const spreader = new Spreader(nodes);
  for (const r of records) {
    const nodeName = r.pod.spec.nodeName;
    if (!nodeName) continue;
    if (known.has(nodeName)) spreader.occupy(r.group, nodeName);
    else
      diagnostics.push(
        diagnostic('warning', 'pod.nodeName.unknown', { pod: r.pod.metadata.name, node: nodeName }, r.source.at('spec.nodeName')),
      );
  }
  const pending = new Map<string, { owner: PodRecord['owner']; count: number; message: string }>();
  for (const r of records) {
    if (r.pod.spec.nodeName || isTerminal(r.pod)) continue;
    // Pods a controller made share their template's constraints; a given pod has its own.
    const placement: Placement = r.pinnedNode
      ? { node: r.pinnedNode }
      : r.given
        ? spreader.place(r.group, r.pod.spec)
        : spreader.place(r.group, r.pod.spec, 'template');
    const object = `Pod/${r.pod.metadata.namespace}/${r.pod.metadata.name}`;
    if ('node' in placement) {
      r.pod.spec.nodeName = placement.node;
      if (r.origin !== 'builtin') {
        events.push({
          object,
          type: 'Normal',
          reason: 'Scheduled',
          message: { key: 'event.Scheduled', params: { pod: namespacedName(r.pod), node: placement.node } },
        });
      }
      continue;
    }
    events.push({
      object,
      type: 'Warning',
      reason: 'FailedScheduling',
      message: { key: 'event.FailedScheduling', params: { total: nodes.length, message: placement.message } },
    });
    const ownerKey = `${r.owner.kind}/${r.owner.namespace}/${r.owner.name}`;
    const seen = pending.get(ownerKey);
    if (seen) seen.count++;
    else pending.set(ownerKey, { owner: r.owner, count: 1, message: placement.message });
  }
  for (const { owner, count, message } of pending.values()) {
    diagnostics.push(
      diagnostic(
        'warning',
        'workload.unschedulable',
        { kind: owner.kind, name: owner.name, pending: count, message },
        owner.source.at('metadata.name'),
      ),
    );
  }
}
