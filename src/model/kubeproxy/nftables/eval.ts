// A packet through kube-proxy's nftables table at one hook, as the kernel evaluates it: the
// table's base chains at that hook in priority order, rule by rule, verdict maps and sets
// looked up, jump/goto/return through regular chains. It reads the very table `packetwalk nft`
// prints (table.ts), rule by rule from its text, and understands the statements kube-proxy
// writes (setup.ts, serviceRules.ts); any other rule is reported as not understood and skipped.

import { MODEL_LIMITS } from '../../limits';
import { addrMatches, parseAddrMatch } from '../../netfilter/addrMatch';
import type { CtInfo, Endpoint, HookResult, IpFamily, Packet, TargetEffect } from '../../netfilter/types';
import type { BaseChainHook, NftRule, NftSet, NftTable } from './table';

export type NftHook = BaseChainHook['hook'];

/** Dynamic sets (kube-proxy's affinity sets): set name → address → when the element expires (seconds). */
export type NftDynamicSets = Record<string, Record<string, number>>;

export interface NftEvalContext {
  /** `fib daddr|saddr type local`: is the address one of this node's own? */
  isLocal(ip: string): boolean;
  /** `numgen random mod N`: the number drawn (0…mod-1); each value's verdict is given. */
  numgen(mod: number, verdicts: string[]): number;
  /** `masquerade`: the address of the interface the packet leaves by. */
  outAddress(iface: string): string;
  /** Conntrack's view of the packet (`ct state`); nat chains see only a connection's first packet. */
  ct: CtInfo;
  dynamicSets: NftDynamicSets;
  /** Seconds, for dynamic set timeouts. */
  now: number;
}

/** What a lookup told the evaluator, shown to the learner as one fact of the rule. */
export type NftFact =
  /** A verdict-map lookup: the key built from the packet, and the element's verdict (none: no element). */
  | { kind: 'vmap'; map: string; key: string[]; verdict?: string }
  /** `numgen random mod N vmap {…}`: the number drawn and its verdict. */
  | { kind: 'numgen'; mod: number; drawn: number; verdict: string }
  /** Membership of a named set (a dynamic set's expired element is no member). */
  | { kind: 'set'; set: string; key: string; member: boolean }
  /** `update @set { ip saddr }`: the element added or refreshed, and when it expires. */
  | { kind: 'update'; set: string; key: string; expires: number };

/** The way through the chains: a base chain entered, a rule tested, the end of a regular chain reached. */
export type NftVisit = { kind: 'enter'; chain: string } | NftRuleVisit | { kind: 'return'; chain: string };

export interface NftRuleVisit {
  kind: 'rule';
  chain: string;
  /** 0-based position within its chain. */
  index: number;
  rule: NftRule;
  matched: boolean;
  effect?: TargetEffect;
  facts: NftFact[];
  /** The expression the evaluator does not understand (the rule is then taken as not matching). */
  unsupported?: string;
}

export interface NftNat {
  kind: 'DNAT' | 'SNAT';
  /** The rule that made the binding. */
  chain: string;
  index: number;
  masquerade: boolean;
  from: Endpoint;
  to: Endpoint;
}

export interface NftHookResult {
  verdict: HookResult['verdict'];
  rejectWith?: string;
  packet: Packet;
  /** Base chains entered, in the order they ran. */
  chains: string[];
  visits: NftVisit[];
  nat: NftNat[];
  dynamicSets: NftDynamicSets;
  /** The rule that dropped or rejected the packet. */
  decidedBy?: { chain: string; index: number; rule: NftRule };
  /** Chains nest deeper than MODEL_LIMITS.chainDepth or go round: evaluation gave up (dropped). */
  loop?: boolean;
}

type Verdict = { kind: 'accept' | 'drop' | 'reject' | 'return' } | { kind: 'jump' | 'goto'; chain: string };

/** The table's base chains at `hook`, lowest priority first (the kernel's order; ties keep the table's order). */
export function baseChainsAt(table: NftTable, hook: NftHook): { name: string; base: BaseChainHook }[] {
  return [...table.chains.values()]
    .filter((c) => c.base?.hook === hook)
    .map((c) => ({ name: c.name, base: c.base! }))
    .sort((a, b) => a.base.priority - b.base.priority);
}

