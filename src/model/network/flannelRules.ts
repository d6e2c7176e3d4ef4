// The iptables rules flanneld (v0.26, --ip-masq, iptables mode) appends on every node.
// Mark 0x4000/0x4000 is kube-proxy's masquerade mark: flannel leaves those packets to kube-proxy.

import type { ClusterState } from '../cluster/types';
import type { RuleSpec } from '../netfilter/types';

export function flannelRules(state: ClusterState, nodeName: string): RuleSpec[] {
  const host = state.hosts[nodeName];
  if (!host) return [];
  const cluster = state.config.clusterCIDR;
  const pod = host.cni0.cidr;
  const masq = ['-m', 'comment', '--comment', 'flanneld masq'];
  const fwd = ['-m', 'comment', '--comment', 'flanneld forward'];
  const nat = (chain: string, args: string[]): RuleSpec => ({ table: 'nat', chain, args, position: 'append' });
  const filter = (chain: string, args: string[]): RuleSpec => ({ table: 'filter', chain, args, position: 'append' });
  return [
    nat('POSTROUTING', [...masq, '-j', 'FLANNEL-POSTRTG']),
    nat('FLANNEL-POSTRTG', ['-m', 'mark', '--mark', '0x4000/0x4000', ...masq, '-j', 'RETURN']),
    nat('FLANNEL-POSTRTG', ['-s', pod, '-d', cluster, ...masq, '-j', 'RETURN']),
    nat('FLANNEL-POSTRTG', ['-s', cluster, '-d', pod, ...masq, '-j', 'RETURN']),
    nat('FLANNEL-POSTRTG', ['!', '-s', cluster, '-d', pod, ...masq, '-j', 'RETURN']),
    nat('FLANNEL-POSTRTG', ['-s', cluster, '!', '-d', '224.0.0.0/4', ...masq, '-j', 'MASQUERADE', '--random-fully']),
    nat('FLANNEL-POSTRTG', ['!', '-s', cluster, '-d', cluster, ...masq, '-j', 'MASQUERADE', '--random-fully']),
    filter('FORWARD', [...fwd, '-j', 'FLANNEL-FWD']),
    filter('FLANNEL-FWD', ['-s', cluster, ...fwd, '-j', 'ACCEPT']),
    filter('FLANNEL-FWD', ['-d', cluster, ...fwd, '-j', 'ACCEPT']),
  ];
}
