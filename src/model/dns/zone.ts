// The cluster zone as CoreDNS's kubernetes plugin sees it (v1.12.1): Services, EndpointSlices reduced
// to their ready addresses, Namespaces; and how it maps a query name onto them (parse.go,
// kubernetes.go findServices/findPods, reverse.go).

import type { ClusterState } from '../cluster/types';
import type { Service } from '../manifest/types';
import { absolute, dashed, labelsBelow, strictIPv4 } from './names';
import type { ExplainKey } from '../explainKeys';
import type { Explanation } from './types';
import { namespacedName, namespaceOf, SERVICE_NAME_LABEL } from '../k8s';

/** CoreDNS's object.EndpointAddress. */
export interface ZoneAddress {
  ip: string;
  hostname?: string;
}

/** One EndpointSlice as CoreDNS keeps it: ready addresses only; port -1 stands for "no ports". */
export interface ZoneEndpoints {
  addresses: ZoneAddress[];
  ports: { port: number; name: string; protocol: string }[];
  /** Endpoints left out because they are not ready (kept only to explain the answer). */
  notReady: number;
}

export interface ClusterZone {
  /** The cluster domain, absolute: `cluster.local.` */
  origin: string;
  namespaces: Set<string>;
  /** Keyed `namespace/name`. */
  services: Map<string, Service>;
  /** Keyed by the Service's `namespace/name` (the slice's kubernetes.io/service-name label). */
  endpoints: Map<string, ZoneEndpoints[]>;
  /** The ClusterIPs of kube-system/kube-dns: the address pods send queries to. */
  dnsServiceIPs: string[];
  /** The kubernetes plugin's `pods` mode: disabled (its default), insecure (kubeadm's) or verified. */
  pods: string;
  /** `namespace/address` of every pod with an address, for `pods verified`. */
  podAddresses: Set<string>;
}

export function clusterZone(state: ClusterState, origin = absolute(state.config.clusterDomain), pods = 'insecure'): ClusterZone {
  const services = new Map(state.services.map((s) => [namespacedName(s), s]));
  const endpoints = new Map<string, ZoneEndpoints[]>();
  for (const slice of state.endpointSlices) {
    const service = slice.metadata.labels?.[SERVICE_NAME_LABEL];
    if (!service || slice.addressType === 'FQDN') continue;
    const key = `${namespaceOf(slice)}/${service}`;
    // endpointsliceReady: a missing condition counts as ready.
    const ready = slice.endpoints.filter((e) => e.conditions.ready !== false);
    const entry: ZoneEndpoints = {
      addresses: ready.flatMap((e) => e.addresses.map((ip) => (e.hostname ? { ip, hostname: e.hostname } : { ip }))),
      ports: slice.ports.length
        ? slice.ports.map((p) => ({ port: p.port, name: p.name ?? '', protocol: p.protocol }))
        : [{ port: -1, name: '', protocol: '' }],
      notReady: slice.endpoints.length - ready.length,
    };
    endpoints.set(key, [...(endpoints.get(key) ?? []), entry]);
  }
  const kubeDns = services.get('kube-system/kube-dns');
  return {
    origin,
    namespaces: new Set(state.namespaces.map((n) => n.metadata.name)),
    services,
    endpoints,
    dnsServiceIPs: kubeDns ? clusterIPs(kubeDns) : [],
    pods,
    podAddresses: new Set(state.pods.flatMap((p) => (p.status.podIP ? [`${namespaceOf(p)}/${p.status.podIP}`] : []))),
  };
}

/** The Service's virtual addresses (none for headless and ExternalName Services). */
export function clusterIPs(svc: Service): string[] {
  return (svc.spec.clusterIPs ?? [svc.spec.clusterIP ?? '']).filter((ip) => strictIPv4(ip));
}

export function isHeadless(svc: Service): boolean {
  return svc.spec.clusterIP === 'None';
}

/** endpointHostname: the endpoint's hostname, else its address with dashes. */
export function endpointName(addr: ZoneAddress): string {
  return addr.hostname ?? dashed(addr.ip);
}

