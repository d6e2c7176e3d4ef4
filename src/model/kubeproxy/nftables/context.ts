// What one family's nftables proxier needs to know besides the Services: the iptables-mode
// ProxyContext (same configuration, same host), spelled the nftables way
// (pkg/proxy/util/localdetector.go *NFT, pkg/proxy/nftables/proxier.go setupNFTables, v1.34).

import type { ClusterState } from '../../cluster/types';
import { formatPrefixGo, parseAddrSloppy, parsePrefixSloppy, type Family } from '../../net';
import { proxyContext, type ProxyContext } from '../proxyContext';

export interface NftContext {
  ctx: ProxyContext;
  /** `ip` or `ip6`: the table's family and the address match keyword. */
  ipX: 'ip' | 'ip6';
  /** `ipv4_addr` or `ipv6_addr`. */
  addrType: string;
  /** Matches traffic from this node's pods, e.g. `ip saddr 10.244.0.0/16`; null without a detector. */
  ifLocal: string | null;
  ifNotLocal: string | null;
  /** The Service CIDRs of this family, comma-joined as OnServiceCIDRsChanged keeps them ('' for none). */
  serviceCIDRs: string;
  /** null: NodePorts on every local address; else the nodeport-ips set's addresses. */
  nodePortIPs: string[] | null;
}

/** The iptables detector's match, rewritten as the NFT variant kube-proxy keeps beside it. */
function nftMatch(args: string[], ipX: string): string {
  const negated = args[0] === '!';
  const [flag, value] = negated ? args.slice(1) : args;
  const op = negated ? ' !=' : '';
  // -s CIDR (ClusterCIDR, NodeCIDR), -i cni0 (BridgeInterface), -i veth+ (InterfaceNamePrefix).
  return flag === '-s' ? `${ipX} saddr${op} ${value}` : `iifname${op} ${value!.replace(/\+$/, '*')}`;
}

function serviceCIDRsOf(state: ClusterState, family: Family): string {
  const { config } = state;
  return [config.serviceCIDR, ...(config.moreServiceCIDRs ?? []), ...(config.dualStack ? [config.dualStack.serviceCIDR] : [])]
    .map((text) => parsePrefixSloppy(text))
    .filter((p) => p?.family === family)
    .map((p) => formatPrefixGo(p!))
    .join(',');
}

export function nftContext(state: ClusterState, nodeName: string, family: Family): NftContext {
  const ctx = proxyContext(state, nodeName, family);
  const ipX = family === 4 ? 'ip' : 'ip6';
  return {
    ctx,
    ipX,
    addrType: family === 4 ? 'ipv4_addr' : 'ipv6_addr',
    ifLocal: ctx.localDetector ? nftMatch(ctx.localDetector.ifLocal, ipX) : null,
    ifNotLocal: ctx.localDetector ? nftMatch(ctx.localDetector.ifNotLocal, ipX) : null,
    serviceCIDRs: serviceCIDRsOf(state, family),
    // nftables mode has no localhost NodePorts: loopback addresses are logged and skipped.
    nodePortIPs: ctx.nodePortIPs?.filter((ip) => !isLoopback(ip)) ?? null,
  };
}

function isLoopback(text: string): boolean {
  const ip = parseAddrSloppy(text);
  return ip !== undefined && (ip.family === 4 ? ip.value >> 24n === 127n : ip.value === 1n);
}