/**
 * A nat base chain runs for a connection's first packet only, and not once a nat chain at the
 * same hook (of any table, iptables-nft's included) made a binding: nf_nat_inet_fn stops there.
 */
export function natChainSkipped(ct: CtInfo, boundAtHook: boolean): boolean {
  return ct.state !== 'NEW' || !!ct.entry || boundAtHook;
}

/**
 * The table alone at `hook`: every base chain in priority order. An accept ends one base chain
 * only; the next still runs, as each is its own hook entry.
 */
export function evalNftHook(table: NftTable, hook: NftHook, packet: Packet, ctx: NftEvalContext): NftHookResult {
  const run = newRun(table, packet, ctx);
  const chains: string[] = [];
  for (const { name, base } of baseChainsAt(table, hook)) {
    if (base.type === 'nat' && natChainSkipped(ctx.ct, run.nat.length > 0)) continue;
    chains.push(name);
    const outcome = runBaseChain(run, name);
    if (outcome.verdict !== 'ACCEPT') return { ...result(run, chains), ...outcome };
  }
  return { ...result(run, chains), verdict: 'ACCEPT' };
}

/** One base chain, for a caller that interleaves the table with another's chains at the same hook. */
export function evalNftBaseChain(table: NftTable, chain: string, packet: Packet, ctx: NftEvalContext): NftHookResult {
  const run = newRun(table, packet, ctx);
  const outcome = runBaseChain(run, chain);
  return { ...result(run, [chain]), ...outcome };
}

interface Run {
  table: NftTable;
  family: IpFamily;
  packet: Packet;
  ctx: NftEvalContext;
  visits: NftVisit[];
  nat: NftNat[];
  dynamicSets: NftDynamicSets;
}

function newRun(table: NftTable, packet: Packet, ctx: NftEvalContext): Run {
  const dynamicSets: NftDynamicSets = {};
  for (const [name, elements] of Object.entries(ctx.dynamicSets)) dynamicSets[name] = { ...elements };
  return { table, family: table.family === 'ip6' ? 6 : 4, packet: { ...packet }, ctx, visits: [], nat: [], dynamicSets };
}

function result(run: Run, chains: string[]): Omit<NftHookResult, 'verdict'> {
  return { packet: run.packet, chains, visits: run.visits, nat: run.nat, dynamicSets: run.dynamicSets };
}

type ChainOutcome = Pick<NftHookResult, 'verdict' | 'rejectWith' | 'decidedBy' | 'loop'>;

function runBaseChain(run: Run, base: string): ChainOutcome {
  const stack: { chain: string; next: number }[] = [];
  let chain = base;
  let i = 0;
  run.visits.push({ kind: 'enter', chain: base });
  for (let steps = 0; steps < MODEL_LIMITS.rulesPerHook; steps++) {
    const rules = run.table.chains.get(chain)?.rules ?? [];
    if (i >= rules.length) {
      // The end of a regular chain returns to its caller; of a base chain, the policy (accept).
      const frame = stack.pop();
      if (!frame) return { verdict: 'ACCEPT' };
      run.visits.push({ kind: 'return', chain });
      ({ chain, next: i } = frame);
      continue;
    }
    const rule = rules[i];
    const visit: NftRuleVisit = { kind: 'rule', chain, index: i, rule, matched: false, facts: [] };
    i++;
    run.visits.push(visit);
    const verdict = runRule(run, rule.rule, visit);
    if (!verdict) continue;
    const decided = { chain: visit.chain, index: visit.index, rule };
    switch (verdict.kind) {
      case 'accept':
        visit.effect = { kind: 'accept' };
        return { verdict: 'ACCEPT' };
      case 'drop':
        visit.effect = { kind: 'drop' };
        return { verdict: 'DROP', decidedBy: decided };
      case 'reject': {
        const rejectWith = run.family === 6 ? 'icmp6-port-unreachable' : 'icmp-port-unreachable';
        visit.effect = { kind: 'reject', with: rejectWith };
        return { verdict: 'REJECT', rejectWith, decidedBy: decided };
      }
      case 'return': {
        visit.effect = { kind: 'return' };
        const frame = stack.pop();
        if (!frame) return { verdict: 'ACCEPT' };
        ({ chain, next: i } = frame);
        continue;
      }
      default: {
        if (!run.table.chains.has(verdict.chain) || run.table.chains.get(verdict.chain)!.base) {
          visit.unsupported = `${verdict.kind} ${verdict.chain}`;
          continue;
        }
        if (stack.length >= MODEL_LIMITS.chainDepth) return { verdict: 'DROP', loop: true };
        visit.effect = { kind: verdict.kind, chain: verdict.chain };
        if (verdict.kind === 'jump') stack.push({ chain, next: i });
        chain = verdict.chain;
        i = 0;
      }
    }
  }
  return { verdict: 'DROP', loop: true };
}

