// Which endpoints a node's rules use for Cluster and Local traffic policy
// (pkg/proxy/topology.go CategorizeEndpoints, v1.33; topology hints are not modelled).

import type { EndpointInfo } from './endpoints';
import { compareStrings } from './endpoints';
import { usesClusterEndpoints, usesLocalEndpoints, type ServicePortInfo } from './servicePorts';

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