/** CoreDNS's msg.Service: a host (address or name), a port, and the owner name its SRV target uses. */
export interface Found {
  host: string;
  port: number;
  /** Absolute owner name: `svc.ns.svc.zone.`, `host.svc.ns.svc.zone.` or `a-b-c-d.ns.pod.zone.` */
  owner: string;
  from: 'clusterIP' | 'endpoint' | 'externalName' | 'pod';
}

/** The outcome of looking a name up in the zone, before the query type is applied. */
export type ZoneResult =
  | { kind: 'found'; found: Found[]; service?: Service; request: ZoneRequest; why: Explanation }
  | { kind: 'nodata'; why: Explanation }
  | { kind: 'nxdomain'; why: Explanation };

/** parse.go's recordRequest. */
export interface ZoneRequest {
  port: string;
  protocol: string;
  endpoint: string;
  service: string;
  namespace: string;
  podOrSvc: 'svc' | 'pod';
}

/** The reasons CoreDNS's kubernetes plugin answers NXDOMAIN, each an `explain.dns.nxdomain.*` message. */
type NxReason = ExplainKey extends infer K ? (K extends `explain.dns.nxdomain.${infer R}` ? R : never) : never;

function nx(key: NxReason, params: Explanation['params']): ZoneResult {
  return { kind: 'nxdomain', why: { key: `explain.dns.nxdomain.${key}`, params } };
}

const stripUnderscore = (s: string) => (s.startsWith('_') ? s.slice(1) : s);
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
/** matchPortAndProtocol: an empty request part is a wildcard. */
const portMatches = (req: ZoneRequest, name: string, protocol: string) =>
  (req.port === '' || same(req.port, name)) && (req.protocol === '' || same(req.protocol, protocol));

/** Records(): a name inside the cluster zone (absolute, lower-case) mapped onto Services and pods. */
export function zoneRecords(zone: ClusterZone, qname: string): ZoneResult {
  const segs = labelsBelow(qname, zone.origin);
  const nodata: ZoneResult = { kind: 'nodata', why: { key: 'explain.dns.nodata.partial', params: { qname } } };
  // The apex and the bare `svc` / `pod` names exist but hold nothing.
  if (segs.length === 0 || (segs.length === 1 && (segs[0] === 'svc' || segs[0] === 'pod'))) return nodata;
  const podOrSvc = segs[segs.length - 1]!;
  if (podOrSvc !== 'svc' && podOrSvc !== 'pod') return nx('schema', { qname, label: podOrSvc, zone: zone.origin });
  const rest = segs.slice(0, -1);
  const namespace = rest.pop()!;
  const service = rest.pop() ?? '';
  const req: ZoneRequest = { port: '', protocol: '', endpoint: '', service, namespace, podOrSvc };
  if (rest.length === 1) req.endpoint = rest[0]!;
  else if (rest.length === 2) [req.port, req.protocol] = [stripUnderscore(rest[0]!), stripUnderscore(rest[1]!)];
  else if (rest.length > 2) return nx('tooLong', { qname });

  if (!zone.namespaces.has(namespace)) return nx('noNamespace', { qname, namespace });
  if (!service) return nodata;
  return podOrSvc === 'pod' ? findPod(zone, req, qname) : findService(zone, req, qname);
}

/** findPods: `pods insecure` turns the name back into an address without consulting any pod; `verified` needs a pod with it. */
function findPod(zone: ClusterZone, req: ZoneRequest, qname: string): ZoneResult {
  if (zone.pods !== 'insecure' && zone.pods !== 'verified') return nx('podsDisabled', { qname });
  const name = req.service;
  const ip = (name.match(/-/g) ?? []).length === 3 && !name.includes('--') ? strictIPv4(name.replace(/-/g, '.')) : undefined;
  if (!ip) return nx('podName', { qname, label: name });
  if (zone.pods === 'verified' && !zone.podAddresses.has(`${req.namespace}/${ip}`))
    return nx('podVerified', { qname, ip, namespace: req.namespace });
  const owner = `${name}.${req.namespace}.pod.${zone.origin}`;
  return {
    kind: 'found',
    found: [{ host: ip, port: 0, owner, from: 'pod' }],
    request: req,
    why: { key: 'explain.dns.answer.pod', params: { qname, ip, namespace: req.namespace } },
  };
}

