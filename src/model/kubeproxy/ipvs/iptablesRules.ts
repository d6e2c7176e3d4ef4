// The iptables rules kube-proxy keeps in IPVS mode: a fixed set of chains whose rules
// match the ipsets, written as one iptables-restore text (*nat then *filter), and the
// jumps it inserts into the built-in chains (writeIptablesRules, createAndLinkKubeChain,
// acceptIPVSTraffic in pkg/proxy/ipvs/proxier.go, v1.33).

import type { JumpRule } from '../jumpRules';
import type { RestoreRule } from '../restoreText';
import { tableSection } from '../restoreText';
import * as S from './ipsets';
import type { IpvsSync } from './sync';

const KUBE_SERVICES = 'KUBE-SERVICES';
const KUBE_POSTROUTING = 'KUBE-POSTROUTING';
const KUBE_NODE_PORT = 'KUBE-NODE-PORT';
const KUBE_LOAD_BALANCER = 'KUBE-LOAD-BALANCER';
const KUBE_MARK_MASQ = 'KUBE-MARK-MASQ';
const KUBE_FORWARD = 'KUBE-FORWARD';
const KUBE_PROXY_FIREWALL = 'KUBE-PROXY-FIREWALL';
const KUBE_SOURCE_RANGES_FIREWALL = 'KUBE-SOURCE-RANGES-FIREWALL';
const KUBE_IPVS_FILTER = 'KUBE-IPVS-FILTER';
const KUBE_IPVS_OUT_FILTER = 'KUBE-IPVS-OUT-FILTER';

const NAT_CHAINS = [KUBE_SERVICES, KUBE_POSTROUTING, KUBE_NODE_PORT, KUBE_LOAD_BALANCER, KUBE_MARK_MASQ];
const FILTER_CHAINS = [
  KUBE_FORWARD,
  KUBE_NODE_PORT,
  KUBE_PROXY_FIREWALL,
  KUBE_SOURCE_RANGES_FIREWALL,
  KUBE_IPVS_FILTER,
  KUBE_IPVS_OUT_FILTER,
];

// ipsetWithIptablesChain: [set, table, from chain, target, match type, protocol]. The
// Local sets come before their masquerading twins so Local NodePorts RETURN first.
type SetJump = [string, 'nat' | 'filter', string, string, string, string];
const SET_JUMPS: SetJump[] = [
  [S.KUBE_LOOP_BACK, 'nat', KUBE_POSTROUTING, 'MASQUERADE', 'dst,dst,src', ''],
  [S.KUBE_LOAD_BALANCER, 'nat', KUBE_SERVICES, KUBE_LOAD_BALANCER, 'dst,dst', ''],
  [S.KUBE_LOAD_BALANCER_LOCAL, 'nat', KUBE_LOAD_BALANCER, 'RETURN', 'dst,dst', ''],
  [S.KUBE_NODE_PORT_LOCAL_TCP, 'nat', KUBE_NODE_PORT, 'RETURN', 'dst', 'tcp'],
  [S.KUBE_NODE_PORT_TCP, 'nat', KUBE_NODE_PORT, KUBE_MARK_MASQ, 'dst', 'tcp'],
  [S.KUBE_NODE_PORT_LOCAL_UDP, 'nat', KUBE_NODE_PORT, 'RETURN', 'dst', 'udp'],
  [S.KUBE_NODE_PORT_UDP, 'nat', KUBE_NODE_PORT, KUBE_MARK_MASQ, 'dst', 'udp'],
  [S.KUBE_NODE_PORT_LOCAL_SCTP, 'nat', KUBE_NODE_PORT, 'RETURN', 'dst,dst', 'sctp'],
  [S.KUBE_NODE_PORT_SCTP, 'nat', KUBE_NODE_PORT, KUBE_MARK_MASQ, 'dst,dst', 'sctp'],
  [S.KUBE_LOAD_BALANCER_FW, 'filter', KUBE_PROXY_FIREWALL, KUBE_SOURCE_RANGES_FIREWALL, 'dst,dst', ''],
  [S.KUBE_LOAD_BALANCER_SOURCE_CIDR, 'filter', KUBE_SOURCE_RANGES_FIREWALL, 'RETURN', 'dst,dst,src', ''],
  [S.KUBE_LOAD_BALANCER_SOURCE_IP, 'filter', KUBE_SOURCE_RANGES_FIREWALL, 'RETURN', 'dst,dst,src', ''],
];

const COMMENTS = new Map(S.IPSET_INFO.map((info) => [info.name, info.comment]));

