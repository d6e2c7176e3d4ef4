// The fixed part of kube-proxy's table: base chains at their hooks and priorities, the
// top-level chains they jump to, and the sets and verdict maps the Services fill
// (pkg/proxy/nftables/proxier.go setupNFTables, v1.34).

import type { NftContext } from './context';
import type { BaseChainHook, NftTable } from './table';

export const SERVICES = 'services';
export const SERVICE_IPS = 'service-ips';
export const SERVICE_NODEPORTS = 'service-nodeports';
export const NODEPORT_IPS = 'nodeport-ips';
export const CLUSTER_IPS = 'cluster-ips';
export const SERVICE_ENDPOINTS_CHECK = 'service-endpoints-check';
export const NODEPORT_ENDPOINTS_CHECK = 'nodeport-endpoints-check';
export const NO_ENDPOINT_SERVICES = 'no-endpoint-services';
export const NO_ENDPOINT_NODEPORTS = 'no-endpoint-nodeports';
export const REJECT_CHAIN = 'reject-chain';
export const CLUSTER_IPS_CHECK = 'cluster-ips-check';
export const FIREWALL_IPS = 'firewall-ips';
export const FIREWALL_CHECK = 'firewall-check';
export const MARK_MASQ = 'mark-for-masquerade';
export const MASQUERADING = 'masquerading';

// knftables' named priorities: dstnat -100, filter 0, srcnat 100.
const DSTNAT = -100;
const FILTER = 0;
const SRCNAT = 100;

/**
 * The base chains. Firewalling must see the destination before DNAT (dstnat-10); the
 * no-endpoint and invalid-ClusterIP checks run at filter priority, after DNAT, so a host
 * reaching its own external IPs is short-circuited first (kubernetes#132456, v1.34).
 */
export const BASE_CHAINS: [string, BaseChainHook][] = [
  ['filter-prerouting-pre-dnat', { type: 'filter', hook: 'prerouting', priority: DSTNAT - 10 }],
  ['filter-output-pre-dnat', { type: 'filter', hook: 'output', priority: DSTNAT - 10 }],
  ['filter-input', { type: 'filter', hook: 'input', priority: FILTER }],
  ['filter-forward', { type: 'filter', hook: 'forward', priority: FILTER }],
  ['filter-output', { type: 'filter', hook: 'output', priority: FILTER }],
  ['nat-prerouting', { type: 'nat', hook: 'prerouting', priority: DSTNAT }],
  ['nat-output', { type: 'nat', hook: 'output', priority: DSTNAT }],
  ['nat-postrouting', { type: 'nat', hook: 'postrouting', priority: SRCNAT }],
];

/** [to, from, match]: the jumps from base chains, in kube-proxy's order. */
const JUMPS: [string, string, string][] = [
  [NODEPORT_ENDPOINTS_CHECK, 'filter-input', 'ct state new'],
  [SERVICE_ENDPOINTS_CHECK, 'filter-input', 'ct state new'],
  [SERVICE_ENDPOINTS_CHECK, 'filter-forward', 'ct state new'],
  [SERVICE_ENDPOINTS_CHECK, 'filter-output', 'ct state new'],
  [FIREWALL_CHECK, 'filter-prerouting-pre-dnat', 'ct state new'],
  [FIREWALL_CHECK, 'filter-output-pre-dnat', 'ct state new'],
  [SERVICES, 'nat-output', ''],
  [SERVICES, 'nat-prerouting', ''],
  [MASQUERADING, 'nat-postrouting', ''],
  [CLUSTER_IPS_CHECK, 'filter-forward', 'ct state new'],
  [CLUSTER_IPS_CHECK, 'filter-output', 'ct state new'],
];

