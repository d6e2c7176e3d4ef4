// Assembles each node's dataplane: kube-proxy's restore batch, the rules kube-proxy
// and flannel add to the built-in chains, what the kernel prints back, and the routes.

import type { ClusterState } from './cluster/types';
import type { Dataplane, NodeDataplane, NodeIpvs } from './dataplane';
import { ipsetList, ipvsadmLn, ipvsIpSets, ipvsIptablesRestore, ipvsJumpRules, ipvsVirtualServers, kubeIpvs0Addresses } from './kubeproxy/ipvs';
import { iptablesRestore, kubeProxyJumpRules } from './kubeproxy/iptablesRestore';
import { BUILTIN_CHAINS, isBuiltin } from './netfilter/hooks';
import { parseRuleset } from './netfilter/parse';
import { saveListing } from './netfilter/save';
import type { Chain, Ruleset, RuleSpec, TableName } from './netfilter/types';
import { flannelRules } from './network/flannelRules';
import { nodeNeighbours, nodeRoutes } from './network/routes';

const STANDARD_TARGETS = new Set(['ACCEPT', 'DROP', 'RETURN', 'REJECT', 'DNAT', 'SNAT', 'MASQUERADE', 'MARK', 'LOG', 'CONNMARK']);

/**
 * Nodes are built when first read: a walk touches two or three nodes, and a large
 * cluster's every node would cost an edit far more than one frame.
 */
export function buildDataplane(state: ClusterState): Dataplane {
  const nodes: Record<string, NodeDataplane> = {};
  for (const node of state.nodes) {
    const name = node.metadata.name;
    Object.defineProperty(nodes, name, {
      enumerable: true,
      configurable: true,
      get() {
        const built = buildNode(state, name);
        Object.defineProperty(nodes, name, { value: built, enumerable: true });
        return built;
      },
    });
  }
  return { nodes };
}

/** A node's IPv4 netfilter: kube-proxy's restore batch, and the ruleset as the kernel then holds it. */
function nodeIptables(state: ClusterState, node: string): { restore: string; save: string; ruleset: Ruleset } {
  const ipvsMode = state.config.proxy.mode === 'ipvs';
  const restore = ipvsMode ? ipvsIptablesRestore(state, node) : iptablesRestore(state, node);
  const jumps = ipvsMode ? ipvsJumpRules() : kubeProxyJumpRules(state, node);
  const { ruleset } = parseRuleset(restore);
  for (const table of ['filter', 'nat'] as const) for (const chain of BUILTIN_CHAINS[table]) chainOf(ruleset, table, chain);
  // kube-proxy -I's its jumps one by one (so each lands on top); flannel -A's its own.
  for (const spec of [...jumps, ...flannelRules(state, node)]) addRule(ruleset, spec);
  // The trace evaluates these rules; each carries its text and line as iptables-save prints it.
  const listing = saveListing(ruleset);
  const lines = listing.text.split('\n');
  for (const [rule, line] of listing.lineOf) {
    rule.line = line;
    rule.text = lines[line - 1] ?? rule.text;
  }
  return { restore, save: listing.text, ruleset };
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
  return built;
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
  let chain = t.chains.find((c) => c.name === name);
  if (!chain) {
    const builtin = isBuiltin(table, name);
    chain = { name, builtin, policy: builtin ? 'ACCEPT' : '-', rules: [] };
    t.chains.push(chain);
  }
  return chain;
}

function addRule(ruleset: Ruleset, spec: RuleSpec): void {
  const chain = chainOf(ruleset, spec.table, spec.chain);
  const jump = spec.args.indexOf('-j');
  const target = jump >= 0 ? spec.args[jump + 1] : undefined;
  if (target && !STANDARD_TARGETS.has(target)) chainOf(ruleset, spec.table, target);
  const rule = { table: spec.table, chain: spec.chain, index: 0, text: '', line: 0, args: spec.args };
  if (spec.position === 'insert') chain.rules.unshift(rule);
  else chain.rules.push(rule);
  chain.rules.forEach((r, i) => (r.index = i));
}
