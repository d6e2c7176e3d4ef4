// The pod's stub resolver walking its search list: which names it asks, in which order, and when it
// stops. glibc 2.x resolv/res_query.c (__res_context_search) and musl 1.2 src/network/lookup_name.c.

import type { ClusterState } from '../cluster/types';
import type { Pod } from '../manifest/types';
import { etcHosts, hostsAddress } from './etcHosts';
import { CoreDns } from './lookup';
import { absolute, inZone, isValidQueryName, strictIPv4 } from './names';
import { resolvConf } from './resolvConf';
import type { DnsAnswer, DnsQuery, Explanation, Libc, QType, Resolution, ResolutionStatus, ResolveOptions } from './types';
import { querySize, responseSize } from './wire';
import type { ExplainKey } from '../explainKeys';

interface Candidate {
  qname: string;
  kind: DnsQuery['kind'];
  suffix?: string;
  key: ExplainKey;
}

/** The names to try, in order. */
function candidates(name: string, searches: string[], ndots: number, dots: number, libc: Libc): Candidate[] {
  const asIs = (key: ExplainKey): Candidate => ({ qname: absolute(name), kind: 'as-is', key });
  if (name.endsWith('.')) return [asIs('explain.dns.query.absolute')];
  const enough = dots >= ndots;
  // musl never searches a name with enough dots; glibc tries it as it is first, then searches.
  if (libc === 'musl' && enough) return [asIs('explain.dns.query.asIsOnly')];
  const list: Candidate[] = enough ? [asIs('explain.dns.query.asIsFirst')] : [];
  let rootOnList = false;
  for (const suffix of searches) {
    const domain = suffix.replace(/^\./, '');
    if (!domain) rootOnList = true;
    list.push({
      qname: absolute(domain ? `${name}.${domain}` : name),
      kind: 'search',
      suffix: domain || '.',
      key: 'explain.dns.query.search',
    });
  }
  if (!enough && !rootOnList) list.push(asIs('explain.dns.query.asIsLast'));
  return list;
}

/** What the resolver makes of one answer: take it, try the next name, or give up. */
function verdict(answer: DnsAnswer, libc: Libc): 'take' | 'next' | 'stop' {
  // glibc gives up on REFUSED (NO_RECOVERY), as musl does.
  if (answer.rcode === 'UNKNOWN' || answer.rcode === 'REFUSED') return 'stop';
  if (answer.answers.length) return 'take';
  if (answer.rcode === 'NXDOMAIN') return 'next';
  // glibc keeps searching after NODATA and SERVFAIL; musl gives up on either.
  return libc === 'glibc' ? 'next' : 'stop';
}

const statusOf = (answer: DnsAnswer): ResolutionStatus =>
  answer.rcode === 'NXDOMAIN'
    ? 'nxdomain'
    : answer.rcode === 'SERVFAIL'
      ? 'servfail'
      : answer.rcode === 'REFUSED'
        ? 'refused'
        : answer.rcode === 'UNKNOWN'
          ? 'unknown'
          : 'nodata';

