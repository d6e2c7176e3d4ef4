// Assembles each node's dataplane: kube-proxy's restore batch, the rules kube-proxy
// and flannel add to the built-in chains, what the kernel prints back, and the routes.

import { nodesWithoutNftables } from './cluster/nftKernel';
import type { ClusterState } from './cluster/types';
import type { Dataplane, NodeDataplane, NodeIptables, NodeIpvs, NodeNft } from './dataplane';
import {
  ipsetList,
  ipvsadmLn,
  ipvsIpSets,
  ipvsIptablesRestore,
  ipvsJumpRules,
  ipvsVirtualServers,
  kubeIpvs0Addresses,
} from './kubeproxy/ipvs';
import { iptablesRestore, kubeProxyJumpRules } from './kubeproxy/iptablesRestore';
import { nftablesTable } from './kubeproxy/nftables';
import { addChain, findChain } from './netfilter/chainIndex';
import { BUILTIN_CHAINS, isBuiltin } from './netfilter/hooks';
import { compileArgs } from './netfilter/compileRule';
import { parseRuleset } from './netfilter/parse';
import { saveListing } from './netfilter/save';
import type { Chain, IpFamily, Rule, Ruleset, RuleSpec, TableName } from './netfilter/types';
import { flannelRules } from './network/flannelRules';
import { nodeNeighbours, nodeRoutes } from './network/routes';

/** The dataplane of `state`, each node built when first asked for and kept (see Dataplane). */
export function buildDataplane(state: ClusterState): Dataplane {
  const nodeNames = state.nodes.map((n) => n.metadata.name);
  const known = new Set(nodeNames);
  const nodes = new Map<string, NodeDataplane>();
  const node = (name: string): NodeDataplane | undefined => {
    if (!known.has(name)) return undefined;
    let built = nodes.get(name);
    if (!built) nodes.set(name, (built = buildNode(state, name)));
    return built;
  };
  return {
    nodeNames,
    node,
    iptablesRestore: (name) => (known.has(name) ? (nodes.get(name)?.iptablesRestore ?? restoreBatch(state, name)) : undefined),
    iptables6: (name) => (known.has(name) ? nodeIptables6(state, name) : undefined),
    built: () => Object.fromEntries(nodes),
    adopt: (given) => {
      for (const [name, built] of Object.entries(given)) if (known.has(name)) nodes.set(name, built);
    },
  };
}

/** A node's IPv4 netfilter: kube-proxy's restore batch, and the ruleset as the kernel then holds it. */
function nodeIptables(state: ClusterState, node: string): NodeIptables {
  const mode = state.config.proxy.mode;
  // In nftables mode kube-proxy writes no iptables rules: the node's iptables are flannel's.
  const jumps = mode === 'ipvs' ? ipvsJumpRules() : mode === 'nftables' ? [] : kubeProxyJumpRules(state, node);
  return assemble(restoreBatch(state, node), [...jumps, ...flannelRules(state, node)], 4);
}

/** kube-proxy's IPv4 restore batch for the node, in the mode it runs in. */
function restoreBatch(state: ClusterState, node: string): string {
  const mode = state.config.proxy.mode;
  return mode === 'ipvs' ? ipvsIptablesRestore(state, node) : mode === 'nftables' ? '' : iptablesRestore(state, node);
}

/**
 * The IPv6 side (ip6tables) of a node in iptables mode, assembled as the IPv4 side is:
 * kube-proxy's ip6tables-restore batch, its jumps, and flannel's IPv6 rules when the node
 * has an IPv6 pod CIDR (a dual-stack cluster). Undefined in IPVS and nftables mode (not modelled for IPv6).
 */
function nodeIptables6(state: ClusterState, node: string): NodeIptables | undefined {
  if (state.config.proxy.mode !== 'iptables') return undefined;
  return assemble(iptablesRestore(state, node, 6), [...kubeProxyJumpRules(state, node, 6), ...flannelRules6(state, node)], 6);
}

/**
 * flanneld's masqIP6Rules and IPv6 forwardRules (v0.26) are its IPv4 rules with the IPv6
 * network, the node's IPv6 lease and ff00::/8 for multicast.
 */
