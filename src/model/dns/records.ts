// Every record the cluster zone holds, listed the way CoreDNS's zone transfer walks it
// (plugin/kubernetes/xfr.go, v1.12.1), without the SOA and NS bookends.
// Pod names (`a-b-c-d.ns.pod.…`) are not listed: in `pods insecure` mode they are made up per query.

import type { ClusterState } from '../cluster/types';
import { TTL } from './lookup';
import { absolute, strictIPv4 } from './names';
import type { ResourceRecord } from './types';
import { clusterIPs, clusterZone, endpointName, isHeadless } from './zone';

/** calcSRVWeight: equal shares of 100 among the records of one slice. */
function weightFor(count: number): number {
  return Math.max(1, Math.floor(10000 / (100 * Math.max(count, 1))));
}

export function dnsRecords(state: ClusterState): ResourceRecord[] {
  const zone = clusterZone(state);
  const out: ResourceRecord[] = [];
  const a = (name: string, address: string) => out.push({ name, type: 'A', ttl: TTL, address });
  const srv = (name: string, port: number, target: string, weight: number) =>
    out.push({ name, type: 'SRV', ttl: TTL, priority: 0, weight, port, target });

  // The transfer orders Services by name only; the namespace breaks ties so the listing is stable.
  const services = [...zone.services.entries()].sort(([ka, a1], [kb, b1]) =>
    a1.metadata.name === b1.metadata.name ? (ka < kb ? -1 : 1) : a1.metadata.name < b1.metadata.name ? -1 : 1,
  );
  for (const [key, svc] of services) {
    const namespace = key.split('/')[0]!;
    const base = `${svc.metadata.name}.${namespace}.svc.${zone.origin}`;
    if (svc.spec.type === 'ExternalName') {
      const target = svc.spec.externalName ?? '';
      if (target && !strictIPv4(target)) out.push({ name: base, type: 'CNAME', ttl: TTL, target: absolute(target) });
      continue;
    }
    if (!isHeadless(svc)) {
      const ips = clusterIPs(svc);
      if (!ips.length) continue;
      ips.forEach((ip) => a(base, ip));
      for (const p of svc.spec.ports) {
        srv(base, p.port, base, 100); // kept for peer-finder, which asks the bare name
        // The DNS spec gives SRV records to named ports only.
        if (p.name) srv(`_${p.name.toLowerCase()}._${p.protocol.toLowerCase()}.${base}`, p.port, base, 100);
      }
      continue;
    }
    for (const ep of zone.endpoints.get(key) ?? []) {
      const weight = weightFor(ep.addresses.length);
      for (const addr of ep.addresses) {
        a(base, addr.ip);
        const host = `${endpointName(addr)}.${base}`;
        a(host, addr.ip);
        for (const p of ep.ports) {
          if (p.name) srv(`_${p.name.toLowerCase()}._${p.protocol.toLowerCase()}.${base}`, p.port, host, weight);
        }
      }
    }
  }
  return out;
}

/** One record as `dig` prints it: `name ttl IN type data`. */
export function formatRecord(rr: ResourceRecord): string {
  const data =
    rr.type === 'A' || rr.type === 'AAAA'
      ? rr.address
      : rr.type === 'SRV'
        ? `${rr.priority} ${rr.weight} ${rr.port} ${rr.target}`
        : rr.target;
  return `${rr.name}\t${rr.ttl}\tIN\t${rr.type}\t${data}`;
}