/**
 * One rule, expression by expression: a failed match ends it, a statement acts at once (as in
 * the kernel, where a later failing match does not undo an earlier statement). Returns the
 * verdict it reached, if any; `visit.matched` says whether every match held.
 */
function runRule(run: Run, text: string, visit: NftRuleVisit): Verdict | undefined {
  const t = text.split(' ');
  let i = 0;
  const fail = (what: string): undefined => {
    visit.unsupported = what;
    return undefined;
  };
  while (i < t.length) {
    const word = t[i];
    let step: Step;
    if (word === 'ip' || word === 'ip6') step = addressExpr(run, t, i, visit);
    else if (word === 'ct' && t[i + 1] === 'state')
      step = { next: i + 3, ok: t[i + 2].split(',').includes(run.ctx.ct.state.toLowerCase()) };
    else if (word === 'meta' && t[i + 1] === 'l4proto' && t[i + 2] === '.') step = vmapLookup(run, t, i, visit);
    else if (word === 'meta' && t[i + 1] === 'l4proto') step = { next: i + 3, ok: run.packet.proto === t[i + 2] };
    else if (word === 'fib' && t[i + 2] === 'type' && t[i + 3] === 'local')
      step = { next: i + 4, ok: run.ctx.isLocal(t[i + 1] === 'saddr' ? run.packet.src : run.packet.dst) };
    else if (word === 'iifname') step = ifaceExpr(run.packet.inIface, t, i);
    else if (word === 'mark' && t[i + 1] === 'and' && t[i + 3] === '==')
      step = { next: i + 5, ok: (run.packet.mark & Number(t[i + 2])) === Number(t[i + 4]) };
    else if (word === 'mark' && t[i + 1] === 'set' && t[i + 2] === 'mark') step = markStatement(run, t, i, visit);
    else if (word === 'numgen' && t[i + 1] === 'random' && t[i + 2] === 'mod') step = numgenExpr(run, t, i, visit);
    else if (word === 'update') step = updateStatement(run, t, i, visit);
    else if (word === 'dnat' && t[i + 1] === 'to') step = dnatStatement(run, t[i + 2], i + 3, visit);
    else if (word === 'masquerade') step = masquerade(run, t[i + 1] === 'fully-random' ? i + 2 : i + 1, visit);
    else step = verdictOf(t, i);
    if (step === undefined) return fail(t.slice(i).join(' '));
    if (!step.ok) return undefined;
    if (step.verdict) {
      visit.matched = true;
      return step.verdict;
    }
    i = step.next;
  }
  visit.matched = true;
  return undefined;
}

/** One expression: where the next begins, whether the rule goes on, and a verdict that ends it. */
type Step = { next: number; ok: boolean; verdict?: Verdict } | undefined;

function verdictOf(t: string[], i: number): Step {
  const word = t[i];
  if (word === 'jump' || word === 'goto') return t[i + 1] ? { next: i + 2, ok: true, verdict: { kind: word, chain: t[i + 1] } } : undefined;
  if (word === 'accept' || word === 'drop' || word === 'reject' || word === 'return')
    return { next: i + 1, ok: true, verdict: { kind: word } };
  return undefined;
}

