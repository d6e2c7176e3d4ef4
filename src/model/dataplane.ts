// Per node, the dataplane the real components would have written: kube-proxy's
// iptables (as restored and as the kernel prints it back), routes and neighbours.

import type { Neighbour, Route } from './network/types';
import type { IpSet, Ruleset } from './netfilter/types';
import type { VirtualServer } from './kubeproxy/ipvs/types';

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

export interface Dataplane {
  nodes: Record<string, NodeDataplane>;
}
