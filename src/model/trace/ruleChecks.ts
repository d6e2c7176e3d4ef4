// How much work kube-proxy's rules cost a request, read off the walk's own counters: at each
// netfilter hook, the nat rules the packet was checked against (iptables scans KUBE-SERVICES
// rule by rule; nftables jumps through one verdict-map lookup) and the map lookups among them;
// and where the Service's DNAT happened. The mode comparison and bench/modes.ts read these.

import type { IpvsChoice, Step, Trace } from './types';

/** On one node, at one hook of the request: nat rules checked and verdict-map lookups made. */
export interface HookChecks {
  node: string;
  hook: string;
  rules: number;
  lookups: number;
}

/** The step that DNATed the request to the Service's endpoint: its node, hook (or IPVS), and the rule or virtual server that did it. */
export interface DnatPlace {
  node: string;
  /** The netfilter hook, or `ipvs` when IPVS scheduled the packet after INPUT. */
  hook: string;
  /** The rule that DNATed: its chain and 1-based line in the node's listing (iptables-save, or the nftables table). */
  rule?: { chain: string; line: number };
  ipvs?: IpvsChoice;
  /** `IP:PORT` chosen. */
  endpoint: string;
  checks: HookChecks;
}

const connectRequest = (trace: Trace): Step[] =>
  trace.steps.filter((s) => s.phase === 'request' && (!s.stage || s.stage.kind === 'connect'));

const checksOf = (s: Step): HookChecks => ({
  node: s.at.node ?? '',
  hook: s.at.hook ?? s.at.element,
  rules: (s.rulesVisited ?? []).filter((v) => v.rule.table === 'nat').length,
  lookups: (s.nft ?? []).filter((f) => f.kind === 'vmap').length + (s.ipvs ? 1 : 0),
});

/** Every netfilter hook of the connection's request (the DNS lookup before it left out), in walk order, with its counts. */
export function requestChecks(trace: Trace): HookChecks[] {
  return connectRequest(trace)
    .filter((s) => s.at.element === 'netfilter' || s.ipvs)
    .map(checksOf);
}

/** Where the request was DNATed to an endpoint; undefined when nothing DNATed it (dropped first, or no Service on the way). */
export function dnatPlace(trace: Trace): DnatPlace | undefined {
  const s = connectRequest(trace).find((x) => x.nat?.kind === 'dnat');
  if (!s?.nat) return undefined;
  return {
    node: s.at.node ?? '',
    hook: s.ipvs ? 'ipvs' : (s.at.hook ?? s.at.element),
    rule: s.rule && !s.ipvs ? { chain: s.rule.chain, line: s.rule.line } : undefined,
    ipvs: s.ipvs,
    endpoint: s.nat.to,
    checks: checksOf(s),
  };
}
