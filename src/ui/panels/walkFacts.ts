// The few facts of a walk that a comparison sets side by side, read off its steps: where the
// packet entered, the source address the pod saw, SNAT, the extra hop to another node (what
// externalTrafficPolicy changes), where and at what cost kube-proxy DNATed it (what the proxy
// mode changes), the end.

import { dnatPlace, requestChecks, type DnatPlace, type Explanation, type HookChecks, type Trace } from '../../model';
import { t, translateExplanation, type Locale } from '../../i18n/i18n';

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
  /** Where kube-proxy (its rules, or IPVS) DNATed the request, and the rules and lookups that cost. */
  dnat?: DnatPlace;
  /** The netfilter hooks (and IPVS) the connection's request went through, node by node. */
  hooks: HookChecks[];
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
    dnat: dnatPlace(trace),
    hooks: requestChecks(trace),
    result: trace.outcome.result,
    pod: trace.outcome.pod,
    node: trace.outcome.node,
    reason: trace.outcome.reason,
    steps: trace.steps.length,
  };
}

/** The outcome row of a comparison, in the page's language. */
export function outcomeText(locale: Locale, f: WalkFacts): string {
  if (f.result === 'delivered') return t(locale, 'ui.compare.delivered', { pod: f.pod ?? '', node: f.node ?? '' });
  const head = t(
    locale,
    f.result === 'unmodelled' ? 'ui.outcome.notModelled' : f.result === 'dropped' ? 'ui.outcome.dropped' : 'ui.outcome.rejected',
  );
  return f.reason ? `${head}: ${translateExplanation(locale, f.reason)}` : head;
}
