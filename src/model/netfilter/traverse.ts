// Walks a packet through the tables registered at one hook, in priority order, the way
// the kernel does: rule by rule, jumping (-j), going to (-g) and returning through user
// chains, falling back to a built-in chain's policy. The nat table is consulted only for
// the first packet of a connection; a known connection gets its NAT from conntrack.

import { addrMatches, ifaceMatches } from './addrMatch';
import { findChain } from './chainIndex';
import { compileRule, type CompiledRule } from './compileRule';
import { conntrackNat } from './conntrack';
import { natManip, TABLES_AT_HOOK } from './hooks';
import { MODEL_LIMITS } from '../limits';
import type { EvalEnv } from './modules/module';
import type {
  Chain,
  CtInfo,
  EvalContext,
  Hook,
  HookResult,
  NatBinding,
  Packet,
  RecentState,
  Rule,
  Ruleset,
  Table,
  TargetEffect,
  Visit,
} from './types';

/** Generous bounds: kube-proxy nests 4-5 chains deep and a node has thousands of rules, not millions. */
const MAX_DEPTH = MODEL_LIMITS.chainDepth;
const MAX_STEPS = MODEL_LIMITS.rulesPerHook;

export const NEW_CONNECTION: CtInfo = { state: 'NEW', dnat: false, snat: false };

export function traverse(ruleset: Ruleset, hook: Hook, packet: Packet, ctx: EvalContext): HookResult {
  const walk: Walk = {
    packet,
    ct: { ...(ctx.ct ?? NEW_CONNECTION) },
    recent: copyRecent(ctx.recent ?? {}),
    visits: [],
    nat: [],
    ctx,
  };
  const done = (verdict: HookResult['verdict'], extra: Partial<HookResult> = {}): HookResult => ({
    hook,
    verdict,
    packet: walk.packet,
    visits: walk.visits,
    nat: walk.nat,
    ct: walk.ct,
    recent: walk.recent,
    ...extra,
  });

  for (const tableName of TABLES_AT_HOOK[hook]) {
    if (tableName === 'nat') {
      const manip = natManip(hook)!;
      const entry = walk.ct.entry;
      if (entry) {
        const after = conntrackNat(entry, walk.ct.direction ?? 'original', walk.packet, manip);
        const side = manip === 'dst' ? (p: Packet) => ({ ip: p.dst, port: p.dport }) : (p: Packet) => ({ ip: p.src, port: p.sport });
        const from = side(walk.packet);
        const to = side(after);
        if (from.ip !== to.ip || from.port !== to.port) walk.visits.push({ kind: 'conntrack', table: 'nat', manip, from, to });
        walk.packet = after;
        continue;
      }
      if (walk.ct.state !== 'NEW') continue;
    }
    const table = ruleset.tables[tableName];
    const chain = findChain(table, hook);
    if (!table || !chain) continue;
    const outcome = runTable(table, chain, walk);
    if (outcome.verdict !== 'ACCEPT') return done(outcome.verdict, outcome.extra);
  }
  return done('ACCEPT');
}

interface Walk {
  packet: Packet;
  ct: CtInfo;
  recent: RecentState;
  visits: Visit[];
  nat: NatBinding[];
  ctx: EvalContext;
}

interface TableOutcome {
  verdict: HookResult['verdict'];
  extra?: Partial<HookResult>;
}

