// One hook on a node whose kube-proxy runs in nftables mode: kube-proxy's `kube-proxy` table
// and the node's iptables (flannel's rules, iptables-nft) both hang base chains on the hook, and
// the kernel runs them all in priority order. The result reads like an iptables traversal
// (HookResult), so describeHook and the chain ladder show it; each kube-proxy rule carries the
// line `packetwalk nft` prints it on.

import type { NodeDataplane, NodeNft } from '../dataplane';
import {
  baseChainsAt,
  evalNftBaseChain,
  natChainSkipped,
  numgenIndexFor,
  type NftDynamicSets,
  type NftHookResult,
} from '../kubeproxy/nftables/eval';
import { TABLES_AT_HOOK } from '../netfilter/hooks';
import { traverse } from '../netfilter/traverse';
import type { CtInfo, EvalContext, Hook, HookResult, Packet, Rule, TableName, Visit } from '../netfilter/types';
import type { NftStepFact } from './types';

const NFT_HOOK = { PREROUTING: 'prerouting', INPUT: 'input', FORWARD: 'forward', OUTPUT: 'output', POSTROUTING: 'postrouting' } as const;

/** iptables' tables register at NF_IP_PRI_*; nat's priority depends on the hook (dst -100, src 100). */
function iptablesPriority(table: TableName, hook: Hook): number {
  if (table === 'raw') return -300;
  if (table === 'mangle') return -150;
  if (table === 'filter') return 0;
  return hook === 'PREROUTING' || hook === 'OUTPUT' ? -100 : 100;
}

export interface NftPass {
  result: HookResult;
  facts: NftStepFact[];
  dynamicSets: NftDynamicSets;
}

export interface NftWalkContext {
  /** The walk's seeded dice. */
  random: () => number;
  /** --endpoint: the endpoint (ip:port) every random choice is steered to. */
  endpoint?: string;
  dynamicSets: NftDynamicSets;
}

/**
 * Both tables at `hook`, lowest priority first. At equal priority the kernel runs the hook
 * registered last first (nf_hook_entries_grow inserts a new entry before those of the same
 * priority). flanneld registers its iptables chains after kube-proxy built its table: it reaches
 * the API server through the `kubernetes` Service, which kube-proxy must program first. So at
 * nat -100 / 100 and filter 0 the iptables table runs before kube-proxy's chain.
 */
