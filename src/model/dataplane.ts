// Per node, the dataplane the real components would have written: kube-proxy's
// iptables (as restored and as the kernel prints it back), routes and neighbours.
// A NodeDataplane is plain data: it crosses from the derive worker to the page by structured clone.

import type { Neighbour, Route } from './network/types';
import type { IpSet, Ruleset, RuleSpec } from './netfilter/types';
import type { VirtualServer } from './kubeproxy/ipvs/types';
import type { NftTable } from './kubeproxy/nftables';

export interface NodeDataplane {
  node: string;
  /** What kube-proxy feeds `iptables-restore` on a full sync. */
  iptablesRestore: string;
  /** What `iptables-save` prints on the node (kube-proxy's and flannel's rules). */
  iptablesSave: string;
  /** `iptablesSave` parsed: the rules the trace evaluates; Rule.line points into iptablesSave. */
  ruleset: Ruleset;
  routes: Route[];
  neighbours: Neighbour[];
  /** In IPVS mode: the virtual servers, kube-proxy's ipsets and the kube-ipvs0 addresses. */
  ipvs?: NodeIpvs;
  /** In nftables mode: kube-proxy's IPv4 table (its iptables rules are then flannel's only). */
  nft?: NodeNft;
}

export interface NodeNft {
  table: NftTable;
  /** What `packetwalk nft` prints; each rule's line in it, by chain. */
  dump: string;
  lines: Record<string, number[]>;
}

export interface NodeIpvs {
  virtualServers: VirtualServer[];
  ipsets: IpSet[];
  /** Addresses bound to the kube-ipvs0 dummy interface (local to the node). */
  kubeIpvs0: string[];
  /** What `ipvsadm -Ln` prints. */
  ipvsadm: string;
  /** What `ipset list` prints. */
  ipsetList: string;
}

/** One family's netfilter on a node: kube-proxy's restore batch, its save listing, and the ruleset the kernel then holds. */
export interface NodeIptables {
  restore: string;
  save: string;
  ruleset: Ruleset;
  /** The rules kube-proxy (-I) and flannel (-A) add one by one after the batch, in that order. */
  added: RuleSpec[];
}

/**
 * The cluster's dataplane, asked for node by node: a walk touches two or three nodes, and
 * building a large cluster's every node would cost an edit far more than one frame. Each
 * node is built on the first ask and kept with its model; nothing is built by reading a property.
 */
export interface Dataplane {
  /** The nodes, in the cluster's order. */
  readonly nodeNames: readonly string[];
  /** A node's dataplane (built now if not yet); undefined for a name the cluster has no node for. */
  node(name: string): NodeDataplane | undefined;
  /** What kube-proxy feeds `iptables-restore` on the node, without building the rest of it. */
  iptablesRestore(name: string): string | undefined;
  /** The node's IPv6 netfilter (ip6tables) in iptables mode; undefined in IPVS mode (not modelled for IPv6). */
  iptables6(name: string): NodeIptables | undefined;
  /** The nodes built so far, e.g. for the derive worker to send with its walk. */
  built(): Record<string, NodeDataplane>;
  /** Keeps nodes another copy of this model built (the derive worker's), so asking for them here builds nothing. */
  adopt(nodes: Record<string, NodeDataplane>): void;
}
