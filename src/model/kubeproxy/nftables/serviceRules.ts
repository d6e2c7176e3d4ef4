// The chains, rules and map elements of one service port on one node, as syncProxyRules
// writes them (pkg/proxy/nftables/proxier.go, v1.34). Same endpoint choice and traffic-policy
// logic as iptables mode (categorize.ts); only the shape of the rules differs.

import { policyFacts, type CategorizedEndpoints } from '../categorize';
import type { EndpointInfo } from '../endpoints';
import { formatPrefixGo, parseAddrSloppy, prefixContains } from '../../net';
import type { ServicePortInfo } from '../servicePorts';
import { endpointNameBase, nftEndpointNames, nftServiceChains, servicePortNameBase, type NftEndpointNames } from './chainNames';
import type { NftContext } from './context';
import {
  CLUSTER_IPS,
  FIREWALL_IPS,
  MARK_MASQ,
  NO_ENDPOINT_NODEPORTS,
  NO_ENDPOINT_SERVICES,
  REJECT_CHAIN,
  SERVICE_IPS,
  SERVICE_NODEPORTS,
} from './setup';
import type { NftTable } from './table';

type NamesOf = (ep: EndpointInfo) => NftEndpointNames;

/** Each endpoint's chain and affinity-set names, hashed once per service port. */
function endpointNamer(sp: ServicePortInfo): NamesOf {
  const known = new Map<string, NftEndpointNames>();
  return (ep) => {
    let names = known.get(ep.endpoint);
    if (!names)
      known.set(ep.endpoint, (names = nftEndpointNames(endpointNameBase(sp.namespace, sp.name, sp.proto, sp.portName, ep.ip, ep.port))));
    return names;
  };
}

