// The per-node, per-family settings kube-proxy's NewProxier derives from its
// configuration and the host (pkg/proxy/iptables/proxier.go, pkg/proxy/util, v1.33).

import type { ClusterState, NodeHost, ProxyConfig } from '../cluster/types';
import type { Node } from '../manifest/types';
import {
  formatAddrGo,
  formatPrefixGo,
  parseAddrGo,
  parseAddrSloppy,
  parsePrefixSloppy,
  prefixContains,
  type Family,
  type Prefix,
} from '../net';
import { compareStrings } from './endpoints';

/** Host facts kube-proxy probes at start-up rather than reads from its configuration. */
export interface HostFeatures {
  /** iptables >= 1.6.2 supports MASQUERADE --random-fully (every current distribution). */
  randomFully: boolean;
  /** The kernel has nfnetlink_acct, so kube-proxy adds its nfacct counter matches. */
  nfacct: boolean;
}

export const DEFAULT_HOST_FEATURES: HostFeatures = { randomFully: true, nfacct: true };

export interface LocalDetector {
  /** Matches traffic from this cluster's pods (`-s 10.244.0.0/16`). */
  ifLocal: string[];
  /** Matches traffic from elsewhere (`! -s 10.244.0.0/16`). */
  ifNotLocal: string[];
}

export interface ProxyContext {
  family: Family;
  nodeName: string;
  /** First node IP of this family (used to let the node through its own loadBalancerSourceRanges). */
  nodeIP: string | null;
  masqueradeAll: boolean;
  /** `%#08x` of 1 << masqueradeBit, e.g. 0x00004000. */
  masqueradeMark: string;
  localDetector: LocalDetector | null;
  localhostNodePorts: boolean;
  /** null: NodePorts on every local address (addrtype LOCAL); else these addresses only. */
  nodePortIPs: string[] | null;
  conntrackTCPLiberal: boolean;
  features: HostFeatures;
}

export const NFACCT_CT_INVALID = 'ct_state_invalid_dropped_pkts';
export const NFACCT_LOCALHOST_NODEPORT = 'localhost_nps_accepted_pkts';

/** Go's fmt.Sprintf("%#08x", 1<<bit): eight zero-padded digits after `0x` (0x00004000). */
export function masqueradeMarkOf(bit: number): string {
  return '0x' + (2 ** bit).toString(16).padStart(8, '0');
}

function cidrsOfFamily(list: string, family: Family): Prefix[] {
  return list
    .split(',')
    .map((s) => parsePrefixSloppy(s.trim()))
    .filter((c): c is Prefix => c?.family === family);
}

/** The node's InternalIP and ExternalIP addresses of one family, as Node.status lists them. */
export function nodeIPsOf(node: Node | undefined, family: Family): string[] {
  return (node?.status.addresses ?? [])
    .filter((a) => a.type === 'InternalIP' || a.type === 'ExternalIP')
    .flatMap((a) => {
      const ip = parseAddrSloppy(a.address);
      return ip?.family === family ? [formatAddrGo(ip)] : [];
    });
}

function podCIDRsOf(node: Node | undefined): string[] {
  return node?.spec.podCIDRs?.length ? node.spec.podCIDRs : node?.spec.podCIDR ? [node.spec.podCIDR] : [];
}

function localDetectorFor(proxy: ProxyConfig, node: Node | undefined, family: Family): LocalDetector | null {
  const bySource = (cidr: Prefix | undefined): LocalDetector | null => {
    if (!cidr) return null;
    const text = formatPrefixGo(cidr);
    return { ifLocal: ['-s', text], ifNotLocal: ['!', '-s', text] };
  };
  switch (proxy.detectLocalMode) {
    case 'NodeCIDR':
      return bySource(cidrsOfFamily(podCIDRsOf(node).join(','), family)[0]);
    // flannel's bridge is cni0; its veths are named veth*.
    case 'BridgeInterface':
      return { ifLocal: ['-i', 'cni0'], ifNotLocal: ['!', '-i', 'cni0'] };
    case 'InterfaceNamePrefix':
      return { ifLocal: ['-i', 'veth+'], ifNotLocal: ['!', '-i', 'veth+'] };
    default:
      return bySource(cidrsOfFamily(proxy.clusterCIDR, family)[0]);
  }
}

/**
 * proxyutil.NodePortAddresses: null means "all local addresses". "primary" means the
 * node's own IPs. Otherwise the node's addresses (and loopback) inside the CIDRs.
 */
function nodePortIPsFor(
  proxy: ProxyConfig,
  node: Node | undefined,
  host: NodeHost | undefined,
  family: Family,
  localhost: boolean,
): string[] | null {
  const entries = proxy.nodePortAddresses ?? [];
  const cidrs = entries.flatMap((e) =>
    e === 'primary'
      ? nodeIPsOf(node, family)
          .slice(0, 1)
          .map((ip) => `${ip}/${family === 4 ? 32 : 128}`)
      : [e],
  );
  const ofFamily = cidrsOfFamily(cidrs.join(','), family);
  if (ofFamily.length === 0 || ofFamily.some((c) => c.bits === 0)) return null;
  // Every address on the host's interfaces: lo, the NIC, cni0, flannel.1.
  const hostIPs = [family === 4 ? '127.0.0.1' : '::1', ...nodeIPsOf(node, family)];
  if (host) hostIPs.push(host.nic.ip, host.cni0.ip, host.vtep.ip);
  const matched = new Set<string>();
  for (const text of hostIPs) {
    const ip = parseAddrSloppy(text);
    if (ip && ofFamily.some((c) => prefixContains(c, ip))) matched.add(formatAddrGo(ip));
  }
  // Loopback NodePorts only work on IPv4 with route_localnet; kube-proxy skips them otherwise.
  const usable = [...matched].filter((ip) => !(ip === '::1' || (ip.startsWith('127.') && !localhost)));
  return usable.sort(compareStrings);
}

/** NodePortAddresses.ContainsIPv4Loopback: no IPv4 CIDRs means 0.0.0.0/0, which does. */
function containsIPv4Loopback(proxy: ProxyConfig): boolean {
  const cidrs = cidrsOfFamily((proxy.nodePortAddresses ?? []).join(','), 4);
  const loopbackNet = parseAddrGo('127.0.0.0')!;
  return cidrs.length === 0 || cidrs.some((c) => c.base >> 24n === 127n || prefixContains(c, loopbackNet));
}

export function proxyContext(
  state: ClusterState,
  nodeName: string,
  family: Family,
  features: HostFeatures = DEFAULT_HOST_FEATURES,
): ProxyContext {
  const proxy = state.config.proxy;
  const node = state.nodes.find((n) => n.metadata.name === nodeName);
  // localhostNodePorts is IPv4-only and off unless nodePortAddresses includes 127.0.0.1.
  const localhostNodePorts = family === 4 && proxy.localhostNodePorts && containsIPv4Loopback(proxy);
  return {
    family,
    nodeName,
    nodeIP: nodeIPsOf(node, family)[0] ?? null,
    masqueradeAll: proxy.masqueradeAll,
    masqueradeMark: masqueradeMarkOf(proxy.masqueradeBit),
    localDetector: localDetectorFor(proxy, node, family),
    localhostNodePorts,
    nodePortIPs: nodePortIPsFor(proxy, node, state.hosts[nodeName], family, localhostNodePorts),
    conntrackTCPLiberal: proxy.tcpBeLiberal,
    features,
  };
}