export interface IpvsRestoreRules {
  natChains: string[];
  natRules: RestoreRule[];
  filterChains: string[];
  filterRules: RestoreRule[];
}

export function ipvsRestoreRules(sync: IpvsSync): IpvsRestoreRules {
  const { family, ctx } = sync;
  const natRules: RestoreRule[] = [];
  const filterRules: RestoreRule[] = [];
  const nat = (chain: string, ...args: string[]): void => void natRules.push({ chain, args });
  const filter = (chain: string, ...args: string[]): void => void filterRules.push({ chain, args });
  const name = (set: string): string => S.familySetName(set, family);
  const isEmpty = (set: string): boolean => (sync.entries.get(set)?.size ?? 0) === 0;
  const comment = (set: string): string[] => ['-m', 'comment', '--comment', COMMENTS.get(set) ?? ''];
  const matchSet = (set: string, type: string): string[] => ['-m', 'set', '--match-set', name(set), type];
  const mark = ctx.masqueradeMark;

  // Connections from localhost never go through a Service here.
  nat(KUBE_SERVICES, '-s', family === 6 ? '::1/128' : '127.0.0.0/8', '-j', 'RETURN');

  for (const [set, table, from, to, type, proto] of SET_JUMPS) {
    if (isEmpty(set)) continue;
    const args = [...(proto ? ['-p', proto] : []), ...comment(set), ...matchSet(set, type), '-j', to];
    if (table === 'filter') filter(from, ...args);
    else nat(from, ...args);
  }

  if (!isEmpty(S.KUBE_CLUSTER_IP)) {
    const args = [...comment(S.KUBE_CLUSTER_IP), '-m', 'set', '--match-set', name(S.KUBE_CLUSTER_IP)];
    if (ctx.masqueradeAll) nat(KUBE_SERVICES, ...args, 'dst,dst', '-j', KUBE_MARK_MASQ);
    // Off-cluster sources reaching a ClusterIP may be routed back through another node: masquerade them.
    else if (ctx.localDetector) nat(KUBE_SERVICES, ...args, 'dst,dst', ...ctx.localDetector.ifNotLocal, '-j', KUBE_MARK_MASQ);
    // Without a local-traffic detector: masquerade the node's own connections that took a VIP as source.
    else nat(KUBE_SERVICES, ...args, 'src,dst', '-j', KUBE_MARK_MASQ);
  }

  const externalIPRules = (args: string[]): void => {
    // Roughly "from off the machine": not bridged in from a pod, not from a local process.
    nat(KUBE_SERVICES, ...args, '-m', 'physdev', '!', '--physdev-is-in', '-m', 'addrtype', '!', '--src-type', 'LOCAL', '-j', 'ACCEPT');
    nat(KUBE_SERVICES, ...args, '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'ACCEPT');
  };
  if (!isEmpty(S.KUBE_EXTERNAL_IP)) {
    const args = [...comment(S.KUBE_EXTERNAL_IP), ...matchSet(S.KUBE_EXTERNAL_IP, 'dst,dst')];
    nat(KUBE_SERVICES, ...args, '-j', KUBE_MARK_MASQ);
    externalIPRules(args);
  }
  if (!isEmpty(S.KUBE_EXTERNAL_IP_LOCAL)) {
    externalIPRules([...comment(S.KUBE_EXTERNAL_IP_LOCAL), ...matchSet(S.KUBE_EXTERNAL_IP_LOCAL, 'dst,dst')]);
  }

  nat(KUBE_SERVICES, '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', KUBE_NODE_PORT);
  nat(KUBE_LOAD_BALANCER, '-j', KUBE_MARK_MASQ);
  filter(KUBE_SOURCE_RANGES_FIREWALL, '-j', 'DROP');

  // The node's own connections to a VIP it is not allowed by loadBalancerSourceRanges (kubernetes#119656).
  for (const e of sync.lbNoNodeAccess) {
    filter(KUBE_IPVS_OUT_FILTER, '-s', e.ip, '-m', 'ipvs', '--vaddr', e.ip, '--vproto', e.proto, '--vport', String(e.port), '-j', 'DROP');
  }

  // acceptIPVSTraffic: last in KUBE-SERVICES, so other rules cannot drop what IPVS will take.
  for (const set of [S.KUBE_CLUSTER_IP, S.KUBE_LOAD_BALANCER]) {
    if (!isEmpty(set)) nat(KUBE_SERVICES, ...matchSet(set, 'dst,dst'), '-j', 'ACCEPT');
  }

  filter(
    KUBE_FORWARD,
    '-m',
    'comment',
    '--comment',
    'kubernetes forwarding rules',
    '-m',
    'mark',
    '--mark',
    `${mark}/${mark}`,
    '-j',
    'ACCEPT',
  );
  filter(
    KUBE_FORWARD,
    '-m',
    'comment',
    '--comment',
    'kubernetes forwarding conntrack rule',
    '-m',
    'conntrack',
    '--ctstate',
    'RELATED,ESTABLISHED',
    '-j',
    'ACCEPT',
  );
  filter(KUBE_NODE_PORT, ...comment(S.KUBE_HEALTH_CHECK_NODE_PORT), ...matchSet(S.KUBE_HEALTH_CHECK_NODE_PORT, 'dst'), '-j', 'ACCEPT');

  // Only the service ports may be reached through a VIP, not every port of the node (kubernetes#72236).
  filter(KUBE_IPVS_FILTER, ...matchSet(S.KUBE_LOAD_BALANCER, 'dst,dst'), '-j', 'RETURN');
  filter(KUBE_IPVS_FILTER, ...matchSet(S.KUBE_CLUSTER_IP, 'dst,dst'), '-j', 'RETURN');
  filter(KUBE_IPVS_FILTER, ...matchSet(S.KUBE_EXTERNAL_IP, 'dst,dst'), '-j', 'RETURN');
  filter(KUBE_IPVS_FILTER, ...matchSet(S.KUBE_EXTERNAL_IP_LOCAL, 'dst,dst'), '-j', 'RETURN');
  filter(KUBE_IPVS_FILTER, ...matchSet(S.KUBE_HEALTH_CHECK_NODE_PORT, 'dst'), '-j', 'RETURN');
  filter(KUBE_IPVS_FILTER, '-m', 'conntrack', '--ctstate', 'NEW', ...matchSet(S.KUBE_IPVS_IPS, 'dst'), '-j', 'REJECT');

  nat(KUBE_POSTROUTING, '-m', 'mark', '!', '--mark', `${mark}/${mark}`, '-j', 'RETURN');
  // Clear the mark so a packet that loops through the stack again is not masqueraded twice.
  nat(KUBE_POSTROUTING, '-j', 'MARK', '--xor-mark', mark);
  nat(
    KUBE_POSTROUTING,
    '-m',
    'comment',
    '--comment',
    'kubernetes service traffic requiring SNAT',
    '-j',
    'MASQUERADE',
    ...(ctx.features.randomFully ? ['--random-fully'] : []),
  );
  nat(KUBE_MARK_MASQ, '-j', 'MARK', '--or-mark', mark);

  return { natChains: NAT_CHAINS, natRules, filterChains: FILTER_CHAINS, filterRules };
}

/** What kube-proxy passes to iptables-restore: *nat, then *filter. */
export function restoreText(rules: IpvsRestoreRules): string {
  return tableSection('nat', rules.natChains, rules.natRules) + tableSection('filter', rules.filterChains, rules.filterRules);
}

// iptablesJumpChain: [table, built-in chain, target, comment], each ensured with -I.
const JUMPS: [JumpRule['table'], string, string, string][] = [
  ['nat', 'OUTPUT', KUBE_SERVICES, 'kubernetes service portals'],
  ['nat', 'PREROUTING', KUBE_SERVICES, 'kubernetes service portals'],
  ['nat', 'POSTROUTING', KUBE_POSTROUTING, 'kubernetes postrouting rules'],
  ['filter', 'FORWARD', KUBE_FORWARD, 'kubernetes forwarding rules'],
  ['filter', 'INPUT', KUBE_NODE_PORT, 'kubernetes health check rules'],
  ['filter', 'INPUT', KUBE_PROXY_FIREWALL, 'kube-proxy firewall rules'],
  ['filter', 'FORWARD', KUBE_PROXY_FIREWALL, 'kube-proxy firewall rules'],
  ['filter', 'INPUT', KUBE_IPVS_FILTER, 'kubernetes ipvs access filter'],
  ['filter', 'OUTPUT', KUBE_IPVS_OUT_FILTER, 'kubernetes ipvs access filter'],
];

/**
 * The jumps kube-proxy (IPVS mode) inserts at the top of the built-in chains, one after
 * the other, so filter INPUT reads KUBE-IPVS-FILTER, KUBE-PROXY-FIREWALL, KUBE-NODE-PORT.
 */
export function ipvsJumpRules(): JumpRule[] {
  return JUMPS.map(([table, chain, target, comment]) => ({
    table,
    chain,
    args: ['-m', 'comment', '--comment', comment, '-j', target],
    position: 'insert',
  }));
}
