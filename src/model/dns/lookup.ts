// What CoreDNS answers (v1.12.1, kubeadm's Corefile): the kubernetes plugin for cluster.local and the
// reverse zones (plugin/backend_lookup.go A/AAAA/SRV/CNAME/PTR), `forward . /etc/resolv.conf` for the rest.

import type { ClusterState } from '../cluster/types';
import { lanRouter } from '../network/lan';
import { absolute, addressFromReverse, inZone, labels, strictIPv4 } from './names';
import type { DnsAnswer, DnsOptions, Explanation, NodeResolvConf, QType, Rcode, ResourceRecord } from './types';
import { clusterZone, reverseRecords, zoneRecords, type ClusterZone, type Found } from './zone';

/** kubeadm's Corefile: `ttl 30` in the kubernetes block; `cache 30` caps forwarded answers the same. */
export const TTL = 30;
/** Longest CNAME chain CoreDNS follows inside its zone (raised from 7 in v1.12.1). */
const MAX_CNAME_CHAIN = 10;
const REVERSE_ZONES = ['in-addr.arpa.', 'ip6.arpa.'];

/** The node's resolv.conf when the caller gives none: the LAN's router, no search domains. */
export function defaultNodeResolvConf(state: ClusterState): NodeResolvConf {
  return { nameservers: [lanRouter(state).ip], searches: [], options: [] };
}

function reply(
  qname: string,
  qtype: QType,
  rcode: Rcode,
  answers: ResourceRecord[],
  explanation: Explanation,
  extra: Partial<DnsAnswer> = {},
): DnsAnswer {
  return { qname, qtype, rcode, authoritative: true, answers, additional: [], explanation, ...extra };
}

const nodata = (qname: string, qtype: QType): Explanation => ({ key: 'explain.dns.answer.nodata', params: { qname, qtype } });

/** CoreDNS as the cluster runs it, with the index its informers hold. */
export class CoreDns {
  readonly zone: ClusterZone;
  /** Where `forward . /etc/resolv.conf` sends what is not the cluster's: the nameservers of the CoreDNS pods' nodes. */
  readonly forwardTo: string[];
  private readonly upstream: Map<string, string[] | 'NXDOMAIN'>;

  constructor(state: ClusterState, options: DnsOptions = {}) {
    this.zone = clusterZone(state);
    this.forwardTo = (options.nodeResolvConf ?? defaultNodeResolvConf(state)).nameservers;
    this.upstream = new Map(Object.entries(options.upstream ?? {}).map(([name, v]) => [absolute(name), v]));
  }

  answer(name: string, qtype: QType): DnsAnswer {
    const qname = absolute(name);
    if (inZone(qname, this.zone.origin)) return this.authoritative(qname, qtype);
    const reverse = REVERSE_ZONES.find((z) => inZone(qname, z));
    if (reverse) {
      const ip = qtype === 'PTR' ? addressFromReverse(qname) : undefined;
      const found = ip ? reverseRecords(this.zone, ip) : undefined;
      if (found?.targets.length) {
        const answers = found.targets.map((target): ResourceRecord => ({ name: qname, type: 'PTR', ttl: TTL, target }));
        return reply(qname, qtype, 'NOERROR', answers, found.why);
      }
      // `fallthrough in-addr.arpa ip6.arpa`: what the cluster does not know goes on to `forward`.
    }
    return this.outside(qname, qtype, 'forward');
  }

  /** A question for a resolver outside the cluster: CoreDNS forwarding it, or a pod asking it directly. */
  outside(name: string, qtype: QType, via: 'forward' | 'direct', server?: string): DnsAnswer {
    const qname = absolute(name);
    const to = server ? [server] : this.forwardTo;
    const params = { qname, qtype, upstream: to.join(', ') };
    const base = { authoritative: false, forwarded: { to, name: qname, known: true } };
    if (via === 'direct' && inZone(qname, this.zone.origin)) {
      // Nothing but the cluster's DNS serves the cluster domain.
      return reply(
        qname,
        qtype,
        'NXDOMAIN',
        [],
        { key: 'explain.dns.direct.clusterName', params: { ...params, zone: this.zone.origin } },
        base,
      );
    }
    const entry = this.upstream.get(qname);
    if (entry === undefined && labels(qname).length === 1) {
      // A single label is a top-level domain; the root zone answers NXDOMAIN for one that does not exist.
      return reply(qname, qtype, 'NXDOMAIN', [], { key: `explain.dns.${via}.noTld`, params }, base);
    }
    if (entry === undefined) {
      return reply(
        qname,
        qtype,
        'UNKNOWN',
        [],
        { key: `explain.dns.${via}.unknown`, params },
        {
          ...base,
          forwarded: { to, name: qname, known: false },
        },
      );
    }
    if (entry === 'NXDOMAIN') return reply(qname, qtype, 'NXDOMAIN', [], { key: `explain.dns.${via}.nxdomain`, params }, base);
    const answers =
      qtype === 'A'
        ? entry.filter((ip) => strictIPv4(ip)).map((address): ResourceRecord => ({ name: qname, type: 'A', ttl: TTL, address }))
        : [];
    const why: Explanation = answers.length
      ? { key: `explain.dns.${via}.answer`, params: { ...params, ips: entry.join(', ') } }
      : nodata(qname, qtype);
    return reply(qname, qtype, 'NOERROR', answers, why, base);
  }