/** `ip saddr|daddr [!=] VALUE` with an address, a prefix, `@set` or `{ a , b }`; or the start of a vmap key. */
function addressExpr(run: Run, t: string[], i: number, visit: NftRuleVisit): Step {
  const side = t[i + 1];
  if (side !== 'saddr' && side !== 'daddr') return undefined;
  if (t[i + 2] === '.') return vmapLookup(run, t, i, visit);
  const ip = side === 'saddr' ? run.packet.src : run.packet.dst;
  const negated = t[i + 2] === '!=';
  let j = negated ? i + 3 : i + 2;
  let inside: boolean;
  if (t[j]?.startsWith('@')) {
    inside = member(run, t[j].slice(1), ip, visit);
    j++;
  } else if (t[j] === '{') {
    const end = t.indexOf('}', j);
    if (end < 0) return undefined;
    const items = t.slice(j + 1, end).filter((w) => w !== ',');
    inside = items.some((item) => prefixHolds(run, item, ip));
    j = end + 1;
  } else {
    if (t[j] === undefined) return undefined;
    inside = prefixHolds(run, t[j], ip);
    j++;
  }
  return { next: j, ok: inside !== negated };
}

function prefixHolds(run: Run, text: string, ip: string): boolean {
  const m = parseAddrMatch(text, false, run.family);
  return m !== undefined && addrMatches(m, ip);
}

/** A named set: static elements, or a dynamic set's elements not yet expired. */
function member(run: Run, name: string, key: string, visit: NftRuleVisit): boolean {
  const set = run.table.sets.get(name);
  const dynamic = set?.flags?.includes('dynamic');
  const expires = run.dynamicSets[name]?.[key];
  const isMember = dynamic ? expires !== undefined && expires > run.ctx.now : !!set && elementOf(set, [key]) !== undefined;
  visit.facts.push({ kind: 'set', set: name, key, member: isMember });
  return isMember;
}

/** Each set's elements by key, built on the first lookup (a node holds thousands of Service elements); a synced table is not changed after. */
const elementIndex = new WeakMap<NftSet, Map<string, string[] | undefined>>();

function elementOf(set: NftSet, key: string[]): string[] | undefined {
  let index = elementIndex.get(set);
  if (!index) {
    index = new Map(set.elements.map((e) => [e.key.join(' . '), e.value ?? []]));
    elementIndex.set(set, index);
  }
  return index.get(key.join(' . '));
}

/** `[ip daddr .] meta l4proto . th dport vmap @map`: the key from the packet, its element's verdict. */
function vmapLookup(run: Run, t: string[], i: number, visit: NftRuleVisit): Step {
  const withAddress = t[i] !== 'meta';
  const shape = withAddress
    ? [t[i], 'daddr', '.', 'meta', 'l4proto', '.', 'th', 'dport', 'vmap']
    : ['meta', 'l4proto', '.', 'th', 'dport', 'vmap'];
  if (shape.some((w, k) => t[i + k] !== w) || !t[i + shape.length]?.startsWith('@')) return undefined;
  const name = t[i + shape.length].slice(1);
  const map = run.table.maps.get(name);
  if (!map) return undefined;
  const p = run.packet;
  const key = [...(withAddress ? [p.dst] : []), p.proto, String(p.dport)];
  const value = elementOf(map, key);
  const verdictText = value?.join(' . ');
  visit.facts.push({ kind: 'vmap', map: name, key, ...(verdictText ? { verdict: verdictText } : {}) });
  if (!verdictText) return { next: i + shape.length + 1, ok: false };
  const verdict = verdictOf(verdictText.split(' '), 0);
  return verdict && { ...verdict, next: i + shape.length + 1 };
}

/** Which of a `numgen` map's verdicts leads (through one chain) to `dnat to ENDPOINT`: --endpoint's pick. */
export function numgenIndexFor(table: NftTable, verdicts: string[], endpoint: string): number | undefined {
  const i = verdicts.findIndex((v) => {
    const chain = /^(?:goto|jump) (\S+)$/.exec(v)?.[1];
    return !!chain && !!table.chains.get(chain)?.rules.some((r) => r.rule.endsWith(` dnat to ${endpoint}`));
  });
  return i < 0 ? undefined : i;
}