function flannelRules6(state: ClusterState, node: string): RuleSpec[] {
  const cluster6 = state.config.dualStack?.clusterCIDR;
  const podCIDRs = state.nodes.find((n) => n.metadata.name === node)?.spec.podCIDRs ?? [];
  const pod6 = podCIDRs.find((c) => c.includes(':'));
  const host = state.hosts[node];
  if (!cluster6 || !pod6 || !host) return [];
  const swap: Record<string, string> = { [state.config.clusterCIDR]: cluster6, [host.cni0.cidr]: pod6, '224.0.0.0/4': 'ff00::/8' };
  return flannelRules(state, node).map((spec) => ({ ...spec, args: spec.args.map((a) => swap[a] ?? a) }));
}

function assemble(restore: string, added: RuleSpec[], family: IpFamily): NodeIptables {
  const { ruleset } = parseRuleset(restore, family);
  for (const table of ['filter', 'nat'] as const) for (const chain of BUILTIN_CHAINS[table]) chainOf(ruleset, table, chain);
  // kube-proxy -I's its jumps one by one (so each lands on top); flannel -A's its own.
  for (const spec of added) addRule(ruleset, spec, family);
  // The trace evaluates these rules; each carries its text and line as iptables-save prints it.
  const listing = saveListing(ruleset);
  const lines = listing.text.split('\n');
  for (const [rule, line] of listing.lineOf) {
    rule.line = line;
    rule.text = lines[line - 1] ?? rule.text;
  }
  return { restore, save: listing.text, ruleset, added };
}

function buildNode(state: ClusterState, node: string): NodeDataplane {
  const { restore, save, ruleset } = nodeIptables(state, node);
  const built: NodeDataplane = {
    node,
    iptablesRestore: restore,
    iptablesSave: save,
    ruleset,
    routes: nodeRoutes(state, node),
    neighbours: nodeNeighbours(state, node),
  };
  if (state.config.proxy.mode === 'ipvs') built.ipvs = nodeIpvs(state, node);
  // A kernel too old for nftables mode: kube-proxy exits before writing its table (nftKernel.ts).
  if (state.config.proxy.mode === 'nftables' && !nodesWithoutNftables(state).has(node)) built.nft = nodeNft(state, node);
  return built;
}

function nodeNft(state: ClusterState, node: string): NodeNft {
  const table = nftablesTable(state, node);
  const dump = table.dump();
  const lines: Record<string, number[]> = {};
  const rulePrefix = `add rule ${table.family} ${table.name} `;
  dump.split('\n').forEach((line, i) => {
    if (!line.startsWith(rulePrefix)) return;
    const chain = line.slice(rulePrefix.length, line.indexOf(' ', rulePrefix.length));
    (lines[chain] ??= []).push(i + 1);
  });
  return { table, dump, lines };
}

function nodeIpvs(state: ClusterState, node: string): NodeIpvs {
  return {
    virtualServers: ipvsVirtualServers(state, node),
    ipsets: ipvsIpSets(state, node),
    kubeIpvs0: kubeIpvs0Addresses(state, node),
    ipvsadm: ipvsadmLn(state, node),
    ipsetList: ipsetList(state, node),
  };
}

function chainOf(ruleset: Ruleset, table: TableName, name: string): Chain {
  const t = (ruleset.tables[table] ??= { name: table, chains: [] });
  const builtin = isBuiltin(table, name);
  return findChain(t, name) ?? addChain(t, { name, builtin, policy: builtin ? 'ACCEPT' : '-', rules: [] });
}

function addRule(ruleset: Ruleset, spec: RuleSpec, family: IpFamily): void {
  const chain = chainOf(ruleset, spec.table, spec.chain);
  // A jump to a user chain needs the chain (netfilter's own compiler tells a chain from a target extension).
  const target = compileArgs(spec.args, family).target;
  if (target?.kind === 'chain') chainOf(ruleset, spec.table, target.chain);
  const rule: Rule = { table: spec.table, chain: spec.chain, index: 0, text: '', line: 0, args: spec.args };
  if (family === 6) rule.family = family;
  if (spec.position === 'insert') chain.rules.unshift(rule);
  else chain.rules.push(rule);
  chain.rules.forEach((r, i) => (r.index = i));
}
