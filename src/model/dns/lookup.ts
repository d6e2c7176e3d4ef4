// What CoreDNS answers (v1.12.1) with the Corefile it runs (kubeadm's unless the learner pastes the
// coredns ConfigMap): the server block for the name, `rewrite name`, then `hosts`, `kubernetes`
// (plugin/backend_lookup.go A/AAAA/SRV/CNAME/PTR) and `forward`, in plugin.cfg's order whatever the
// order they are written in.

import type { ClusterState } from '../cluster/types';
import { lanRouter } from '../network/lan';
import type { Corefile, CorefileServer, HostsPlugin, KubernetesPlugin } from '../manifest/kinds/corefile';
import { defaultCorefile } from './corefile';
import { absolute, addressFromReverse, inZone, labels, strictIPv4 } from './names';
import { rewriteName } from './rewrite';
import type { DnsAnswer, DnsOptions, Explanation, NodeResolvConf, QType, Rcode, ResourceRecord } from './types';
import { clusterZone, reverseRecords, zoneRecords, type ClusterZone, type Found } from './zone';

/** kubeadm's Corefile: `cache 30` caps forwarded answers at 30 s (the kubernetes block's `ttl 30` is read from it). */
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

/** The Corefile's block that serves a name: the longest zone among the blocks on port 53 (dnsserver's ServeDNS). */
function serverFor(corefile: Corefile, qname: string): CorefileServer | undefined {
  let best: { server: CorefileServer; zone: string } | undefined;
  for (const server of corefile.servers) {
    for (const key of server.keys) {
      if (key.port === 53 && inZone(qname, key.zone) && (!best || key.zone.length > best.zone.length)) best = { server, zone: key.zone };
    }
  }
  return best?.server;
}

/** The longest of `zones` that `qname` is in (plugin.Zones.Matches). */
function zoneMatch(zones: string[], qname: string): string | undefined {
  return zones.filter((z) => inZone(qname, z)).sort((a, b) => b.length - a.length)[0];
}

/** fall.F: no `fallthrough` never falls through; a bare one does for every name; else for its zones. */
const fallsThrough = (zones: string[] | undefined, qname: string) =>
  zones !== undefined && (!zones.length || zoneMatch(zones, qname) !== undefined);

/** Where in the Corefile an answer comes from, for the explanations. */
interface Place {
  block: string;
  line: number;
}

/** CoreDNS as the cluster runs it: its Corefile, and the index its informers hold. */
export class CoreDns {
  /** The zone of the kubernetes plugin that is not a reverse zone (kubelet's cluster domain, unless the Corefile says otherwise). */
  readonly zone: ClusterZone;
  /** Where a resolv.conf path in `forward` points: CoreDNS runs with dnsPolicy Default, so its file is its node's. */
  readonly forwardTo: string[];
  readonly corefile: Corefile;
  private readonly upstream: Map<string, string[] | 'NXDOMAIN'>;
  private readonly zones = new Map<string, ClusterZone>();

  constructor(
    private readonly state: ClusterState,
    options: DnsOptions = {},
  ) {
    this.corefile = options.corefile ?? defaultCorefile(state);
    const kubernetes = this.corefile.servers.find((s) => s.kubernetes)?.kubernetes;
    const origin = kubernetes?.zones.find((z) => !REVERSE_ZONES.some((r) => inZone(z, r))) ?? absolute(state.config.clusterDomain);
    this.zone = this.zoneFor(origin, kubernetes?.pods ?? 'disabled');
    this.forwardTo = (options.nodeResolvConf ?? defaultNodeResolvConf(state)).nameservers;
    this.upstream = new Map(Object.entries(options.upstream ?? {}).map(([name, v]) => [absolute(name), v]));
  }

  private zoneFor(origin: string, pods: string): ClusterZone {
    const key = `${origin} ${pods}`;
    let zone = this.zones.get(key);
    if (!zone) this.zones.set(key, (zone = clusterZone(this.state, origin, pods)));
    return zone;
  }

  /** The answer to one question: the server block for the name, its name rewrites, then hosts, kubernetes and forward in plugin.cfg's order. */
  answer(name: string, qtype: QType, depth = 0): DnsAnswer {
    const qname = absolute(name);
    const server = serverFor(this.corefile, qname);
    if (!server) {
      return reply(qname, qtype, 'REFUSED', [], { key: 'explain.dns.corefile.refused', params: { qname } }, { authoritative: false });
    }
    const block = server.keys.map((k) => k.text).join(' ');
    const rewrites: Explanation[] = [];
    let asked = qname;
    let auto = true;
    for (const rule of server.rewrites) {
      const to = rewriteName(rule, asked);
      if (to === undefined) continue;
      rewrites.push({
        key: 'explain.dns.rewrite.name',
        params: { block, line: rule.line, match: rule.match, from: rule.from, to: rule.to, qname: asked, rewritten: to },
      });
      asked = to;
      auto &&= rule.auto;
      if (rule.mode === 'stop') break;
    }
    const answer = this.plugins(server, { block, line: server.line }, asked, qtype, depth);
    if (!rewrites.length) return answer;
    // The question goes back as it was asked; the records' names only with `answer auto` (exact rules always).
    const back = (rr: ResourceRecord): ResourceRecord => (auto && rr.name === asked ? { ...rr, name: qname } : rr);
    return { ...answer, qname, answers: answer.answers.map(back), additional: answer.additional.map(back), rewrites };
  }