  private authoritative(qname: string, qtype: QType): DnsAnswer {
    if (qname === `ns.dns.${this.zone.origin}`) {
      // isDefaultNS: the zone's nameserver is the kube-dns Service address.
      const answers =
        qtype === 'A' ? this.zone.dnsServiceIPs.map((address): ResourceRecord => ({ name: qname, type: 'A', ttl: TTL, address })) : [];
      const why: Explanation = answers.length
        ? { key: 'explain.dns.answer.nameserver', params: { qname, ip: this.zone.dnsServiceIPs.join(', ') } }
        : nodata(qname, qtype);
      return reply(qname, qtype, 'NOERROR', answers, why);
    }
    const result = zoneRecords(this.zone, qname);
    if (result.kind === 'nxdomain') return reply(qname, qtype, 'NXDOMAIN', [], result.why);
    if (result.kind === 'nodata') return reply(qname, qtype, 'NOERROR', [], result.why);
    switch (qtype) {
      case 'A':
      case 'AAAA': {
        const { answers, forwarded } = this.addresses(qname, qtype, result.found, []);
        const why = answers.length || forwarded ? this.explainAddresses(result.why, answers, forwarded) : nodata(qname, qtype);
        return reply(qname, qtype, 'NOERROR', answers, why, forwarded ? { forwarded } : {});
      }
      case 'SRV':
        return this.srv(qname, result.found);
      case 'CNAME': {
        const named = result.found.find((f) => !strictIPv4(f.host));
        return named
          ? reply(qname, qtype, 'NOERROR', [{ name: qname, type: 'CNAME', ttl: TTL, target: absolute(named.host) }], {
              key: 'explain.dns.answer.cname',
              params: { qname, target: absolute(named.host) },
            })
          : reply(qname, qtype, 'NOERROR', [], nodata(qname, qtype));
      }
      case 'PTR':
        return reply(qname, qtype, 'NOERROR', [], nodata(qname, qtype));
    }
  }

  /** plugin.A / plugin.AAAA: addresses as they are, names followed as CNAMEs (inside the zone, or upstream). */
  private addresses(
    qname: string,
    qtype: 'A' | 'AAAA',
    found: Found[],
    chain: ResourceRecord[],
  ): { answers: ResourceRecord[]; forwarded?: DnsAnswer['forwarded'] } {
    const answers: ResourceRecord[] = [];
    const seen = new Set<string>();
    let forwarded: DnsAnswer['forwarded'];
    for (const f of found) {
      if (strictIPv4(f.host)) {
        // An IPv4-only cluster: AAAA finds nothing here.
        if (qtype === 'A' && !seen.has(f.host)) {
          seen.add(f.host);
          answers.push({ name: qname, type: 'A', ttl: TTL, address: f.host });
        }
        continue;
      }
      const target = absolute(f.host);
      const cname: ResourceRecord = { name: qname, type: 'CNAME', ttl: TTL, target };
      if (target === qname || chain.length >= MAX_CNAME_CHAIN || chain.some((r) => r.name === qname && r.type === 'CNAME')) continue;
      if (inZone(target, this.zone.origin)) {
        const next = zoneRecords(this.zone, target);
        if (next.kind !== 'found') continue;
        const deeper = this.addresses(target, qtype, next.found, [...chain, cname]);
        if (deeper.answers.length) answers.push(cname, ...deeper.answers);
        forwarded ??= deeper.forwarded;
        continue;
      }
      // The target is not ours: CoreDNS asks its upstream and appends whatever comes back.
      const up = this.outside(target, qtype, 'forward');
      answers.push(cname, ...up.answers);
      forwarded ??= up.forwarded;
    }
    return forwarded ? { answers, forwarded } : { answers };
  }

  private explainAddresses(why: Explanation, answers: ResourceRecord[], forwarded: DnsAnswer['forwarded']): Explanation {
    if (why.key !== 'explain.dns.answer.externalName') return why;
    const ips = answers.flatMap((r) => (r.type === 'A' || r.type === 'AAAA' ? [r.address] : []));
    if (ips.length) return { key: why.key, params: { ...why.params, ips: ips.join(', ') } };
    const upstream = forwarded?.to.join(', ') ?? '';
    return {
      key: forwarded?.known === false ? 'explain.dns.answer.externalNameUnknown' : 'explain.dns.answer.externalNameNoAddress',
      params: { ...why.params, upstream },
    };
  }

  /** plugin.SRV: one record per (target, port), equal weights summing to about 100, A glue for each target. */
  private srv(qname: string, all: Found[]): DnsAnswer {
    // SRV for external services is not implemented: CNAME-like entries are dropped.
    const found = all.filter((f) => strictIPv4(f.host));
    const weight = Math.max(1, Math.floor(10000 / (100 * Math.max(found.length, 1))));
    const answers: ResourceRecord[] = [];
    const additional: ResourceRecord[] = [];
    const seen = new Set<string>();
    for (const f of found) {
      if (f.port === -1) continue;
      if (!seen.has(`${f.owner} ${f.port}`)) {
        seen.add(`${f.owner} ${f.port}`);
        answers.push({ name: qname, type: 'SRV', ttl: TTL, priority: 0, weight, port: f.port, target: f.owner });
      }
      if (!seen.has(`${f.owner} ${f.host}`)) {
        seen.add(`${f.owner} ${f.host}`);
        additional.push({ name: f.owner, type: 'A', ttl: TTL, address: f.host });
      }
    }
    if (!answers.length) return reply(qname, 'SRV', 'NOERROR', [], nodata(qname, 'SRV'));
    const targets = answers.map((r) => (r.type === 'SRV' ? `${r.target}:${r.port}` : '')).join(', ');
    return reply(
      qname,
      'SRV',
      'NOERROR',
      answers,
      { key: 'explain.dns.answer.srv', params: { qname, count: answers.length, targets } },
      { additional },
    );
  }
}

/** The answer CoreDNS gives to one question. */
export function lookup(state: ClusterState, qname: string, qtype: QType, options: DnsOptions = {}): DnsAnswer {
  return new CoreDns(state, options).answer(qname, qtype);
}
