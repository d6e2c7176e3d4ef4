// The IPv6 side of a dual-stack dump (inferRanges.ts does IPv4): the IPv6 ClusterIPs the API server
// stored and the nodes' IPv6 InternalIPs widen the IPv6 service range and the LAN's IPv6 prefix
// when nobody declared them, so a k3s `--service-cidr=10.43.0.0/16,2001:db8:43::/112` dump keeps
// its dual-stack Services.

import type { Diagnostic } from '../diagnostics';
import { formatCidr6, parseCidr6, parseIPv6Sloppy, prefixMask6 } from '../net';
import type { Manifest } from '../manifest/types';
import { info, nodes, observedServices, type Seen } from './inferRanges';
import type { ClusterConfig } from './types';

/** The smallest prefix holding every address, never longer than `longestPrefix` (kubeadm's /112 for Services, a /64 LAN). */
function widen6(seen: Seen<bigint>[], longestPrefix: number): string {
  const values = seen.map((s) => s.value);
  const lo = values.reduce((a, b) => (b < a ? b : a));
  const hi = values.reduce((a, b) => (b > a ? b : a));
  let prefix = longestPrefix;
  while (prefix > 0 && (lo & prefixMask6(prefix)) !== (hi & prefixMask6(prefix))) prefix--;
  return formatCidr6({ base: lo & prefixMask6(prefix), prefix });
}

const inside = (cidr: string, v: bigint): boolean => {
  const c = parseCidr6(cidr);
  return c !== undefined && (v & prefixMask6(c.prefix)) === c.base;
};

function clusterIPs6(manifests: Manifest[]): Seen<bigint>[] {
  return observedServices(manifests).flatMap((m) =>
    (m.object.spec.clusterIPs ?? []).flatMap((text, i) => {
      const value = text.includes(':') ? parseIPv6Sloppy(text) : undefined;
      return value === undefined ? [] : [{ value, text, m, path: `spec.clusterIPs.${i}` }];
    }),
  );
}

function internalIPs6(manifests: Manifest[]): Seen<bigint>[] {
  return nodes(manifests).flatMap((m) =>
    (m.object.status?.addresses ?? []).flatMap((a, i) => {
      const value = a.type === 'InternalIP' && a.address.includes(':') ? parseIPv6Sloppy(a.address) : undefined;
      return value === undefined ? [] : [{ value, text: a.address, m, path: `status.addresses.${i}.address` }];
    }),
  );
}

export function inferRanges6(config: ClusterConfig, manifests: Manifest[], diagnostics: Diagnostic[]): void {
  const ds = config.dualStack;
  if (!ds) return;
  if (!config.fromManifests.includes('dualStack.serviceCIDR')) {
    const ips = clusterIPs6(manifests);
    const out = ips.find((s) => !inside(ds.serviceCIDR, s.value));
    if (out) {
      ds.serviceCIDR = widen6(ips, 112);
      diagnostics.push(info('ranges.inferred.serviceCIDR', { cidr: ds.serviceCIDR }, out));
    }
  }
  const ips = internalIPs6(manifests);
  const out = ips.find((s) => !inside(ds.nodeSubnet, s.value));
  if (out) {
    ds.nodeSubnet = widen6(ips, 64);
    diagnostics.push(info('ranges.inferred.nodeSubnet', { cidr: ds.nodeSubnet }, out));
  }
}
