// The rules kube-proxy writes for one service port on one node, in the order
// syncProxyRules writes them (pkg/proxy/iptables/proxier.go, v1.33).

import { policyFacts, type CategorizedEndpoints } from './categorize';
import type { EndpointInfo } from './endpoints';
import { formatPrefixGo, parseAddrSloppy, prefixContains } from '../net';
import { probability } from './probability';
import { NFACCT_LOCALHOST_NODEPORT, type ProxyContext } from './proxyContext';
import type { RestoreRule } from './restoreText';
import type { ServicePortInfo } from './servicePorts';

export const KUBE_SERVICES = 'KUBE-SERVICES';
export const KUBE_EXTERNAL_SERVICES = 'KUBE-EXTERNAL-SERVICES';
export const KUBE_NODEPORTS = 'KUBE-NODEPORTS';
export const KUBE_POSTROUTING = 'KUBE-POSTROUTING';
export const KUBE_MARK_MASQ = 'KUBE-MARK-MASQ';
export const KUBE_FORWARD = 'KUBE-FORWARD';
export const KUBE_PROXY_FIREWALL = 'KUBE-PROXY-FIREWALL';
export const KUBE_FIREWALL = 'KUBE-FIREWALL';

/** Where one sync's lines accumulate, like kube-proxy's four LineBuffers. */
export interface RestoreBuffers {
  filterChains: string[];
  filterRules: RestoreRule[];
  natChains: string[];
  natRules: RestoreRule[];
}

export interface SyncOptions {
  ctx: ProxyContext;
  /** More than 1000 endpoints in total: kube-proxy drops the per-endpoint comments. */
  largeClusterMode: boolean;
}