export function traverseWithNft(
  dp: NodeDataplane & { nft: NodeNft },
  hook: Hook,
  packet: Packet,
  ctx: EvalContext,
  nctx: NftWalkContext,
): NftPass {
  const { table } = dp.nft;
  type Entry = { priority: number; iptables?: TableName; nft?: { chain: string; nat: boolean } };
  const entries: Entry[] = [
    ...TABLES_AT_HOOK[hook].filter((t) => dp.ruleset.tables[t]).map((t) => ({ priority: iptablesPriority(t, hook), iptables: t })),
    ...baseChainsAt(table, NFT_HOOK[hook]).map(({ name, base }) => ({
      priority: base.priority,
      nft: { chain: name, nat: base.type === 'nat' },
    })),
  ];
  entries.sort((a, b) => a.priority - b.priority || (a.iptables ? -1 : 0) - (b.iptables ? -1 : 0));

  let current = packet;
  let ct: CtInfo = ctx.ct ?? { state: 'NEW', dnat: false, snat: false };
  let recent = ctx.recent ?? {};
  let dynamicSets = nctx.dynamicSets;
  const visits: Visit[] = [];
  const nat: HookResult['nat'] = [];
  const facts: NftStepFact[] = [];
  const finish = (verdict: HookResult['verdict'], extra: Partial<HookResult> = {}): NftPass => ({
    result: { hook, verdict, packet: current, visits, nat, ct, recent, ...extra },
    facts,
    dynamicSets,
  });

  for (const entry of entries) {
    if (entry.iptables) {
      if (entry.iptables === 'nat' && nat.length > 0) continue;
      const only = {
        tables: { [entry.iptables]: dp.ruleset.tables[entry.iptables] },
        ...(dp.ruleset.family ? { family: dp.ruleset.family } : {}),
      };
      const r = traverse(only, hook, current, { ...ctx, ct, recent });
      visits.push(...r.visits);
      nat.push(...r.nat);
      ({ packet: current, ct, recent } = r);
      if (r.verdict !== 'ACCEPT') return finish(r.verdict, pick(r, ['rejectWith', 'decidedBy', 'loop']));
      continue;
    }
    const { chain, nat: isNat } = entry.nft!;
    if (isNat && natChainSkipped(ct, nat.length > 0)) continue;
    const r = evalNftBaseChain(table, chain, current, {
      isLocal: ctx.isLocal,
      outAddress: ctx.outAddress,
      ct,
      dynamicSets,
      now: ctx.now ?? 0,
      numgen: (mod, verdicts) =>
        nctx.endpoint !== undefined ? (numgenIndexFor(table, verdicts, nctx.endpoint) ?? mod - 1) : draw(mod, nctx.random),
    });
    const type = isNat ? 'nat' : 'filter';
    const rules = nftRules(dp.nft, type);
    visits.push(...nftVisits(r, type, rules));
    for (const b of r.nat) {
      nat.push({ kind: b.kind, masquerade: b.masquerade, from: b.from, to: b.to, rule: rules(b.chain, b.index) });
      // conntrack's DNAT/SNAT status bits, as the iptables side sets them.
      if (b.from.ip !== b.to.ip || b.from.port !== b.to.port) ct = { ...ct, [b.kind === 'DNAT' ? 'dnat' : 'snat']: true };
    }
    for (const v of r.visits) {
      if (v.kind !== 'rule') continue;
      for (const f of v.facts) {
        if (f.kind === 'numgen') facts.push(f);
        else if (f.kind === 'vmap' && f.verdict) facts.push({ kind: 'vmap', map: f.map, key: f.key, verdict: f.verdict });
      }
    }
    current = r.packet;
    dynamicSets = r.dynamicSets;
    if (r.verdict !== 'ACCEPT') {
      const decidedBy = r.decidedBy && rules(r.decidedBy.chain, r.decidedBy.index);
      return finish(r.verdict, {
        ...(r.rejectWith ? { rejectWith: r.rejectWith } : {}),
        ...(decidedBy ? { decidedBy } : {}),
        ...(r.loop ? { loop: true } : {}),
      });
    }
  }
  return finish('ACCEPT');
}

/**
 * iptables' `-m statistic --probability 1/(n-i)` cascade, one draw per endpoint passed over:
 * the same seed picks the same endpoint in both modes (kube-proxy lists endpoints in the same order).
 */
function draw(mod: number, random: () => number): number {
  for (let i = 0; i < mod - 1; i++) if (random() < 1 / (mod - i)) return i;
  return mod - 1;
}

function pick<K extends keyof HookResult>(r: HookResult, keys: K[]): Partial<HookResult> {
  const out: Partial<HookResult> = {};
  for (const k of keys) if (r[k] !== undefined) out[k] = r[k];
  return out;
}

const dumpLines = new WeakMap<NodeNft, string[]>();

/** A kube-proxy rule as a netfilter Rule: its line and text as `packetwalk nft` prints them; `table` is the base chain's type. */
function nftRules(nft: NodeNft, type: TableName): (chain: string, index: number) => Rule {
  let all = dumpLines.get(nft);
  if (!all) dumpLines.set(nft, (all = nft.dump.split('\n')));
  return (chain, index) => {
    const line = nft.lines[chain]?.[index] ?? 0;
    return { table: type, chain, index, text: all[line - 1] ?? '', line, args: [] };
  };
}

function nftVisits(r: NftHookResult, table: TableName, rule: (chain: string, index: number) => Rule): Visit[] {
  return r.visits.map((v): Visit => {
    if (v.kind === 'enter') return { kind: 'enter', table, chain: v.chain };
    if (v.kind === 'return') return { kind: 'return', table, chain: v.chain };
    const visit: Visit = { kind: 'rule', table, chain: v.chain, rule: rule(v.chain, v.index), matched: v.matched };
    if (v.effect) visit.effect = v.effect;
    if (v.unsupported) visit.unsupported = [v.unsupported];
    return visit;
  });
}
