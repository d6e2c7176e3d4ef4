// The reply `dig` gets when it runs in a pod: one question to the pod's nameserver (its resolv.conf's
// first), with dig's defaults (BIND 9.18: recursion desired, EDNS with a 1232-byte buffer and a client
// cookie), answered as the walk's resolver is answered. CoreDNS (v1.12.1) adds what only dig shows:
// the SOA of a negative answer, the echoed OPT record, the TXT `dns-version` and the zone's NS.

import type { ClusterState } from '../cluster/types';
import { fnv32a, mix } from '../hashing/names';
import type { Pod } from '../manifest/types';
import { namespaceOf } from '../k8s';
import { CoreDns, TTL } from './lookup';
import { absolute, inZone, isValidQueryName, labels } from './names';
import { resolve } from './resolve';
import { resolvConf } from './resolvConf';
import type { DnsAnswer, DnsOptions, Rcode, ResourceRecord } from './types';
import { zoneRecords } from './zone';

/** The types `dig` may ask for here: the five the walk resolves, and two only the zone's metadata answers. */
export const DIG_TYPES = ['A', 'AAAA', 'SRV', 'PTR', 'CNAME', 'TXT', 'NS'] as const;
export type DigType = (typeof DIG_TYPES)[number];

/** Records a dig reply holds: the walk's, and the zone's own (SOA, NS, the `dns-version` TXT). */
export type DigRecord =
  | ResourceRecord
  | { name: string; type: 'NS'; ttl: number; target: string }
  | { name: string; type: 'TXT'; ttl: number; text: string }
  | {
      name: string;
      type: 'SOA';
      ttl: number;
      mname: string;
      rname: string;
      serial: number;
      refresh: number;
      retry: number;
      expire: number;
      minimum: number;
    };

export interface DigReply {
  /** The nameserver asked, on UDP port 53. */
  server: string;
  qname: string;
  qtype: DigType;
  /** `UNKNOWN`: a resolver outside the cluster answers, and what it says is not modelled. */
  rcode: Rcode;
  /** The header flags, in dig's order: CoreDNS's own answers are authoritative and offer no recursion. */
  flags: ('qr' | 'aa' | 'rd' | 'ra')[];
  /** The message ID (random in dig; here fixed by the question, so that a run repeats). */
  id: number;
  /** dig's 8-byte client cookie in hex, which CoreDNS echoes back (the same stand-in for randomness). */
  cookie: string;
  answer: DigRecord[];
  authority: DigRecord[];
  additional: DigRecord[];
  /** Bytes of the reply on the wire, its OPT record included. */
  size: number;
  /** The resolvers outside the cluster the question (or a CNAME's target) went to, and whether the model knows their answer. */
  upstream?: { servers: string[]; modelled: boolean };
}

/** With DnsOptions: the Corefile CoreDNS runs (the pasted coredns ConfigMap's, else kubeadm's). */
export interface DigOptions extends DnsOptions {
  /** `+search`: walk the pod's search list as its resolver does in the walk (the walk's five types only). */
  search?: boolean;
  /** Seconds since 1970 when dig runs: the SOA serial when no object in the input says when the zone last changed. */
  now: number;
}

/** What one server says to one question, before it is laid out as a message. */
interface Said {
  rcode: Rcode;
  authoritative: boolean;
  answers: DigRecord[];
  additional: DigRecord[];
  forwarded?: DnsAnswer['forwarded'];
}

/**
 * The reply to `dig NAME TYPE` run in `pod`; undefined when dig would refuse the name before
 * sending anything (an empty label, a label over 63 characters, over 253 in all).
 */
export function dig(state: ClusterState, pod: Pod, name: string, qtype: DigType, options: DigOptions): DigReply | undefined {
  if (!isValidQueryName(name) && name !== '.') return undefined;
  const core = new CoreDns(state, options);
  let server = resolvConf(state, pod, options).nameservers[0] ?? '127.0.0.1';
  let qname = absolute(name);
  let said: Said;
  const walked = options.search && qtype !== 'TXT' && qtype !== 'NS' ? resolve(state, pod, name, qtype, options) : undefined;
  const sent = walked?.queries.find((q) => q.index === walked.answeredBy) ?? walked?.queries.at(-1);
  if (sent) {
    // The reply the resolver kept, or the last it got.
    ({ qname, server } = sent);
    said = sent.answer;
  } else {
    said = ask(core, server, qname, qtype);
  }
  const negative = said.authoritative && said.answers.length === 0;
  const key = `${namespaceOf(pod)}/${pod.metadata.name} ${qname} ${qtype}`;
  const reply: DigReply = {
    server,
    qname,
    qtype,
    rcode: said.rcode,
    flags: said.authoritative ? ['qr', 'aa', 'rd'] : ['qr', 'rd', 'ra'],
    id: fnv32a(key) & 0xffff,
    cookie: [fnv32a(key), mix(fnv32a(key))].map((n) => (n >>> 0).toString(16).padStart(8, '0')).join(''),
    answer: said.answers,
    authority: negative && said.rcode !== 'UNKNOWN' ? [soa(state, core, options.now)] : [],
    additional: said.additional,
    size: 0,
  };
  reply.size = replySize(reply);
  if (said.forwarded) reply.upstream = { servers: said.forwarded.to, modelled: said.forwarded.known };
  return reply;
}

