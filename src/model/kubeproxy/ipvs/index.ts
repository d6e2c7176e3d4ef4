// kube-proxy in IPVS mode (v1.33): the IPVS table, the ipsets, the iptables rules that
// match them and the kube-ipvs0 addresses of one node. The node-wide views (ipvsadm,
// ipset list, kube-ipvs0) hold both families' proxiers on a dual-stack node.

import type { ClusterState } from '../../cluster/types';
import type { IpSet } from '../../netfilter/types';
import type { Family } from '../../net';
import { DEFAULT_HOST_FEATURES, type HostFeatures } from '../proxyContext';
import { formatIpsetList, kubeIpsets, type KubeIpset } from './ipsetList';
import { formatIpvsadm } from './ipvsadm';
import { ipvsRestoreRules, restoreText } from './iptablesRules';
import { ipvsSync, nodeFamilies, type IpvsSync } from './sync';
import type { VirtualServer } from './types';

export { ipvsJumpRules } from './iptablesRules';
export type { RealServer, VirtualServer, VirtualServerRole } from './types';
export type { KubeIpset } from './ipsetList';

function syncs(state: ClusterState, nodeName: string, features: HostFeatures = DEFAULT_HOST_FEATURES): IpvsSync[] {
  return nodeFamilies(state, nodeName).map((family) => ipvsSync(state, nodeName, family, features));
}

/** The virtual servers kube-proxy programs on the node: IPv4 ones, then IPv6 ones, in sync order. */
export function ipvsVirtualServers(state: ClusterState, nodeName: string): VirtualServer[] {
  return syncs(state, nodeName).flatMap((s) => s.virtualServers);
}

/** Exactly what `ipvsadm -Ln` prints on the node. */
export function ipvsadmLn(state: ClusterState, nodeName: string): string {
  return formatIpvsadm(ipvsVirtualServers(state, nodeName));
}

/** The iptables-restore text kube-proxy writes in IPVS mode (ip6tables-restore for family 6). */
export function ipvsIptablesRestore(
  state: ClusterState,
  nodeName: string,
  family: Family = 4,
  features: HostFeatures = DEFAULT_HOST_FEATURES,
): string {
  return restoreText(ipvsRestoreRules(ipvsSync(state, nodeName, family, features)));
}

function setsOf(sync: IpvsSync): KubeIpset[] {
  const rules = ipvsRestoreRules(sync);
  const all = [...rules.natRules, ...rules.filterRules];
  // Each rule with `-m set --match-set NAME` holds one reference to the set.
  const references = (name: string): number =>
    all.filter((r) => r.args.some((a, i) => a === name && r.args[i - 1] === '--match-set')).length;
  return kubeIpsets(sync.family, sync.entries, references);
}

/** kube-proxy's sets of one family, as data for `-m set --match-set` (members as `ipset list` writes them). */
export function ipvsIpSets(state: ClusterState, nodeName: string, family: Family = 4): IpSet[] {
  return setsOf(ipvsSync(state, nodeName, family)).map(({ name, type, members }) => ({ name, type, members }));
}

/** Exactly what `ipset list` prints for kube-proxy's sets on the node (see ipsetList.ts for what is approximated). */
export function ipsetList(state: ClusterState, nodeName: string): string {
  return formatIpsetList(syncs(state, nodeName).flatMap(setsOf), nodeName);
}

/** The addresses kube-proxy binds to the kube-ipvs0 dummy interface: ClusterIPs, externalIPs, LB IPs. */
export function kubeIpvs0Addresses(state: ClusterState, nodeName: string): string[] {
  return syncs(state, nodeName).flatMap((s) => s.bindAddresses);
}