export function writeServicePort(table: NftTable, sp: ServicePortInfo, eps: CategorizedEndpoints, nctx: NftContext): void {
  const { ipX, addrType, ctx } = nctx;
  const chains = nftServiceChains(servicePortNameBase(sp.namespace, sp.name, sp.proto, sp.portName));
  const port = String(sp.port);
  const name = sp.nameString;
  const affinity = sp.sessionAffinityClientIP;
  const endpointNames = endpointNamer(sp);

  // Chains are created in kube-proxy's order; the dump sorts them by name anyway.
  for (const ep of eps.reachable) table.chain(endpointNames(ep).chain);
  const { usesClusterPolicyChain, usesLocalPolicyChain, hasEndpoints, hasInternalEndpoints, hasExternalEndpoints, usesExternalChain } =
    policyFacts(sp, eps);
  if (usesClusterPolicyChain) table.chain(chains.cluster);
  if (usesLocalPolicyChain) table.chain(chains.local);
  const internalChain = sp.internalPolicyLocal ? chains.local : chains.cluster;
  const externalPolicyChain = sp.externalPolicyLocal ? chains.local : chains.cluster;
  if (usesExternalChain) table.chain(chains.external);

  // No endpoints anywhere: reject (the client gets an ICMP error); Local policy with none on
  // this node: drop (the client should retry another node).
  const filterVerdict = hasEndpoints ? 'drop' : `goto ${REJECT_CHAIN}`;
  const goto = (chain: string) => [`goto ${chain}`];
  const serviceIP = (ip: string, chain: string) => table.element(SERVICE_IPS, { key: [ip, sp.proto, port], value: goto(chain) });
  const noEndpoints = (ip: string) =>
    table.element(NO_ENDPOINT_SERVICES, { key: [ip, sp.proto, port], comment: name, value: [filterVerdict] });

  // Capture the clusterIP.
  table.element(CLUSTER_IPS, { key: [sp.clusterIP] });
  if (hasInternalEndpoints) serviceIP(sp.clusterIP, internalChain);
  else noEndpoints(sp.clusterIP);

  // Capture externalIPs.
  for (const ip of sp.externalIPs) {
    if (hasEndpoints) serviceIP(ip, chains.external);
    if (!hasExternalEndpoints) noEndpoints(ip);
  }

  // Capture load-balancer ingress; loadBalancerSourceRanges are checked before DNAT.
  const usesFWChain = sp.loadBalancerVIPs.length > 0 && sp.loadBalancerSourceRanges.length > 0;
  if (usesFWChain) table.chain(chains.firewall);
  for (const ip of sp.loadBalancerVIPs) {
    if (hasEndpoints) serviceIP(ip, chains.external);
    if (usesFWChain) table.element(FIREWALL_IPS, { key: [ip, sp.proto, port], value: goto(chains.firewall) });
  }
  if (!hasExternalEndpoints) for (const ip of sp.loadBalancerVIPs) noEndpoints(ip);

  // Capture NodePorts (not subject to loadBalancerSourceRanges).
  if (sp.nodePort !== 0) {
    const key = [sp.proto, String(sp.nodePort)];
    if (hasEndpoints) table.element(SERVICE_NODEPORTS, { key, value: goto(chains.external) });
    if (!hasExternalEndpoints) table.element(NO_ENDPOINT_NODEPORTS, { key, comment: name, value: [filterVerdict] });
  }

  // Internal traffic: masquerade what did not come from a pod (everything with masqueradeAll).
  // The service-ips lookup matched protocol and port already (kubernetes#131492, v1.34).
  if (hasInternalEndpoints) {
    const capture = `${ipX} daddr ${sp.clusterIP}`;
    if (ctx.masqueradeAll) table.rule(internalChain, `${capture} jump ${MARK_MASQ}`);
    else if (nctx.ifNotLocal) table.rule(internalChain, `${capture} ${nctx.ifNotLocal} jump ${MARK_MASQ}`);
  }

  // External traffic goes through external-*, which special-cases local sources, then to the policy chain.
  if (usesExternalChain) {
    if (!sp.externalPolicyLocal) {
      // The endpoint may be on another node: masquerade so the reply comes back this way.
      table.rule(chains.external, `jump ${MARK_MASQ}`);
    } else {
      // Pods and the node itself reach external addresses as if from outside and back: Cluster policy.
      if (nctx.ifLocal) table.rule(chains.external, `${nctx.ifLocal} goto ${chains.cluster}`, 'short-circuit pod traffic');
      table.rule(chains.external, `fib saddr type local jump ${MARK_MASQ}`, 'masquerade local traffic');
      table.rule(chains.external, `fib saddr type local goto ${chains.cluster}`, 'short-circuit local traffic');
    }
    if (hasExternalEndpoints) table.rule(chains.external, `goto ${externalPolicyChain}`);
  }

  if (usesFWChain) {
    const sources = sp.loadBalancerSourceRanges.map(formatPrefixGo);
    const nodeIP = ctx.nodeIP ? parseAddrSloppy(ctx.nodeIP) : undefined;
    // A node reaching its own LB VIP loops back with the VIP as source.
    if (nodeIP && sp.loadBalancerSourceRanges.some((cidr) => prefixContains(cidr, nodeIP))) sources.push(...sp.loadBalancerVIPs);
    table.rule(chains.firewall, `${ipX} saddr != { ${sources.join(' , ')} } drop`);
  }

  if (affinity) {
    for (const ep of eps.reachable) {
      table.set({
        name: endpointNames(ep).affinitySet,
        type: addrType,
        flags: ['dynamic', 'timeout'],
        timeoutSeconds: sp.stickyMaxAgeSeconds,
      });
    }
  }

  if (usesClusterPolicyChain) writeServiceToEndpointRules(table, sp, chains.cluster, eps.cluster, ipX, endpointNames);
  if (usesLocalPolicyChain) writeServiceToEndpointRules(table, sp, chains.local, eps.local, ipX, endpointNames);

  // One chain per endpoint: hairpin masquerade, affinity record, DNAT.
  for (const ep of eps.reachable) {
    const names = endpointNames(ep);
    table.rule(names.chain, `${ipX} saddr ${ep.ip} jump ${MARK_MASQ}`);
    if (affinity) table.rule(names.chain, `update @${names.affinitySet} { ${ipX} saddr }`);
    table.rule(names.chain, `meta l4proto ${sp.proto} dnat to ${ep.endpoint}`);
  }
}

/** Affinity lookups first, then one `numgen random` verdict map over the endpoints. */
function writeServiceToEndpointRules(
  table: NftTable,
  sp: ServicePortInfo,
  chain: string,
  endpoints: EndpointInfo[],
  ipX: string,
  endpointNames: NamesOf,
): void {
  if (sp.sessionAffinityClientIP) {
    for (const ep of endpoints) {
      const names = endpointNames(ep);
      table.rule(chain, `${ipX} saddr @${names.affinitySet} goto ${names.chain}`);
    }
  }
  const elements = endpoints.map((ep, i) => `${i} : goto ${endpointNames(ep).chain}`).join(' , ');
  table.rule(chain, `numgen random mod ${endpoints.length} vmap { ${elements} }`);
}
