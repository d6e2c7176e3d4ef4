// One IPVS-mode sync of one IP family on one node: the virtual servers, the ipset
// entries, the addresses bound to kube-ipvs0 (syncProxyRules in pkg/proxy/ipvs/proxier.go,
// v1.33). Services are visited in servicePortMap's stable order; kube-proxy walks a Go map.

import type { ClusterState } from '../../cluster/types';
import { categorizeEndpoints } from '../categorize';
import { compareStrings, type EndpointInfo } from '../endpoints';
import { servicePortMap } from '../iptablesRestore';
import { formatAddrGo, formatPrefixGo, parseAddrSloppy, parsePrefixGo, prefixContains, type Family } from '../../net';
import { DEFAULT_HOST_FEATURES, nodeIPsOf, proxyContext, type HostFeatures, type ProxyContext } from '../proxyContext';
import type { ServicePortInfo } from '../servicePorts';
import * as S from './ipsets';
import type { RealServer, VirtualServer, VirtualServerRole } from './types';

const DEFAULT_SCHEDULER = 'rr';
const LINK_LOCAL6 = parsePrefixGo('fe80::/10')!;

/** A load-balancer VIP:port the node itself may not reach (KUBE-IPVS-OUT-FILTER). */
export interface LbNoNodeAccess {
  ip: string;
  proto: string;
  port: number;
}

export interface IpvsSync {
  family: Family;
  ctx: ProxyContext;
  virtualServers: VirtualServer[];
  /** Active entries per set, keyed by the set's IPv4 name (see familySetName), as ipset writes them. */
  entries: Map<string, Set<string>>;
  /** Addresses kube-proxy binds to kube-ipvs0, in binding order. */
  bindAddresses: string[];
  lbNoNodeAccess: LbNoNodeAccess[];
}

function isLoopback(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.');
}

/**
 * GetAllLocalAddressesExcept(kube-ipvs0): every address on the node's other interfaces
 * (its NIC, cni0, flannel.1), without loopback or IPv6 link-local ones.
 */
export function nodeAddresses(state: ClusterState, nodeName: string, family: Family): string[] {
  const node = state.nodes.find((n) => n.metadata.name === nodeName);
  const host = state.hosts[nodeName];
  const candidates = [...nodeIPsOf(node, family), ...(host ? [host.nic.ip, host.cni0.ip, host.vtep.ip] : [])];
  const out = new Set<string>();
  for (const text of candidates) {
    const ip = parseAddrSloppy(text);
    if (ip?.family !== family) continue;
    const canonical = formatAddrGo(ip);
    if (isLoopback(canonical) || prefixContains(LINK_LOCAL6, ip)) continue;
    out.add(canonical);
  }
  return [...out].sort(compareStrings);
}

/** The families kube-proxy runs a proxier for on this node: IPv4, and IPv6 when the node has an IPv6 address. */
export function nodeFamilies(state: ClusterState, nodeName: string): Family[] {
  const node = state.nodes.find((n) => n.metadata.name === nodeName);
  return nodeIPsOf(node, 6).length > 0 ? [4, 6] : [4];
}

/** syncEndpoint: Local policy uses this node's endpoints, or every endpoint when it has none (kubernetes#97081). */
function realServersFor(endpoints: EndpointInfo[], sp: ServicePortInfo, onlyNodeLocal: boolean): RealServer[] {
  const { cluster, local } = categorizeEndpoints(endpoints, sp);
  const chosen = onlyNodeLocal && local.length > 0 ? local : cluster;
  return chosen.map((ep) => ({ address: ep.ip, port: ep.port, weight: 1, forward: 'Masq' }));
}