/** One question to `server`, answered as the walk's resolver is answered. */
function ask(core: CoreDns, server: string, qname: string, qtype: DigType): Said {
  const toCluster = core.zone.dnsServiceIPs.includes(server);
  if (qtype !== 'TXT' && qtype !== 'NS') return core.askAt(server, qname, qtype);
  if (!toCluster || !inZone(qname, core.zone.origin)) {
    // Another zone's TXT and NS records are an upstream resolver's business, which is not modelled.
    return {
      rcode: 'UNKNOWN',
      authoritative: false,
      answers: [],
      additional: [],
      forwarded: { to: toCluster ? core.forwardTo : [server], name: qname, known: false },
    };
  }
  return zoneMeta(core, qname, qtype);
}

/** The `kubernetes` block on TXT and NS (plugin/kubernetes handler.go and Services(), v1.12.1). */
function zoneMeta(core: CoreDns, qname: string, qtype: 'TXT' | 'NS'): Said {
  const { origin, dnsServiceIPs } = core.zone;
  const said = (rcode: Rcode, answers: DigRecord[] = [], additional: DigRecord[] = []): Said => ({
    rcode,
    authoritative: true,
    answers,
    additional,
  });
  // The schema version of the Kubernetes DNS specification, with the 8-hour TTL CoreDNS hard-codes.
  if (qtype === 'TXT' && qname === `dns-version.${origin}`)
    return said('NOERROR', [{ name: qname, type: 'TXT', ttl: 28800, text: '1.1.0' }]);
  if (qtype === 'NS' && qname === origin) {
    // The zone's nameserver is ns.dns.<zone>, whose addresses are the kube-dns Service's.
    const ns = `ns.dns.${origin}`;
    if (!dnsServiceIPs.length) return said('NOERROR');
    const glue = dnsServiceIPs.map((address): DigRecord => ({ name: ns, type: 'A', ttl: TTL, address }));
    return said('NOERROR', [{ name: qname, type: 'NS', ttl: TTL, target: ns }], glue);
  }
  const found = zoneRecords(core.zone, qname);
  // TXT: NODATA only where records of another type exist; NS below the apex: what an A question finds.
  return said(found.kind === 'nxdomain' || (qtype === 'TXT' && found.kind !== 'found') ? 'NXDOMAIN' : 'NOERROR');
}

/**
 * CoreDNS's SOA for the cluster zone (plugin/backend_lookup.go SOA): its serial is when the
 * Kubernetes objects it watches last changed; the input's creation timestamps say that when it has
 * them, else the zone is taken to be as new as the moment dig runs.
 */
function soa(state: ClusterState, core: CoreDns, now: number): DigRecord {
  const stamps = [...state.services, ...state.endpointSlices, ...state.namespaces]
    .map((o) => Date.parse(o.metadata.creationTimestamp ?? ''))
    .filter((t) => Number.isFinite(t));
  const serial = stamps.length ? Math.floor(Math.max(...stamps) / 1000) : now;
  const origin = core.zone.origin;
  return {
    name: origin,
    type: 'SOA',
    ttl: Math.min(TTL, 300),
    mname: `ns.dns.${origin}`,
    rname: `hostmaster.${origin}`,
    serial: serial >>> 0,
    refresh: 7200,
    retry: 1800,
    expire: 86400,
    minimum: TTL,
  };
}

/** A name on the wire, uncompressed: a length byte per label, the root's zero byte. */
const nameBytes = (name: string) => labels(name).reduce((n, l) => n + 1 + l.length, 1);

function rdataBytes(rr: DigRecord): number {
  switch (rr.type) {
    case 'A':
      return 4;
    case 'AAAA':
      return 16;
    case 'CNAME':
    case 'PTR':
    case 'NS':
      return nameBytes(rr.target);
    case 'SRV':
      return 6 + nameBytes(rr.target);
    case 'TXT':
      return 1 + rr.text.length;
    case 'SOA':
      return nameBytes(rr.mname) + nameBytes(rr.rname) + 20;
  }
}

/** The OPT record CoreDNS echoes: root name, type, class, TTL, length (11), and the cookie option (4 + 8). */
const OPT_BYTES = 11 + 4 + 8;

/**
 * The reply's size: CoreDNS packs a reply that fits the client's buffer without name compression
 * (miekg/dns Truncate turns it off when the whole message fits), so every name counts in full.
 */
function replySize(reply: DigReply): number {
  const records = [...reply.answer, ...reply.authority, ...reply.additional];
  return 12 + nameBytes(reply.qname) + 4 + records.reduce((n, rr) => n + nameBytes(rr.name) + 10 + rdataBytes(rr), 0) + OPT_BYTES;
}
