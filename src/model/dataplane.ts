// Per node, the dataplane the real components would have written: kube-proxy's
// iptables (as restored and as the kernel prints it back), routes and neighbours.

import type { Neighbour, Route } from './network/types';
import type { Ruleset } from './netfilter/types';

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
}

export interface Dataplane {
  nodes: Record<string, NodeDataplane>;
}
