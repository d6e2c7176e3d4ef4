// The text kube-proxy (iptables mode, v1.33) feeds `iptables-restore --noflush`
// on a full sync of one node: *filter then *nat, chains then rules, in the order
// syncProxyRules writes them. Services are visited sorted by name (kube-proxy walks
// a Go map, so its own order varies from sync to sync).

import type { ClusterState } from '../cluster/types';
import { categorizeEndpoints } from './categorize';
import { buildEndpointsMap, compareStrings, endpointsKey, type EndpointInfo } from './endpoints';
import type { Family } from '../net';
import { DEFAULT_HOST_FEATURES, NFACCT_CT_INVALID, proxyContext, type HostFeatures, type ProxyContext } from './proxyContext';
import { tableSection } from './restoreText';
import {
  KUBE_EXTERNAL_SERVICES,
  KUBE_FIREWALL,
  KUBE_FORWARD,
  KUBE_MARK_MASQ,
  KUBE_NODEPORTS,
  KUBE_POSTROUTING,
  KUBE_PROXY_FIREWALL,
  KUBE_SERVICES,
  writeServicePortRules,
  type RestoreBuffers,
} from './serviceRules';
import { servicePortsOf, type ServicePortInfo } from './servicePorts';

const LARGE_CLUSTER_ENDPOINTS_THRESHOLD = 1000;

export interface ServicePortWithEndpoints {
  sp: ServicePortInfo;
  endpoints: EndpointInfo[];
}

/** kube-proxy's svcPortMap joined with its endpointsMap, in our stable visiting order. */
export function servicePortMap(state: ClusterState, nodeName: string, family: Family): ServicePortWithEndpoints[] {
  const endpointsMap = buildEndpointsMap(state.endpointSlices, family, nodeName);
  return state.services
    .flatMap((svc) => servicePortsOf(svc, family))
    .sort((a, b) => compareStrings(a.nameString, b.nameString) || compareStrings(a.protocol, b.protocol))
    .map((sp) => ({
      sp,
      endpoints: endpointsMap.get(endpointsKey(sp.namespace, sp.name, sp.portName, sp.protocol)) ?? [],
    }));
}

function writeFixedRules(out: RestoreBuffers, ctx: ProxyContext): void {
  const mark = ctx.masqueradeMark;
  out.filterChains.push(KUBE_SERVICES, KUBE_EXTERNAL_SERVICES, KUBE_FORWARD, KUBE_NODEPORTS, KUBE_PROXY_FIREWALL);
  out.natChains.push(KUBE_SERVICES, KUBE_NODEPORTS, KUBE_POSTROUTING, KUBE_MARK_MASQ);
  out.natRules.push(
    { chain: KUBE_POSTROUTING, args: ['-m', 'mark', '!', '--mark', `${mark}/${mark}`, '-j', 'RETURN'] },
    // Clear the mark so a packet that loops through the stack again is not masqueraded twice.
    { chain: KUBE_POSTROUTING, args: ['-j', 'MARK', '--xor-mark', mark] },
    {
      chain: KUBE_POSTROUTING,
      args: [
        '-m',
        'comment',
        '--comment',
        'kubernetes service traffic requiring SNAT',
        '-j',
        'MASQUERADE',
        ...(ctx.features.randomFully ? ['--random-fully'] : []),
      ],
    },
    { chain: KUBE_MARK_MASQ, args: ['-j', 'MARK', '--or-mark', mark] },
  );
  if (ctx.family === 4 && ctx.localhostNodePorts) {
    // route_localnet=1 would let remote hosts reach 127.0.0.1 NodePorts; this closes that hole (kubernetes#90259).
    out.filterChains.push(KUBE_FIREWALL);
    out.filterRules.push({
      chain: KUBE_FIREWALL,
      args: [
        '-m',
        'comment',
        '--comment',
        'block incoming localnet connections',
        '-d',
        '127.0.0.0/8',
        '!',
        '-s',
        '127.0.0.0/8',
        '-m',
        'conntrack',
        '!',
        '--ctstate',
        'RELATED,ESTABLISHED,DNAT',
        '-j',
        'DROP',
      ],
    });
  }
}

function writeTrailingRules(out: RestoreBuffers, ctx: ProxyContext): void {
  const nodePortsComment = ['-m', 'comment', '--comment', 'kubernetes service nodeports; NOTE: this must be the last rule in this chain'];
  if (ctx.nodePortIPs === null) {
    const destinations = ['-m', 'addrtype', '--dst-type', 'LOCAL'];
    if (ctx.family === 6) destinations.push('!', '-d', '::1/128');
    else if (!ctx.localhostNodePorts) destinations.push('!', '-d', '127.0.0.0/8');
    out.natRules.push({ chain: KUBE_SERVICES, args: [...nodePortsComment, ...destinations, '-j', KUBE_NODEPORTS] });
  } else {
    for (const ip of ctx.nodePortIPs) {
      out.natRules.push({ chain: KUBE_SERVICES, args: [...nodePortsComment, '-d', ip, '-j', KUBE_NODEPORTS] });
    }
  }

  // INVALID packets would otherwise reset connections (kubernetes#74839) unless tcp_be_liberal is set.
  if (!ctx.conntrackTCPLiberal) {
    out.filterRules.push({
      chain: KUBE_FORWARD,
      args: [
        '-m',
        'conntrack',
        '--ctstate',
        'INVALID',
        ...(ctx.features.nfacct ? ['-m', 'nfacct', '--nfacct-name', NFACCT_CT_INVALID] : []),
        '-j',
        'DROP',
      ],
    });
  }
  const mark = ctx.masqueradeMark;
  out.filterRules.push(
    {
      chain: KUBE_FORWARD,
      args: ['-m', 'comment', '--comment', 'kubernetes forwarding rules', '-m', 'mark', '--mark', `${mark}/${mark}`, '-j', 'ACCEPT'],
    },
    {
      chain: KUBE_FORWARD,
      args: [
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
      ],
    },
  );
}

/** The filter and nat rules of one full sync, before they are written out as text. */
export function syncRules(
  state: ClusterState,
  nodeName: string,
  family: Family = 4,
  features: HostFeatures = DEFAULT_HOST_FEATURES,
): RestoreBuffers {
  const ctx = proxyContext(state, nodeName, family, features);
  const out: RestoreBuffers = { filterChains: [], filterRules: [], natChains: [], natRules: [] };
  writeFixedRules(out, ctx);

  const ports = servicePortMap(state, nodeName, family);
  const totalEndpoints = ports.reduce((n, p) => n + p.endpoints.length, 0);
  const largeClusterMode = totalEndpoints > LARGE_CLUSTER_ENDPOINTS_THRESHOLD;
  for (const { sp, endpoints } of ports) {
    writeServicePortRules(out, sp, categorizeEndpoints(endpoints, sp), { ctx, largeClusterMode });
  }

  writeTrailingRules(out, ctx);
  return out;
}

/** Exactly what kube-proxy passes to iptables-restore (or ip6tables-restore for family 6). */
export function iptablesRestore(
  state: ClusterState,
  nodeName: string,
  family: Family = 4,
  features: HostFeatures = DEFAULT_HOST_FEATURES,
): string {
  const out = syncRules(state, nodeName, family, features);
  return tableSection('filter', out.filterChains, out.filterRules) + tableSection('nat', out.natChains, out.natRules);
}

// dataplaneBuild imports the jump rules from here.
export { kubeProxyJumpRules } from './jumpRules';