  private plugins(server: CorefileServer, place: Place, qname: string, qtype: QType, depth: number): DnsAnswer {
    if (server.hosts) {
      const answer = this.hosts(server.hosts, { ...place, line: server.hosts.line }, qname, qtype);
      if (answer) return answer;
    }
    if (server.kubernetes) {
      const answer = this.kubernetes(server.kubernetes, qname, qtype, depth);
      if (answer) return answer;
    }
    const f = server.forward;
    if (f && inZone(qname, f.from) && !f.except.some((z) => inZone(qname, z))) {
      const to = f.to.flatMap((t) => (t.startsWith('/') ? this.forwardTo : [t.replace(/^(dns|tls):\/\//, '')]));
      return this.outside(qname, qtype, 'forward', to, { ...place, line: f.line, from: f.from });
    }
    // plugin.NextOrFailure with no plugin left.
    return reply(
      qname,
      qtype,
      'SERVFAIL',
      [],
      { key: 'explain.dns.corefile.noPlugin', params: { qname, block: place.block } },
      { authoritative: false },
    );
  }

  /** The hosts plugin's inline entries: A, AAAA and PTR; a name it lacks falls through, or gets SERVFAIL (it has no SOA to deny with). */
  private hosts(h: HostsPlugin, place: Place, qname: string, qtype: QType): DnsAnswer | undefined {
    const params = { qname, qtype, block: place.block, line: place.line };
    if (qtype === 'PTR') {
      const ip = addressFromReverse(qname);
      const names = h.entries.filter((e) => e.ip === ip).flatMap((e) => e.names);
      if (!names.length) return undefined;
      const answers = names.map((target): ResourceRecord => ({ name: qname, type: 'PTR', ttl: h.ttl, target }));
      return reply(qname, qtype, 'NOERROR', answers, { key: 'explain.dns.hosts.answer', params: { ...params, ips: names.join(', ') } });
    }
    if (!zoneMatch(h.zones, qname)) return undefined;
    const found = h.entries.filter((e) => e.names.includes(qname));
    if (!found.length) {
      if (fallsThrough(h.fallthrough, qname)) return undefined;
      return reply(qname, qtype, 'SERVFAIL', [], { key: 'explain.dns.hosts.servfail', params }, { authoritative: false });
    }
    const answers = found.flatMap((e): ResourceRecord[] =>
      qtype === 'A' && strictIPv4(e.ip)
        ? [{ name: qname, type: 'A', ttl: h.ttl, address: e.ip }]
        : qtype === 'AAAA' && e.ip.includes(':')
          ? [{ name: qname, type: 'AAAA', ttl: h.ttl, address: e.ip }]
          : [],
    );
    const why: Explanation = answers.length
      ? {
          key: 'explain.dns.hosts.answer',
          params: { ...params, ips: answers.map((r) => (r.type === 'A' || r.type === 'AAAA' ? r.address : '')).join(', ') },
        }
      : nodata(qname, qtype);
    return reply(qname, qtype, 'NOERROR', answers, why);
  }

  /** The kubernetes plugin for its zones; a name it cannot answer falls through when `fallthrough` covers it. */
  private kubernetes(k: KubernetesPlugin, qname: string, qtype: QType, depth: number): DnsAnswer | undefined {
    const zone = zoneMatch(k.zones, qname);
    if (!zone) return undefined;
    const cluster = this.zoneFor(REVERSE_ZONES.includes(zone) ? this.zone.origin : zone, k.pods);
    if (REVERSE_ZONES.includes(zone)) {
      const ip = qtype === 'PTR' ? addressFromReverse(qname) : undefined;
      const found = ip ? reverseRecords(cluster, ip) : undefined;
      if (found?.targets.length) {
        const answers = found.targets.map((target): ResourceRecord => ({ name: qname, type: 'PTR', ttl: k.ttl, target }));
        return reply(qname, qtype, 'NOERROR', answers, found.why);
      }
      if (fallsThrough(k.fallthrough, qname)) return undefined;
      return reply(qname, qtype, 'NXDOMAIN', [], { key: 'explain.dns.nxdomain.reverse', params: { qname } });
    }
    const answer = this.authoritative(cluster, k.ttl, qname, qtype, depth);
    return answer.rcode === 'NXDOMAIN' && fallsThrough(k.fallthrough, qname) ? undefined : answer;
  }

  /** The answer a query sent to `server` gets: CoreDNS's own at a kube-dns address, else that outside resolver's. */
  askAt(server: string, name: string, qtype: QType): DnsAnswer {
    return this.zone.dnsServiceIPs.includes(server) ? this.answer(name, qtype) : this.outside(name, qtype, 'direct', [server]);
  }

  /** A question for a resolver outside the cluster: CoreDNS forwarding it, or a pod asking it directly. */
  outside(name: string, qtype: QType, via: 'forward' | 'direct', to: string[], place?: Place & { from: string }): DnsAnswer {
    const qname = absolute(name);
    const params = { qname, qtype, upstream: to.join(', '), ...(place ?? {}) };
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
      // Answered by the upstream resolver, which the model does not hold: said as such, never made up.
      return reply(
        qname,
        qtype,
        'UNKNOWN',
        [],
        { key: `explain.dns.${via}.unknown`, params },
        { ...base, forwarded: { to, name: qname, known: false } },
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

  private authoritative(zone: ClusterZone, ttl: number, qname: string, qtype: QType, depth: number): DnsAnswer {
    if (qname === `ns.dns.${zone.origin}`) {
      // isDefaultNS: the zone's nameserver is the kube-dns Service address.
      const answers = qtype === 'A' ? zone.dnsServiceIPs.map((address): ResourceRecord => ({ name: qname, type: 'A', ttl, address })) : [];
      const why: Explanation = answers.length
        ? { key: 'explain.dns.answer.nameserver', params: { qname, ip: zone.dnsServiceIPs.join(', ') } }
        : nodata(qname, qtype);
      return reply(qname, qtype, 'NOERROR', answers, why);
    }
    const result = zoneRecords(zone, qname);
    if (result.kind === 'nxdomain') return reply(qname, qtype, 'NXDOMAIN', [], result.why);
    if (result.kind === 'nodata') return reply(qname, qtype, 'NOERROR', [], result.why);
    switch (qtype) {
      case 'A':
      case 'AAAA': {
        const { answers, forwarded } = this.addresses(zone, ttl, qname, qtype, result.found, [], depth);
        const why = answers.length || forwarded ? this.explainAddresses(result.why, answers, forwarded) : nodata(qname, qtype);
        return reply(qname, qtype, 'NOERROR', answers, why, forwarded ? { forwarded } : {});
      }
      case 'SRV':
        return this.srv(ttl, qname, result.found);
      case 'CNAME': {
        const named = result.found.find((f) => !strictIPv4(f.host));
        return named
          ? reply(qname, qtype, 'NOERROR', [{ name: qname, type: 'CNAME', ttl, target: absolute(named.host) }], {
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
    zone: ClusterZone,
    ttl: number,
    qname: string,
    qtype: 'A' | 'AAAA',
    found: Found[],
    chain: ResourceRecord[],
    depth: number,
  ): { answers: ResourceRecord[]; forwarded?: DnsAnswer['forwarded'] } {
    const answers: ResourceRecord[] = [];
    const seen = new Set<string>();
    let forwarded: DnsAnswer['forwarded'];
    for (const f of found) {
      if (strictIPv4(f.host)) {
        // An IPv4-only cluster: AAAA finds nothing here.
        if (qtype === 'A' && !seen.has(f.host)) {
          seen.add(f.host);
          answers.push({ name: qname, type: 'A', ttl, address: f.host });
        }
        continue;
      }
      const target = absolute(f.host);
      const cname: ResourceRecord = { name: qname, type: 'CNAME', ttl, target };
      if (target === qname || chain.length >= MAX_CNAME_CHAIN || chain.some((r) => r.name === qname && r.type === 'CNAME')) continue;
      if (inZone(target, zone.origin)) {
        const next = zoneRecords(zone, target);
        if (next.kind !== 'found') continue;
        const deeper = this.addresses(zone, ttl, target, qtype, next.found, [...chain, cname], depth);
        if (deeper.answers.length) answers.push(cname, ...deeper.answers);
        forwarded ??= deeper.forwarded;
        continue;
      }
      // The target is not ours: CoreDNS asks itself (its Corefile from the top) and appends whatever comes back.
      if (depth >= MAX_CNAME_CHAIN) continue;
      const up = this.answer(target, qtype, depth + 1);
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
  private srv(ttl: number, qname: string, all: Found[]): DnsAnswer {
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
        answers.push({ name: qname, type: 'SRV', ttl, priority: 0, weight, port: f.port, target: f.owner });
      }
      if (!seen.has(`${f.owner} ${f.host}`)) {
        seen.add(`${f.owner} ${f.host}`);
        additional.push({ name: f.owner, type: 'A', ttl, address: f.host });
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
