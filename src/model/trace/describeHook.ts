// Turns one hook's evaluation into what the learner reads: the rule that acted,
// every rule tested on the way, and an explanation key with its parameters.

import type { HookResult, Rule, Visit } from '../netfilter/types';
import type { Explanation, MatchedRule, NatChoice, Step } from './types';

export interface HookDescription {
  explain: Explanation;
  rule?: MatchedRule;
  /** The hook's NAT: DNAT's endpoint (its Service is filled in by the walk), or SNAT/MASQUERADE's address. */
  nat?: NatChoice;
  rulesVisited: NonNullable<Step['rulesVisited']>;
}

export function matchedRule(node: string, rule: Rule): MatchedRule {
  return { node, table: rule.table, chain: rule.chain, text: rule.text, line: rule.line };
}

type RuleVisit = Extract<Visit, { kind: 'rule' }>;

export function describeHook(node: string, result: HookResult, outIface?: string): HookDescription {
  const ruleVisits = result.visits.filter((v): v is RuleVisit => v.kind === 'rule');
  const rulesVisited = ruleVisits.map((v) => ({ rule: matchedRule(node, v.rule), matched: v.matched }));
  const base = { node, hook: result.hook };
  // The chains the packet jumped through, e.g. KUBE-SERVICES → KUBE-SVC-… → KUBE-SEP-….
  const path = (rule: Rule): string => chainPath(result.visits, rule);

  const ct = result.visits.find((v) => v.kind === 'conntrack');
  if (ct && ct.kind === 'conntrack') {
    const key = result.ct.direction === 'reply' ? 'explain.hook.ctReply' : 'explain.hook.ctOriginal';
    return { explain: { key, params: { ...base, from: fmt(ct.from), to: fmt(ct.to) } }, rulesVisited };
  }
  if ((result.verdict === 'REJECT' || result.verdict === 'DROP') && result.decidedBy) {
    const rule = result.decidedBy;
    const key = result.verdict === 'REJECT' ? 'explain.hook.reject' : 'explain.hook.drop';
    return {
      explain: { key, params: { ...base, chain: path(rule), with: result.rejectWith ?? '' } },
      rule: matchedRule(node, rule),
      rulesVisited,
    };
  }
  const dnat = result.nat.find((b) => b.kind === 'DNAT');
  if (dnat) {
    return {
      explain: { key: 'explain.hook.dnat', params: { ...base, chain: path(dnat.rule), to: fmt(dnat.to) } },
      rule: matchedRule(node, dnat.rule),
      nat: { kind: 'dnat', to: fmt(dnat.to) },
      rulesVisited,
    };
  }
  const snat = result.nat.find((b) => b.kind === 'SNAT');
  if (snat) {
    const key = snat.masquerade ? 'explain.hook.masquerade' : 'explain.hook.snat';
    return {
      explain: { key, params: { ...base, chain: path(snat.rule), to: snat.to.ip, dev: outIface ?? '' } },
      rule: matchedRule(node, snat.rule),
      nat: { kind: snat.masquerade ? 'masquerade' : 'snat', to: snat.to.ip },
      rulesVisited,
    };
  }
  const mark = [...ruleVisits].reverse().find((v) => v.matched && v.effect?.kind === 'mark');
  if (mark && mark.effect?.kind === 'mark') {
    return {
      explain: { key: 'explain.hook.mark', params: { ...base, chain: path(mark.rule), mark: `0x${mark.effect.to.toString(16)}` } },
      rule: matchedRule(node, mark.rule),
      rulesVisited,
    };
  }
  return { explain: { key: 'explain.hook.pass', params: { ...base, count: ruleVisits.length } }, rulesVisited };
}

function fmt(e: { ip: string; port: number }): string {
  return e.port ? `${e.ip}:${e.port}` : e.ip;
}

/** The chain stack at the moment `rule` acted, e.g. KUBE-SERVICES → KUBE-SVC-… → KUBE-SEP-…. */
function chainPath(visits: Visit[], rule: Rule): string {
  const stack: string[] = [];
  for (const v of visits) {
    if (v.kind === 'enter') stack.splice(0, stack.length, v.chain);
    else if (v.kind === 'return' && stack.length > 1 && stack[stack.length - 1] === v.chain) stack.pop();
    else if (v.kind === 'rule') {
      if (v.rule === rule) break;
      if (!v.matched) continue;
      if (v.effect?.kind === 'jump') stack.push(v.effect.chain);
      else if (v.effect?.kind === 'goto') stack[stack.length - 1] = v.effect.chain;
      else if (v.effect?.kind === 'return' && stack.length > 1) stack.pop();
    }
  }
  return stack.join(' → ');
}
