// kube-proxy's EndpointsMap for one node and IP family: EndpointSlices grouped by
// service port, de-duplicated by `ip:port`, sorted by that string
// (pkg/proxy/endpointslicecache.go, v1.33).

import type { EndpointSlice } from '../manifest/types';
import { endpointChain } from './chainNames';
import { canonicalSloppy, joinHostPort, type Family } from '../net';
import { namespaceOf, SERVICE_NAME_LABEL } from '../k8s';

export interface EndpointInfo {
  ip: string;
  port: number;
  /** `ip:port` / `[ip]:port`: what kube-proxy sorts, hashes and DNATs to. */
  endpoint: string;
  isLocal: boolean;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  /** KUBE-SEP-* */
  chain: string;
}

/** Key of one service port in the endpoints map: `ns/name`, port name and protocol. */
export function endpointsKey(namespace: string, service: string, portName: string, protocol: string): string {
  return `${namespace}/${service}\u0000${portName}\u0000${protocol}`;
}

/** Endpoints per service port, keyed by endpointsKey; slices of the other family are ignored. */
export function buildEndpointsMap(slices: EndpointSlice[], family: Family, nodeName: string): Map<string, EndpointInfo[]> {
  const addressType = family === 4 ? 'IPv4' : 'IPv6';
  const sets = new Map<string, Map<string, EndpointInfo>>();
  // The cache walks slices in map order; sort by name so a duplicate endpoint resolves the same way every time.
  const ordered = [...slices].sort((a, b) => compareStrings(a.metadata.name, b.metadata.name));
  for (const slice of ordered) {
    const service = slice.metadata.labels?.[SERVICE_NAME_LABEL];
    const namespace = namespaceOf(slice);
    if (!service || slice.addressType !== addressType) continue;
    for (const port of slice.ports ?? []) {
      if (!port.port) continue;
      const portName = port.name ?? '';
      const protocol = port.protocol ?? 'TCP';
      const key = endpointsKey(namespace, service, portName, protocol);
      const nameString = portName ? `${namespace}/${service}:${portName}` : `${namespace}/${service}`;
      const set = sets.get(key) ?? new Map<string, EndpointInfo>();
      sets.set(key, set);
      for (const ep of slice.endpoints ?? []) {
        if (!ep.addresses?.length) continue;
        const ip = canonicalSloppy(ep.addresses[0]);
        if (ip === undefined) continue;
        const endpoint = joinHostPort(ip, port.port);
        // Unset conditions count as ready/serving; terminating only when said so.
        const terminating = ep.conditions?.terminating === true;
        const info: EndpointInfo = {
          ip,
          port: port.port,
          endpoint,
          isLocal: nodeName !== '' && ep.nodeName === nodeName,
          ready: ep.conditions?.ready !== false,
          serving: ep.conditions?.serving !== false,
          terminating,
          chain: endpointChain(nameString, protocol.toLowerCase(), endpoint),
        };
        // An IP reused while its old pod terminates: prefer the non-terminating one.
        if (!set.has(endpoint) || !terminating) set.set(endpoint, info);
      }
    }
  }
  const map = new Map<string, EndpointInfo[]>();
  for (const [key, set] of sets) {
    if (set.size === 0) continue;
    map.set(
      key,
      [...set.values()].sort((a, b) => compareStrings(a.endpoint, b.endpoint)),
    );
  }
  return map;
}

/** Go's string ordering (bytewise), not locale ordering. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
