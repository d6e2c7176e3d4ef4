// Which boxes the walk does not pass through: they fold to a one-line summary so that the
// walk's own boxes stand out on a crowded node.

import type { LayoutOptions } from './types';

/** A node's netfilter (with IPVS) and routing boxes fold when there is a walk and it does not pass them. */
export function foldsOf(focus: LayoutOptions['focus'], node: string): { netfilter: boolean; routing: boolean } {
  if (!focus?.nodes) return { netfilter: false, routing: false };
  const passes = new Set(focus.nodes[node]);
  return { netfilter: !passes.has('netfilter') && !passes.has('ipvs'), routing: !passes.has('routing') };
}

/** A node's built-in pods fold unless the walk touches one of them (CoreDNS during a DNS query). */
export function podsFold(group: { compact: boolean; pods: { key: string }[] }, focusPods: Set<string>): boolean {
  return group.compact && !group.pods.some((p) => focusPods.has(p.key));
}
