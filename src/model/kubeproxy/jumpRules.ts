// The rules kube-proxy ensures in the built-in chains with `iptables -I` on a full
// sync, outside the restore text (iptablesJumpChains + iptablesKubeletJumpChains in
// pkg/proxy/iptables/proxier.go, v1.33).

import type { ClusterState } from '../cluster/types';
import type { Family } from '../net';
import {
  KUBE_EXTERNAL_SERVICES,
  KUBE_FIREWALL,
  KUBE_FORWARD,
  KUBE_NODEPORTS,
  KUBE_POSTROUTING,
  KUBE_PROXY_FIREWALL,
  KUBE_SERVICES,
} from './serviceRules';

export interface JumpRule {
  table: 'nat' | 'filter';
  /** The built-in chain the rule goes into. */
  chain: string;
  /** Arguments as passed to iptables (unquoted), ending in `-j TARGET`. */
  args: string[];
  /** `insert`: EnsureRule(Prepend), i.e. `iptables -I CHAIN` (at the top) when missing. */
  position: 'insert' | 'append';
}

const ctNew = ['-m', 'conntrack', '--ctstate', 'NEW'];

// [table, target chain, built-in chain, comment, extra args]
type Jump = [JumpRule['table'], string, string, string, string[]];

// kube-proxy also ensures these duplicates of kubelet's jumps (no comment). kubelet
// starts first and has already inserted them, so kube-proxy's EnsureRule is a no-op and
// its own inserts land above them; listing them first reproduces the node's real order.
const KUBELET_JUMPS: Jump[] = [
  ['filter', KUBE_FIREWALL, 'INPUT', '', []],
  ['filter', KUBE_FIREWALL, 'OUTPUT', '', []],
];

const KUBE_PROXY_JUMPS: Jump[] = [
  ['filter', KUBE_EXTERNAL_SERVICES, 'INPUT', 'kubernetes externally-visible service portals', ctNew],
  ['filter', KUBE_EXTERNAL_SERVICES, 'FORWARD', 'kubernetes externally-visible service portals', ctNew],
  ['filter', KUBE_NODEPORTS, 'INPUT', 'kubernetes health check service ports', []],
  ['filter', KUBE_SERVICES, 'FORWARD', 'kubernetes service portals', ctNew],
  ['filter', KUBE_SERVICES, 'OUTPUT', 'kubernetes service portals', ctNew],
  ['filter', KUBE_FORWARD, 'FORWARD', 'kubernetes forwarding rules', []],
  ['filter', KUBE_PROXY_FIREWALL, 'INPUT', 'kubernetes load balancer firewall', ctNew],
  ['filter', KUBE_PROXY_FIREWALL, 'OUTPUT', 'kubernetes load balancer firewall', ctNew],
  ['filter', KUBE_PROXY_FIREWALL, 'FORWARD', 'kubernetes load balancer firewall', ctNew],
  ['nat', KUBE_SERVICES, 'OUTPUT', 'kubernetes service portals', []],
  ['nat', KUBE_SERVICES, 'PREROUTING', 'kubernetes service portals', []],
  ['nat', KUBE_POSTROUTING, 'POSTROUTING', 'kubernetes postrouting rules', []],
];

/**
 * Each is inserted at the top of its chain if missing, one after the other, so on a
 * fresh node filter INPUT reads KUBE-PROXY-FIREWALL, KUBE-NODEPORTS,
 * KUBE-EXTERNAL-SERVICES, KUBE-FIREWALL. The same for both families and every node.
 */
export function kubeProxyJumpRules(_state: ClusterState, _nodeName: string, _family: Family = 4): JumpRule[] {
  return [...KUBELET_JUMPS, ...KUBE_PROXY_JUMPS].map(([table, target, chain, comment, extra]) => ({
    table,
    chain,
    args: [...extra, ...(comment ? ['-m', 'comment', '--comment', comment] : []), '-j', target],
    position: 'insert',
  }));
}