export function resolve(state: ClusterState, pod: Pod, name: string, qtype: QType = 'A', options: ResolveOptions = {}): Resolution {
  const libc = options.libc ?? 'glibc';
  const conf = resolvConf(state, pod, options);
  const dots = (name.match(/\./g) ?? []).length;
  const result = (status: ResolutionStatus, explanation: Explanation, extra: Partial<Resolution> = {}): Resolution => ({
    name,
    qtype,
    libc,
    resolvConf: conf,
    dots,
    candidates: [],
    queries: [],
    status,
    addresses: [],
    records: [],
    explanation,
    notes: [],
    ...extra,
  });

  // getaddrinfo turns an address literal into itself without asking anyone.
  if (qtype === 'A' && strictIPv4(name))
    return result('literal', { key: 'explain.dns.final.literal', params: { name } }, { addresses: [name] });
  if (!isValidQueryName(name)) return result('invalid', { key: 'explain.dns.final.invalid', params: { name } });
  // Both libcs read /etc/hosts before asking DNS.
  const fromFile = qtype === 'A' ? hostsAddress(etcHosts(state, pod), name) : undefined;
  if (fromFile) return result('hosts', { key: 'explain.dns.final.hosts', params: { name, ip: fromFile } }, { addresses: [fromFile] });

  const core = new CoreDns(state, options);
  // With no nameserver line the resolver asks the local host.
  const server = conf.nameservers[0] ?? '127.0.0.1';
  const toClusterDns = core.zone.dnsServiceIPs.includes(server);
  const list = candidates(name, conf.searches, conf.ndots, dots, libc);
  const queries: DnsQuery[] = [];
  let taken: DnsQuery | undefined;
  let stopped: DnsQuery | undefined;
  let nodata = false;
  for (const c of list) {
    const answer = core.askAt(server, c.qname, qtype);
    const negative = answer.answers.length === 0;
    const q: DnsQuery = {
      index: queries.length + 1,
      qname: c.qname,
      qtype,
      kind: c.kind,
      ...(c.suffix ? { suffix: c.suffix } : {}),
      server,
      toClusterDns,
      answer,
      querySize: querySize(c.qname),
      ...(answer.rcode === 'UNKNOWN'
        ? {}
        : {
            responseSize: responseSize(
              c.qname,
              answer.answers,
              answer.additional,
              negative && answer.authoritative ? core.zone.origin : undefined,
            ),
          }),
      explanation: {
        key: c.key,
        params: { n: queries.length + 1, name, dots, ndots: conf.ndots, qname: c.qname, qtype, server, suffix: c.suffix ?? '' },
      },
    };
    queries.push(q);
    const v = verdict(answer, libc);
    if (v === 'take') taken = q;
    if (v === 'stop') stopped = q;
    if (v !== 'next') break;
    nodata ||= answer.rcode === 'NOERROR';
  }

  const notes: Explanation[] = [{ key: 'explain.dns.note.aaaa', params: { libc } }];
  // kubeadm's Corefile has `cache` not hold cluster answers and `loadbalance` shuffle them; a pasted one says what it says.
  if (toClusterDns)
    notes.push({
      key: options.corefile ? 'explain.dns.note.corednsPasted' : 'explain.dns.note.coredns',
      params: { server, zone: core.zone.origin },
    });
  const common = { candidates: list.map((c) => c.qname), queries, notes };
  const count = queries.length;

  if (!taken) {
    const last = stopped ?? queries[queries.length - 1]!;
    // glibc reports the as-is attempt's error if it went first, else NODATA if any name existed.
    const asIsFirst = queries[0]?.kind === 'as-is' && count > 1 ? queries[0] : undefined;
    const status: ResolutionStatus = stopped
      ? statusOf(stopped.answer)
      : asIsFirst
        ? statusOf(asIsFirst.answer)
        : nodata
          ? 'nodata'
          : statusOf(last.answer);
    const upstream = last.answer.forwarded?.to.join(', ') ?? server;
    return result(status, { key: `explain.dns.final.${status}`, params: { name, qtype, count, qname: last.qname, upstream } }, common);
  }

  const answers = taken.answer.answers;
  const cnames = answers.filter((r) => r.type === 'CNAME');
  const canonicalName = cnames.length ? cnames[cnames.length - 1]!.target : undefined;
  const all = answers.flatMap((r) => (r.type === qtype && (r.type === 'A' || r.type === 'AAAA') ? [r] : []));
  // glibc takes only records owned by the name it asked or a CNAME target on the way (nss_dns getanswer_r);
  // musl takes every address. A `rewrite name` without `answer auto` leaves other owners in the answer.
  const owners = new Set([taken.qname]);
  for (const r of cnames) if (owners.has(r.name)) owners.add(r.target);
  const addresses = all.filter((r) => libc === 'musl' || owners.has(r.name)).map((r) => r.address);
  const records = qtype === 'A' || qtype === 'AAAA' ? [] : answers;
  const extra = {
    ...common,
    answeredBy: taken.index,
    addresses,
    records,
    ...(canonicalName ? { canonicalName } : {}),
  };
  const params = { name, qtype, count, n: taken.index, qname: taken.qname, addresses: addresses.join(', ') };
  if (taken.kind === 'as-is' && taken.index > 1 && !inZone(taken.qname, core.zone.origin)) {
    notes.push({ key: 'explain.dns.note.ndotsCost', params: { name, wasted: taken.index - 1, ndots: conf.ndots } });
  }
  if (all.length && !addresses.length) {
    const owner = all[0]!.name;
    return result('nodata', { key: 'explain.dns.final.otherOwner', params: { ...params, owner } }, { ...extra, addresses: [] });
  }
  if ((qtype === 'A' || qtype === 'AAAA') && !addresses.length) {
    // Only a CNAME came back: its target's addresses are the upstream's business, or there are none.
    const unknown = taken.answer.forwarded?.known === false;
    return result(
      unknown ? 'unknown' : 'nodata',
      {
        key: unknown ? 'explain.dns.final.cnameUnknown' : 'explain.dns.final.cnameOnly',
        params: { ...params, target: canonicalName ?? '', upstream: taken.answer.forwarded?.to.join(', ') ?? '' },
      },
      extra,
    );
  }
  const key = records.length ? 'explain.dns.final.records' : 'explain.dns.final.answered';
  return result('answered', { key, params: { ...params, records: records.length } }, extra);
}