export function writeServicePortRules(
  out: RestoreBuffers,
  sp: ServicePortInfo,
  eps: CategorizedEndpoints,
  { ctx, largeClusterMode }: SyncOptions,
): void {
  const { proto, nameString: name, chains } = sp;
  const port = String(sp.port);
  const match = ['-m', proto, '-p', proto];
  const filter = (chain: string, ...args: string[]): void => void out.filterRules.push({ chain, args });
  const nat = (chain: string, ...args: string[]): void => void out.natRules.push({ chain, args });
  const newChain = (chain: string): void => void out.natChains.push(chain);
  const comment = (text: string): string[] => ['-m', 'comment', '--comment', text];
  const endpointComment = (text: string): string[] => (largeClusterMode ? [] : comment(text));

  const { usesClusterPolicyChain, usesLocalPolicyChain, hasEndpoints, hasInternalEndpoints, hasExternalEndpoints, usesExternalChain } =
    policyFacts(sp, eps);
  const internalChain = sp.internalPolicyLocal ? chains.local : chains.cluster;
  const externalPolicyChain = sp.externalPolicyLocal ? chains.local : chains.cluster;
  const usesFWChain = hasEndpoints && sp.loadBalancerVIPs.length > 0 && sp.loadBalancerSourceRanges.length > 0;
  const loadBalancerChain = usesFWChain ? chains.firewall : chains.external;

  // No endpoints anywhere: REJECT (the client gets an ICMP error); Local policy with
  // none on this node: DROP (the client should retry another node).
  const internalFilter = !hasEndpoints
    ? { target: 'REJECT', comment: `${name} has no endpoints` }
    : { target: 'DROP', comment: `${name} has no local endpoints` };
  const externalFilter = internalFilter;

  // Capture the clusterIP.
  if (hasInternalEndpoints) {
    nat(KUBE_SERVICES, ...comment(`${name} cluster IP`), ...match, '-d', sp.clusterIP, '--dport', port, '-j', internalChain);
  } else {
    filter(KUBE_SERVICES, ...comment(internalFilter.comment), ...match, '-d', sp.clusterIP, '--dport', port, '-j', internalFilter.target);
  }

  // Capture externalIPs.
  for (const ip of sp.externalIPs) {
    if (hasEndpoints) {
      nat(KUBE_SERVICES, ...comment(`${name} external IP`), ...match, '-d', ip, '--dport', port, '-j', chains.external);
    }
    if (!hasExternalEndpoints) {
      filter(KUBE_EXTERNAL_SERVICES, ...comment(externalFilter.comment), ...match, '-d', ip, '--dport', port, '-j', externalFilter.target);
    }
  }

  // Capture load-balancer ingress.
  for (const ip of sp.loadBalancerVIPs) {
    if (hasEndpoints) {
      nat(KUBE_SERVICES, ...comment(`${name} loadbalancer IP`), ...match, '-d', ip, '--dport', port, '-j', loadBalancerChain);
    }
    if (usesFWChain) {
      filter(
        KUBE_PROXY_FIREWALL,
        ...comment(`${name} traffic not accepted by ${chains.firewall}`),
        ...match,
        '-d',
        ip,
        '--dport',
        port,
        '-j',
        'DROP',
      );
    }
  }
  if (!hasExternalEndpoints) {
    for (const ip of sp.loadBalancerVIPs) {
      filter(KUBE_EXTERNAL_SERVICES, ...comment(externalFilter.comment), ...match, '-d', ip, '--dport', port, '-j', externalFilter.target);
    }
  }

  // Capture nodeports (not subject to loadBalancerSourceRanges).
  if (sp.nodePort !== 0) {
    const nodePort = String(sp.nodePort);
    if (hasEndpoints) {
      if (ctx.localhostNodePorts && ctx.family === 4 && ctx.features.nfacct) {
        nat(
          KUBE_NODEPORTS,
          ...comment(name),
          ...match,
          '-d',
          '127.0.0.0/8',
          '--dport',
          nodePort,
          '-m',
          'nfacct',
          '--nfacct-name',
          NFACCT_LOCALHOST_NODEPORT,
          '-j',
          chains.external,
        );
      }
      nat(KUBE_NODEPORTS, ...comment(name), ...match, '--dport', nodePort, '-j', chains.external);
    }
    if (!hasExternalEndpoints) {
      filter(
        KUBE_EXTERNAL_SERVICES,
        ...comment(externalFilter.comment),
        '-m',
        'addrtype',
        '--dst-type',
        'LOCAL',
        ...match,
        '--dport',
        nodePort,
        '-j',
        externalFilter.target,
      );
    }
  }

  // The health-check NodePort answers whether or not this node has local endpoints.
  if (sp.healthCheckNodePort !== 0) {
    filter(
      KUBE_NODEPORTS,
      ...comment(`${name} health check node port`),
      '-m',
      'tcp',
      '-p',
      'tcp',
      '--dport',
      String(sp.healthCheckNodePort),
      '-j',
      'ACCEPT',
    );
  }

  // Internal traffic: masquerade what did not come from a pod (or everything with masqueradeAll).
  if (hasInternalEndpoints) {
    const capture = [...comment(`${name} cluster IP`), ...match, '-d', sp.clusterIP, '--dport', port];
    if (ctx.masqueradeAll) nat(internalChain, ...capture, '-j', KUBE_MARK_MASQ);
    else if (ctx.localDetector) nat(internalChain, ...capture, ...ctx.localDetector.ifNotLocal, '-j', KUBE_MARK_MASQ);
  }

  // External traffic goes through KUBE-EXT-*, which special-cases local sources, then to the policy chain.
  if (usesExternalChain) {
    newChain(chains.external);
    if (!sp.externalPolicyLocal) {
      nat(chains.external, ...comment(`masquerade traffic for ${name} external destinations`), '-j', KUBE_MARK_MASQ);
    } else {
      if (ctx.localDetector) {
        nat(
          chains.external,
          ...comment(`pod traffic for ${name} external destinations`),
          ...ctx.localDetector.ifLocal,
          '-j',
          chains.cluster,
        );
      }
      nat(
        chains.external,
        ...comment(`masquerade LOCAL traffic for ${name} external destinations`),
        '-m',
        'addrtype',
        '--src-type',
        'LOCAL',
        '-j',
        KUBE_MARK_MASQ,
      );
      nat(
        chains.external,
        ...comment(`route LOCAL traffic for ${name} external destinations`),
        '-m',
        'addrtype',
        '--src-type',
        'LOCAL',
        '-j',
        chains.cluster,
      );
    }
    if (hasExternalEndpoints) nat(chains.external, '-j', externalPolicyChain);
  }

  // loadBalancerSourceRanges.
  if (usesFWChain) {
    newChain(chains.firewall);
    const head = comment(`${name} loadbalancer IP`);
    const nodeIP = ctx.nodeIP ? parseAddrSloppy(ctx.nodeIP) : undefined;
    let allowFromNode = false;
    for (const cidr of sp.loadBalancerSourceRanges) {
      nat(chains.firewall, ...head, '-s', formatPrefixGo(cidr), '-j', chains.external);
      if (nodeIP && prefixContains(cidr, nodeIP)) allowFromNode = true;
    }
    // A node reaching its own LB VIP loops back with the VIP as source.
    if (allowFromNode) {
      for (const ip of sp.loadBalancerVIPs) nat(chains.firewall, ...head, '-s', ip, '-j', chains.external);
    }
    nat(chains.firewall, ...comment(`other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL`));
  }

  if (usesClusterPolicyChain) {
    newChain(chains.cluster);
    writeServiceToEndpointRules(out, sp, chains.cluster, eps.cluster, endpointComment);
  }
  if (usesLocalPolicyChain) {
    newChain(chains.local);
    writeServiceToEndpointRules(out, sp, chains.local, eps.local, endpointComment);
  }

  // One KUBE-SEP chain per endpoint: hairpin masquerade, then DNAT.
  for (const ep of eps.reachable) {
    newChain(ep.chain);
    const head = endpointComment(name);
    nat(ep.chain, ...head, '-s', ep.ip, '-j', KUBE_MARK_MASQ);
    const affinity = sp.sessionAffinityClientIP ? ['-m', 'recent', '--name', ep.chain, '--set'] : [];
    nat(ep.chain, ...head, ...affinity, ...match, '-j', 'DNAT', '--to-destination', ep.endpoint);
  }
}

/** The `statistic random` cascade (preceded by `recent` checks for ClientIP affinity). */
function writeServiceToEndpointRules(
  out: RestoreBuffers,
  sp: ServicePortInfo,
  chain: string,
  endpoints: EndpointInfo[],
  endpointComment: (text: string) => string[],
): void {
  if (sp.sessionAffinityClientIP) {
    for (const ep of endpoints) {
      out.natRules.push({
        chain,
        args: [
          ...endpointComment(`${sp.nameString} -> ${ep.endpoint}`),
          '-m',
          'recent',
          '--name',
          ep.chain,
          '--rcheck',
          '--seconds',
          String(sp.stickyMaxAgeSeconds),
          '--reap',
          '-j',
          ep.chain,
        ],
      });
    }
  }
  endpoints.forEach((ep, i) => {
    const random =
      i < endpoints.length - 1 ? ['-m', 'statistic', '--mode', 'random', '--probability', probability(endpoints.length - i)] : [];
    out.natRules.push({ chain, args: [...endpointComment(`${sp.nameString} -> ${ep.endpoint}`), ...random, '-j', ep.chain] });
  });
}