function runTable(table: Table, builtin: Chain, walk: Walk): TableOutcome {
  const t = table.name;
  const stack: { chain: Chain; next: number }[] = [];
  let chain = builtin;
  let i = 0;
  walk.visits.push({ kind: 'enter', table: t, chain: builtin.name });
  const policy = (): TableOutcome => {
    walk.visits.push({ kind: 'policy', table: t, chain: builtin.name, policy: builtin.policy });
    return { verdict: builtin.policy === 'DROP' ? 'DROP' : 'ACCEPT' };
  };
  const back = (): boolean => {
    const frame = stack.pop();
    if (!frame) return false;
    chain = frame.chain;
    i = frame.next;
    return true;
  };

  for (let steps = 0; steps < MAX_STEPS; steps++) {
    if (i >= chain.rules.length) {
      if (stack.length === 0) return policy();
      walk.visits.push({ kind: 'return', table: t, chain: chain.name });
      back();
      continue;
    }
    const rule = chain.rules[i++];
    const compiled = compileRule(rule);
    const unsupported: string[] = [];
    const matched = ruleMatches(compiled, rule, walk, unsupported);
    const visit: Extract<Visit, { kind: 'rule' }> = { kind: 'rule', table: t, chain: chain.name, rule, matched };
    if (unsupported.length) visit.unsupported = unsupported;
    walk.visits.push(visit);
    if (!matched || !compiled.target) continue;

    const target = compiled.target;
    if (target.kind === 'verdict') {
      if (target.verdict === 'RETURN') {
        visit.effect = { kind: 'return' };
        if (!back()) return policy();
        continue;
      }
      visit.effect = { kind: target.verdict === 'ACCEPT' ? 'accept' : 'drop' };
      return target.verdict === 'ACCEPT' ? { verdict: 'ACCEPT' } : { verdict: 'DROP', extra: { decidedBy: rule } };
    }
    if (target.kind === 'chain') {
      const next = findChain(table, target.chain);
      if (!next || next.builtin) {
        visit.unsupported = [...unsupported, target.chain];
        continue;
      }
      if (stack.length >= MAX_DEPTH) return { verdict: 'DROP', extra: { loop: true } };
      visit.effect = { kind: target.goto ? 'goto' : 'jump', chain: next.name };
      if (!target.goto) stack.push({ chain, next: i });
      chain = next;
      i = 0;
      continue;
    }
    const outcome = target.module.apply(target.state, env(walk, rule));
    visit.effect = outcome.effect;
    if (outcome.packet) walk.packet = outcome.packet;
    recordNat(walk, outcome.effect, rule);
    if (outcome.verdict === 'REJECT' && outcome.effect.kind === 'reject')
      return { verdict: 'REJECT', extra: { rejectWith: outcome.effect.with, decidedBy: rule } };
    if (outcome.verdict === 'DROP') return { verdict: 'DROP', extra: { decidedBy: rule } };
    if (outcome.verdict === 'ACCEPT') return { verdict: 'ACCEPT' };
  }
  return { verdict: 'DROP', extra: { loop: true } };
}

function recordNat(walk: Walk, effect: TargetEffect, rule: Rule): void {
  if (effect.kind !== 'dnat' && effect.kind !== 'snat') return;
  const changed = effect.from.ip !== effect.to.ip || effect.from.port !== effect.to.port;
  const masquerade = effect.kind === 'snat' && effect.masquerade;
  walk.nat.push({ kind: effect.kind === 'dnat' ? 'DNAT' : 'SNAT', masquerade, from: effect.from, to: effect.to, rule });
  // conntrack's DNAT/SNAT status bits are set only when the tuple really changed.
  if (changed) walk.ct = { ...walk.ct, [effect.kind]: true };
}

function env(walk: Walk, rule: Rule): EvalEnv {
  return { packet: walk.packet, rule, ctx: walk.ctx, ct: walk.ct, recent: walk.recent, now: walk.ctx.now ?? 0 };
}

function ruleMatches(c: CompiledRule, rule: Rule, walk: Walk, unsupported: string[]): boolean {
  const p = walk.packet;
  const h = c.header;
  if (h.src && !addrMatches(h.src, p.src)) return false;
  if (h.dst && !addrMatches(h.dst, p.dst)) return false;
  if (h.inIface && ifaceMatches(h.inIface.name, p.inIface) === h.inIface.invert) return false;
  if (h.outIface && ifaceMatches(h.outIface.name, p.outIface) === h.outIface.invert) return false;
  if (h.proto && h.proto.name !== 'all' && (p.proto === h.proto.name) === h.proto.invert) return false;
  for (const m of c.matches) {
    const hit = m.module.match(m.state, env(walk, rule));
    if (hit === undefined) unsupported.push(m.module.name);
    if (!hit) return false;
  }
  return true;
}

function copyRecent(recent: RecentState): RecentState {
  const copy: RecentState = {};
  for (const [name, list] of Object.entries(recent)) {
    copy[name] = {};
    for (const [addr, stamps] of Object.entries(list)) copy[name][addr] = [...stamps];
  }
  return copy;
}