/** `numgen random mod N vmap { 0 : goto a , 1 : goto b }`: the context draws; the element's verdict follows. */
function numgenExpr(run: Run, t: string[], i: number, visit: NftRuleVisit): Step {
  const mod = Number(t[i + 3]);
  const end = t.indexOf('}', i);
  if (!(mod > 0) || t[i + 4] !== 'vmap' || t[i + 5] !== '{' || end < 0) return undefined;
  const verdicts: string[] = [];
  for (const element of t
    .slice(i + 6, end)
    .join(' ')
    .split(' , ')) {
    const [index, verdict] = element.split(' : ');
    if (verdict === undefined) return undefined;
    verdicts[Number(index)] = verdict;
  }
  const drawn = run.ctx.numgen(mod, verdicts);
  const verdictText = verdicts[drawn];
  if (verdictText === undefined) return { next: end + 1, ok: false };
  visit.facts.push({ kind: 'numgen', mod, drawn, verdict: verdictText });
  const verdict = verdictOf(verdictText.split(' '), 0);
  return verdict && { ...verdict, next: end + 1 };
}

/** `iifname [!=] NAME`, a trailing `*` matching any suffix. */
function ifaceExpr(iface: string | undefined, t: string[], i: number): Step {
  const negated = t[i + 1] === '!=';
  const pattern = t[negated ? i + 2 : i + 1];
  if (pattern === undefined) return undefined;
  const name = iface ?? '';
  const hit = pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
  return { next: negated ? i + 3 : i + 2, ok: hit !== negated };
}

/** `mark set mark or|xor VALUE`. */
function markStatement(run: Run, t: string[], i: number, visit: NftRuleVisit): Step {
  const op = t[i + 3];
  const value = Number(t[i + 4]);
  if ((op !== 'or' && op !== 'xor') || !Number.isInteger(value)) return undefined;
  const from = run.packet.mark;
  const to = (op === 'or' ? from | value : from ^ value) >>> 0;
  run.packet = { ...run.packet, mark: to };
  visit.effect = { kind: 'mark', from, to };
  return { next: i + 5, ok: true };
}

/** `update @set { ip saddr }`: adds the source, or refreshes its timeout. */
function updateStatement(run: Run, t: string[], i: number, visit: NftRuleVisit): Step {
  const name = t[i + 1]?.slice(1);
  const set = run.table.sets.get(name ?? '');
  if (!set || t[i + 2] !== '{' || t[i + 4] !== 'saddr' || t[i + 5] !== '}') return undefined;
  const key = run.packet.src;
  const expires = run.ctx.now + (set.timeoutSeconds ?? 0);
  (run.dynamicSets[set.name] ??= {})[key] = expires;
  visit.facts.push({ kind: 'update', set: set.name, key, expires });
  return { next: i + 6, ok: true };
}

/** `dnat to IP:PORT` (`[IPv6]:PORT`). */
function dnatStatement(run: Run, target: string | undefined, next: number, visit: NftRuleVisit): Step {
  const m = target && /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(target);
  if (!m) return undefined;
  const from = { ip: run.packet.dst, port: run.packet.dport };
  const to = { ip: m[1] ?? m[2], port: Number(m[3]) };
  run.packet = { ...run.packet, dst: to.ip, dport: to.port };
  run.nat.push({ kind: 'DNAT', chain: visit.chain, index: visit.index, masquerade: false, from, to });
  visit.effect = { kind: 'dnat', from, to };
  // NAT statements are terminal in nftables (nft_nat_eval's verdict is NF_ACCEPT): the base chain accepts.
  return { next, ok: true, verdict: { kind: 'accept' } };
}

/** `masquerade [fully-random]`: the source becomes the outgoing interface's address (port kept, as nat.ts does). */
function masquerade(run: Run, next: number, visit: NftRuleVisit): Step {
  const from = { ip: run.packet.src, port: run.packet.sport };
  const to = { ip: run.ctx.outAddress(run.packet.outIface ?? ''), port: from.port };
  run.packet = { ...run.packet, src: to.ip, sport: to.port };
  run.nat.push({ kind: 'SNAT', chain: visit.chain, index: visit.index, masquerade: true, from, to });
  visit.effect = { kind: 'snat', from, to, masquerade: true };
  return { next, ok: true, verdict: { kind: 'accept' } };
}