function findService(zone: ClusterZone, req: ZoneRequest, qname: string): ZoneResult {
  const svc = zone.services.get(`${req.namespace}/${req.service}`);
  if (!svc) return nx('noService', { qname, service: req.service, namespace: req.namespace });
  const base = `${svc.metadata.name}.${req.namespace}.svc.${zone.origin}`;
  const params = { qname, service: svc.metadata.name, namespace: req.namespace };

  if (svc.spec.type === 'ExternalName') {
    const target = svc.spec.externalName ?? '';
    // External services have no endpoints; an address in externalName is not a CNAME and is ignored.
    if (req.endpoint) return nx('externalNameEndpoint', { ...params, endpoint: req.endpoint });
    if (!target || strictIPv4(target)) return nx('externalNameAddress', { ...params, target });
    return {
      kind: 'found',
      found: [{ host: target, port: 0, owner: base, from: 'externalName' }],
      service: svc,
      request: req,
      why: { key: 'explain.dns.answer.externalName', params: { ...params, target: absolute(target) } },
    };
  }

  if (isHeadless(svc) || req.endpoint) {
    const found: Found[] = [];
    let notReady = 0;
    for (const ep of zone.endpoints.get(`${req.namespace}/${svc.metadata.name}`) ?? []) {
      notReady += ep.notReady;
      for (const addr of ep.addresses) {
        if (req.endpoint && !same(req.endpoint, endpointName(addr))) continue;
        for (const p of ep.ports) {
          if (!portMatches(req, p.name, p.protocol)) continue;
          found.push({ host: addr.ip, port: p.port, owner: `${endpointName(addr)}.${base}`, from: 'endpoint' });
        }
      }
    }
    if (!found.length) {
      if (req.endpoint) return nx('noEndpoint', { ...params, endpoint: req.endpoint });
      if (req.port) return nx('noPort', { ...params, port: req.port, protocol: req.protocol });
      return nx('headlessEmpty', { ...params, notReady });
    }
    const ips = [...new Set(found.map((f) => f.host))];
    const why: Explanation = req.endpoint
      ? { key: 'explain.dns.answer.endpoint', params: { ...params, endpoint: req.endpoint, ip: ips.join(', ') } }
      : { key: 'explain.dns.answer.headless', params: { ...params, ips: ips.join(', '), count: ips.length, notReady } };
    return { kind: 'found', found, service: svc, request: req, why };
  }

  const found: Found[] = [];
  for (const p of svc.spec.ports) {
    if (!portMatches(req, p.name ?? '', p.protocol)) continue;
    for (const ip of clusterIPs(svc)) found.push({ host: ip, port: p.port, owner: base, from: 'clusterIP' });
  }
  if (!found.length) return nx('noPort', { ...params, port: req.port, protocol: req.protocol });
  const ip = found[0]!.host;
  return { kind: 'found', found, service: svc, request: req, why: { key: 'explain.dns.answer.clusterIP', params: { ...params, ip } } };
}

/** serviceRecordForIP: a ClusterIP names its Service; otherwise every ready endpoint with that address. */
export function reverseRecords(zone: ClusterZone, ip: string): { targets: string[]; why: Explanation } {
  for (const [key, svc] of zone.services) {
    if (clusterIPs(svc).includes(ip)) {
      const [namespace, name] = key.split('/') as [string, string];
      return {
        targets: [`${name}.${namespace}.svc.${zone.origin}`],
        why: { key: 'explain.dns.answer.ptrService', params: { ip, service: name, namespace } },
      };
    }
  }
  const targets: string[] = [];
  for (const [key, slices] of zone.endpoints) {
    const [namespace, name] = key.split('/') as [string, string];
    for (const ep of slices) {
      for (const addr of ep.addresses) if (addr.ip === ip) targets.push(`${endpointName(addr)}.${name}.${namespace}.svc.${zone.origin}`);
    }
  }
  return { targets: [...new Set(targets)], why: { key: 'explain.dns.answer.ptrEndpoint', params: { ip, count: targets.length } } };
}
