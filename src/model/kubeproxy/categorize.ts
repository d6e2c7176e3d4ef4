// Which endpoints a node's rules use for Cluster and Local traffic policy
// (pkg/proxy/topology.go CategorizeEndpoints, v1.33; topology hints are not modelled).

import type { EndpointInfo } from './endpoints';
import { compareStrings } from './endpoints';
import { isExternallyAccessible, usesClusterEndpoints, usesLocalEndpoints, type ServicePortInfo } from './servicePorts';

export interface CategorizedEndpoints {
  /** Endpoints for Cluster policy: ready ones, else serving-and-terminating ones. */
  cluster: EndpointInfo[];
  /** This node's endpoints for Local policy, with the same fallback. */
  local: EndpointInfo[];
  /** Every endpoint some rule on this node can DNAT to (one KUBE-SEP chain each). */
  reachable: EndpointInfo[];
  /** Whether the Service has usable endpoints anywhere in the cluster. */
  hasAny: boolean;
}

const servingTerminating = (ep: EndpointInfo): boolean => ep.serving && ep.terminating;

export function categorizeEndpoints(endpoints: EndpointInfo[], sp: ServicePortInfo): CategorizedEndpoints {
  let cluster: EndpointInfo[] = [];
  let local: EndpointInfo[] = [];
  let hasAny = false;

  if (usesClusterEndpoints(sp)) {
    cluster = endpoints.filter((ep) => ep.ready);
    // No ready endpoint anywhere: fall back to terminating ones still serving, so connections drain.
    if (cluster.length === 0) cluster = endpoints.filter(servingTerminating);
    hasAny = cluster.length > 0;
  }
  if (!usesLocalEndpoints(sp)) return { cluster, local, reachable: cluster, hasAny };

  let localReady = false;
  let localServingTerminating = false;
  for (const ep of endpoints) {
    if (ep.ready) {
      hasAny = true;
      if (ep.isLocal) localReady = true;
    } else if (servingTerminating(ep)) {
      hasAny = true;
      if (ep.isLocal) localServingTerminating = true;
    }
  }
  if (localReady) local = endpoints.filter((ep) => ep.isLocal && ep.ready);
  else if (localServingTerminating) local = endpoints.filter((ep) => ep.isLocal && servingTerminating(ep));

  if (!usesClusterEndpoints(sp)) return { cluster, local, reachable: local, hasAny };
  // Local ready endpoints are a subset of the ready cluster endpoints.
  if (!localServingTerminating || localReady) return { cluster, local, reachable: cluster, hasAny };

  // kube-proxy merges the two lists through a map (random order); sorted here so output is stable.
  const merged = new Map<string, EndpointInfo>();
  for (const ep of [...cluster, ...local]) merged.set(ep.endpoint, ep);
  const reachable = [...merged.values()].sort((a, b) => compareStrings(a.endpoint, b.endpoint));
  return { cluster, local, reachable, hasAny };
}

/**
 * What a service port's rules need on this node, from its endpoints and traffic policies:
 * syncProxyRules works these out the same way in iptables and nftables mode; only the rules
 * written from them differ.
 */
export interface PolicyFacts {
  /** The Cluster-policy chain exists (some rule uses cluster-wide endpoints). */
  usesClusterPolicyChain: boolean;
  /** The Local-policy chain exists (some rule uses this node's endpoints). */
  usesLocalPolicyChain: boolean;
  hasEndpoints: boolean;
  /** Traffic from inside the cluster has an endpoint under the internal policy. */
  hasInternalEndpoints: boolean;
  /** Traffic from outside has an endpoint under the external policy. */
  hasExternalEndpoints: boolean;
  /** The external-traffic chain exists: its short-circuit rules for local sources are needed even with no endpoint for external traffic. */
  usesExternalChain: boolean;
}

export function policyFacts(sp: ServicePortInfo, eps: CategorizedEndpoints): PolicyFacts {
  const hasEndpoints = eps.hasAny;
  return {
    usesClusterPolicyChain: eps.cluster.length > 0 && usesClusterEndpoints(sp),
    usesLocalPolicyChain: eps.local.length > 0 && usesLocalEndpoints(sp),
    hasEndpoints,
    hasInternalEndpoints: hasEndpoints && !(sp.internalPolicyLocal && eps.local.length === 0),
    hasExternalEndpoints: hasEndpoints && !(sp.externalPolicyLocal && eps.local.length === 0),
    usesExternalChain: hasEndpoints && isExternallyAccessible(sp),
  };
}