export function ipvsSync(state: ClusterState, nodeName: string, family: Family, features: HostFeatures = DEFAULT_HOST_FEATURES): IpvsSync {
  const ctx = proxyContext(state, nodeName, family, features);
  const scheduler = state.config.proxy.ipvsScheduler || DEFAULT_SCHEDULER;
  const entries = new Map<string, Set<string>>(S.IPSET_INFO.map((info) => [info.name, new Set<string>()]));
  const add = (set: string, entry: string): void => void entries.get(set)?.add(entry);
  const virtualServers: VirtualServer[] = [];
  const bindAddresses: string[] = [];
  const bind = (ip: string): void => {
    if (!bindAddresses.includes(ip)) bindAddresses.push(ip);
  };
  const lbNoNodeAccess: LbNoNodeAccess[] = [];

  const ports = servicePortMap(state, nodeName, family);
  const nodeAddressSet = new Set(nodeAddresses(state, nodeName, family));
  const hasNodePort = ports.some(({ sp }) => sp.nodePort !== 0);
  const nodePortIPs = !hasNodePort ? [] : ctx.nodePortIPs === null ? [...nodeAddressSet] : ctx.nodePortIPs.filter((ip) => !isLoopback(ip));

  for (const { sp, endpoints } of ports) {
    const { proto } = sp;
    const ipPort = (ip: string): string => `${ip},${proto}:${sp.port}`;
    const virtualServer = (address: string, port: number, role: VirtualServerRole, onlyNodeLocal: boolean): void => {
      virtualServers.push({
        family,
        protocol: sp.protocol,
        address,
        port,
        scheduler,
        ...(sp.sessionAffinityClientIP ? { persistentTimeout: sp.stickyMaxAgeSeconds } : {}),
        schedulerPortFlag: scheduler === 'mh',
        realServers: realServersFor(endpoints, sp, onlyNodeLocal),
        service: sp.nameString,
        role,
      });
    };

    // Hairpin: a local endpoint reaching itself through the VIP must be masqueraded.
    for (const ep of endpoints) if (ep.isLocal) add(S.KUBE_LOOP_BACK, `${ep.ip},${proto}:${ep.port},${ep.ip}`);

    add(S.KUBE_CLUSTER_IP, ipPort(sp.clusterIP));
    virtualServer(sp.clusterIP, sp.port, 'clusterIP', sp.internalPolicyLocal);
    bind(sp.clusterIP);

    for (const ip of sp.externalIPs) {
      add(sp.externalPolicyLocal ? S.KUBE_EXTERNAL_IP_LOCAL : S.KUBE_EXTERNAL_IP, ipPort(ip));
      virtualServer(ip, sp.port, 'externalIP', sp.externalPolicyLocal);
      // An address the node already has on another interface is not bound again.
      if (!nodeAddressSet.has(ip)) bind(ip);
    }

    for (const ip of sp.loadBalancerVIPs) {
      add(S.KUBE_LOAD_BALANCER, ipPort(ip));
      if (sp.externalPolicyLocal) add(S.KUBE_LOAD_BALANCER_LOCAL, ipPort(ip));
      if (sp.loadBalancerSourceRanges.length > 0) {
        add(S.KUBE_LOAD_BALANCER_FW, ipPort(ip));
        const nodeIP = ctx.nodeIP === null ? undefined : parseAddrSloppy(ctx.nodeIP);
        let allowFromNode = false;
        for (const cidr of sp.loadBalancerSourceRanges) {
          add(S.KUBE_LOAD_BALANCER_SOURCE_CIDR, `${ipPort(ip)},${formatPrefixGo(cidr)}`);
          if (nodeIP && prefixContains(cidr, nodeIP)) allowFromNode = true;
        }
        // Requests from the node to its own LB VIP stay on the node: allow them, or block them explicitly.
        if (allowFromNode) add(S.KUBE_LOAD_BALANCER_SOURCE_IP, `${ipPort(ip)},${ip}`);
        else lbNoNodeAccess.push({ ip, proto, port: sp.port });
      }
      virtualServer(ip, sp.port, 'loadBalancer', sp.externalPolicyLocal);
      if (!nodeAddressSet.has(ip)) bind(ip);
    }

    if (sp.nodePort !== 0) {
      // Without node addresses kube-proxy skips the rest of this port, health check included.
      if (nodePortIPs.length === 0) continue;
      // bitmap:port sets for TCP and UDP; SCTP needs hash:ip,port entries per node address.
      const nodePortEntries = proto === 'sctp' ? nodePortIPs.map((ip) => `${ip},sctp:${sp.nodePort}`) : [String(sp.nodePort)];
      const [set, localSet] =
        proto === 'tcp'
          ? [S.KUBE_NODE_PORT_TCP, S.KUBE_NODE_PORT_LOCAL_TCP]
          : proto === 'udp'
            ? [S.KUBE_NODE_PORT_UDP, S.KUBE_NODE_PORT_LOCAL_UDP]
            : [S.KUBE_NODE_PORT_SCTP, S.KUBE_NODE_PORT_LOCAL_SCTP];
      for (const e of nodePortEntries) add(set, e);
      if (sp.externalPolicyLocal) for (const e of nodePortEntries) add(localSet, e);
      for (const ip of nodePortIPs) virtualServer(ip, sp.nodePort, 'nodePort', sp.externalPolicyLocal);
    }

    if (sp.healthCheckNodePort !== 0) add(S.KUBE_HEALTH_CHECK_NODE_PORT, String(sp.healthCheckNodePort));
  }

  for (const ip of bindAddresses) add(S.KUBE_IPVS_IPS, ip);
  return { family, ctx, virtualServers, entries, bindAddresses, lbNoNodeAccess };
}
