// One netfilter hook on one node, evaluated with the node's own rules and conntrack,
// recorded as a Step. Conntrack is consulted when a packet enters a node (PREROUTING
// or OUTPUT) and confirmed when it leaves the last hook, as the kernel does.

import { findChain } from '../netfilter/chainIndex';
import { confirmConntrack, ctInfoFor, emptyConntrack, lookupConntrack, updateConntrack } from '../netfilter/conntrack';
import { traverse } from '../netfilter/traverse';
import type { ConntrackEntry, EvalContext, Hook, Packet, Rule, Ruleset } from '../netfilter/types';
import { chainLadder } from './chainLadder';
import { describeHook } from './describeHook';
import { traverseWithNft } from './nftHook';
import { dnatTo, localAddresses } from './lookup';
import { addStep, headersOf, type Walk } from './walkState';

export interface HookPass {
  verdict: 'ACCEPT' | 'DROP' | 'REJECT';
  packet: Packet;
  rejectWith?: string;
  /** The rule that dropped or rejected the packet. */
  decidedBy?: Rule;
  /** The chains went round (or deeper than MODEL_LIMITS.chainDepth) until evaluation gave up. */
  loop?: boolean;
}

const ENTRY_HOOKS: Hook[] = ['PREROUTING', 'OUTPUT'];
const EXIT_HOOKS: Hook[] = ['POSTROUTING', 'INPUT'];

export function runHook(
  walk: Walk,
  node: string,
  hook: Hook,
  packet: Packet,
  ifaces: { in?: string; out?: string },
  /** False where IPVS takes the packet after INPUT: the connection is confirmed when it leaves POSTROUTING. */
  confirm = true,
): HookPass {
  const dp = walk.model.dataplane.node(node);
  if (!dp) return { verdict: 'ACCEPT', packet };
  const table = (walk.conntrack[node] ??= emptyConntrack(node));
  let entry: ConntrackEntry | undefined;

  if (ENTRY_HOOKS.includes(hook) || !walk.passage || walk.passage.node !== node) {
    const hit = lookupConntrack(table, packet);
    walk.passage = { node, first: packet, ct: ctInfoFor(hit) };
    if (hit) {
      const updated = updateConntrack(table, hit, packet);
      walk.conntrack[node] = updated.table;
      entry = updated.entry;
      if (updated.entry) walk.passage.ct = { ...walk.passage.ct, entry: updated.entry };
    }
  }
  const passage = walk.passage;
  const local = localAddresses(walk.model, node);
  const ctx: EvalContext = {
    isLocal: (ip) => local.has(ip),
    decideRandom: (rule, probability) =>
      walk.spec.endpoint !== undefined ? leadsTo(dp.ruleset, rule, walk.spec.endpoint, 4) : walk.random() < probability,
    outAddress: (iface) => interfaceAddress(walk, node, iface),
    recent: walk.recent[node] ?? {},
    ...(dp.ipvs ? { ipsets: Object.fromEntries(dp.ipvs.ipsets.map((set) => [set.name, set])) } : {}),
    now: walk.now,
    ct: passage.ct,
  };
  // nftables mode: kube-proxy's table and the node's iptables at the hook together.
  const nft = dp.nft
    ? traverseWithNft({ ...dp, nft: dp.nft }, hook, packet, ctx, {
        random: walk.random,
        ...(walk.spec.endpoint !== undefined ? { endpoint: walk.spec.endpoint } : {}),
        dynamicSets: walk.nftSets[node] ?? {},
      })
    : undefined;
  if (nft) walk.nftSets[node] = nft.dynamicSets;
  const result = nft ? nft.result : traverse(dp.ruleset, hook, packet, ctx);
  passage.ct = result.ct;
  walk.recent[node] = result.recent;

  if (confirm && result.verdict === 'ACCEPT' && EXIT_HOOKS.includes(hook) && !passage.ct.entry) {
    const confirmed = confirmConntrack(walk.conntrack[node]!, passage.first, result.packet);
    walk.conntrack[node] = confirmed.table;
    entry = confirmed.entry;
  }

  const described = describeHook(node, result, ifaces.out);
  // nftables mode on a node whose kube-proxy could not start: where its DNAT would be, the step says so.
  const noKubeProxy =
    !dp.nft &&
    walk.model.state.config.proxy.mode === 'nftables' &&
    (hook === 'PREROUTING' || hook === 'OUTPUT') &&
    described.explain.key === 'explain.hook.pass';
  if (noKubeProxy) described.explain = { ...described.explain, key: 'explain.hook.noKubeProxy' };
  const changed =
    result.packet.src !== packet.src ||
    result.packet.dst !== packet.dst ||
    result.packet.mark !== packet.mark ||
    result.packet.sport !== packet.sport ||
    result.packet.dport !== packet.dport;
  // A hook with no rules to read and nothing done is not worth a stop.
  if (described.rulesVisited.length > 0 || changed || result.verdict !== 'ACCEPT' || noKubeProxy) {
    addStep(walk, { element: 'netfilter', node, hook }, headersOf(packet, walk.link), result.packet, described.explain, {
      ...(described.rule ? { rule: described.rule } : {}),
      rulesVisited: described.rulesVisited,
      ladder: chainLadder(result.visits),
      ...(nft ? { nft: nft.facts } : {}),
      ...(entry ? { conntrack: entry } : {}),
      ...(described.nat ? { nat: described.nat.kind === 'dnat' ? dnatTo(walk.model.state, packet, described.nat.to) : described.nat } : {}),
    });
  }
  const pass: HookPass = { verdict: result.verdict, packet: result.packet };
  if (result.rejectWith) pass.rejectWith = result.rejectWith;
  if (result.decidedBy) pass.decidedBy = result.decidedBy;
  if (result.loop) pass.loop = true;
  return pass;
}

/** For --endpoint: does this rule's jump lead, within a few chains, to a DNAT to `endpoint`? */
function leadsTo(ruleset: Ruleset, rule: Rule, endpoint: string, depth: number): boolean {
  const target = argAfter(rule.args, '-j') ?? argAfter(rule.args, '-g');
  if (argAfter(rule.args, '--to-destination') === endpoint) return true;
  if (!target || depth === 0) return false;
  const chain = findChain(ruleset.tables[rule.table], target);
  return !!chain?.rules.some((r) => leadsTo(ruleset, r, endpoint, depth - 1));
}

function argAfter(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

function interfaceAddress(walk: Walk, node: string, iface: string): string {
  const host = walk.model.state.hosts[node];
  if (!host) return '0.0.0.0';
  if (iface === 'cni0') return host.cni0.ip;
  if (iface === host.vtep.name) return host.vtep.ip;
  return host.nic.ip;
}
