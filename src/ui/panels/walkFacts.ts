// The few facts of a walk that externalTrafficPolicy changes, read off its steps: where the
// packet entered, the source address the pod saw, SNAT, the extra hop to another node, the end.

import type { Explanation, Trace } from '../../model';

export interface WalkFacts {
  /** The node whose NIC took the packet in from the LAN. */
  entry?: string;
  /** The source address the pod saw (undefined if the packet never reached one). */
  seenSource?: string;
  /** The client's own address: kept when it equals `seenSource`. */
  client: string;
  /** The node that masqueraded the request (kube-proxy's KUBE-POSTROUTING), if any. */
  snatOn?: string;
  /** The request crossed the overlay: from one node to another. */
  forwarded?: { from: string; to: string };
  result: Trace['outcome']['result'];
  pod?: string;
  node?: string;
  reason?: Explanation;
  steps: number;
}

export function walkFacts(trace: Trace): WalkFacts {
  const request = trace.steps.filter((s) => s.phase === 'request' && (!s.stage || s.stage.kind === 'connect'));
  const delivered = request.find((s) => s.at.element === 'pod' && s.explain.key === 'explain.deliver.pod');
  const snat = request.find((s) => s.nat?.kind === 'masquerade');
  const tunnel = request.find((s) => s.tunnel)?.tunnel;
  return {
    entry: request.find((s) => s.at.element === 'nic')?.at.node,
    seenSource: delivered?.after.src,
    client: trace.steps[0]?.before.src ?? '',
    snatOn: snat?.at.node,
    forwarded: tunnel,
    result: trace.outcome.result,
    pod: trace.outcome.pod,
    node: trace.outcome.node,
    reason: trace.outcome.reason,
    steps: trace.steps.length,
  };
}