export function setupTable(table: NftTable, { ctx, ipX, addrType, serviceCIDRs, nodePortIPs }: NftContext): void {
  const mark = ctx.masqueradeMark;
  const noLocalhost = ipX === 'ip' ? 'ip daddr != 127.0.0.0/8' : 'ip6 daddr != ::1';
  const tuple = `${ipX} daddr . meta l4proto . th dport`;

  for (const [name, base] of BASE_CHAINS) table.chain(name, base);
  for (const [to, from, match] of JUMPS) {
    table.chain(to);
    table.rule(from, match ? `${match} jump ${to}` : `jump ${to}`);
  }
  for (const name of [SERVICES, CLUSTER_IPS_CHECK, MASQUERADING, MARK_MASQ]) table.chain(name);

  table.rule(MARK_MASQ, `mark set mark or ${mark}`);
  table.rule(MASQUERADING, `mark and ${mark} == 0 return`);
  // Clear the mark so a packet that loops through the stack again is not masqueraded twice.
  table.rule(MASQUERADING, `mark set mark xor ${mark}`);
  table.rule(MASQUERADING, 'masquerade fully-random');

  table.set({ name: CLUSTER_IPS, type: addrType, comment: 'Active ClusterIPs' });
  table.rule(CLUSTER_IPS_CHECK, `${ipX} daddr @${CLUSTER_IPS} reject`, 'Reject traffic to invalid ports of ClusterIPs');
  if (serviceCIDRs) table.rule(CLUSTER_IPS_CHECK, `${ipX} daddr { ${serviceCIDRs} } drop`, 'Drop traffic to unallocated ClusterIPs');

  // kube-proxy adds and then deletes nodeport-ips when NodePorts listen everywhere.
  if (nodePortIPs) {
    table.set({ name: NODEPORT_IPS, type: addrType, comment: 'IPs that accept NodePort traffic' });
    for (const ip of nodePortIPs) table.element(NODEPORT_IPS, { key: [ip] });
  }

  table.map({
    name: NO_ENDPOINT_SERVICES,
    type: `${addrType} . inet_proto . inet_service : verdict`,
    comment: 'vmap to drop or reject packets to services with no endpoints',
  });
  table.map({
    name: NO_ENDPOINT_NODEPORTS,
    type: 'inet_proto . inet_service : verdict',
    comment: 'vmap to drop or reject packets to service nodeports with no endpoints',
  });
  table.chain(REJECT_CHAIN, undefined, 'helper for @no-endpoint-services / @no-endpoint-nodeports');
  table.rule(REJECT_CHAIN, 'reject');
  table.rule(SERVICE_ENDPOINTS_CHECK, `${tuple} vmap @${NO_ENDPOINT_SERVICES}`);
  const nodePortDestination = nodePortIPs ? `${ipX} daddr @${NODEPORT_IPS}` : noLocalhost;
  table.rule(NODEPORT_ENDPOINTS_CHECK, `${nodePortDestination} meta l4proto . th dport vmap @${NO_ENDPOINT_NODEPORTS}`);

  table.map({
    name: FIREWALL_IPS,
    type: `${addrType} . inet_proto . inet_service : verdict`,
    comment: 'destinations that are subject to LoadBalancerSourceRanges',
  });
  table.chain(FIREWALL_CHECK);
  table.rule(FIREWALL_CHECK, `${tuple} vmap @${FIREWALL_IPS}`);

  table.map({
    name: SERVICE_IPS,
    type: `${addrType} . inet_proto . inet_service : verdict`,
    comment: 'ClusterIP, ExternalIP and LoadBalancer IP traffic',
  });
  table.map({ name: SERVICE_NODEPORTS, type: 'inet_proto . inet_service : verdict', comment: 'NodePort traffic' });
  table.rule(SERVICES, `${tuple} vmap @${SERVICE_IPS}`);
  const nodePortMatch = nodePortIPs ? `${ipX} daddr @${NODEPORT_IPS}` : `fib daddr type local ${noLocalhost}`;
  table.rule(SERVICES, `${nodePortMatch} meta l4proto . th dport vmap @${SERVICE_NODEPORTS}`);
}
