// Cluster DNS as data: the records CoreDNS serves, a pod's resolv.conf, and the queries its resolver sends.

import type { Corefile } from '../manifest/kinds/corefile';
import type { Pod } from '../manifest/types';

/** The query types PacketWalk models. */
export type QType = 'A' | 'AAAA' | 'SRV' | 'PTR' | 'CNAME';

/**
 * The response code. `UNKNOWN` is PacketWalk's own: the question went to a resolver outside the
 * cluster and the caller's upstream table does not say what it answers.
 */
export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED' | 'UNKNOWN';

/** Owner and target names are absolute, with the trailing dot, as `dig` prints them. */
export type ResourceRecord =
  | { name: string; type: 'A'; ttl: number; address: string }
  | { name: string; type: 'AAAA'; ttl: number; address: string }
  | { name: string; type: 'CNAME'; ttl: number; target: string }
  | { name: string; type: 'PTR'; ttl: number; target: string }
  | { name: string; type: 'SRV'; ttl: number; priority: number; weight: number; port: number; target: string };

import type { Explanation } from '../explainKeys';

export type { Explanation };

/**
 * What the world outside the cluster answers, for the names the caller knows: a name (trailing dot
 * optional, any case) maps to its IPv4 addresses, or to `NXDOMAIN`. Anything else is `UNKNOWN`.
 */
export type UpstreamTable = Record<string, string[] | 'NXDOMAIN'>;

/** The node's own /etc/resolv.conf (what kubelet's --resolv-conf points at). */
export interface NodeResolvConf {
  nameservers: string[];
  searches: string[];
  options: string[];
}

/** One DNS answer, as the server the pod asked would give it. */
export interface DnsAnswer {
  /** Absolute, lower-case, with the trailing dot. */
  qname: string;
  qtype: QType;
  rcode: Rcode;
  /** Authoritative (CoreDNS's kubernetes plugin) or not (forwarded to, or asked of, a resolver outside). */
  authoritative: boolean;
  answers: ResourceRecord[];
  /** SRV glue: the A records of the targets. */
  additional: ResourceRecord[];
  /** Set when the question (or the end of a CNAME chain) went to a resolver outside the cluster. */
  forwarded?: { to: string[]; name: string; known: boolean };
  explanation: Explanation;
  /** The Corefile's `rewrite name` rules that changed the question before it was answered, in order. */
  rewrites?: Explanation[];
}

export type DnsPolicy = NonNullable<Pod['spec']['dnsPolicy']>;

/** A pod's /etc/resolv.conf, as kubelet composes it and containerd writes it. */
export interface ResolvConf {
  policy: DnsPolicy;
  /** kubelet's podDNSType: the cluster's DNS, the node's resolv.conf, or nothing but dnsConfig. */
  base: 'cluster' | 'node' | 'none';
  nameservers: string[];
  searches: string[];
  options: string[];
  /** The resolver's ndots: the last `ndots:n` option, capped at 15; 1 when absent. */
  ndots: number;
  text: string;
  explanation: Explanation;
  /** kubelet's DNSConfigForming warnings (limits exceeded) and similar remarks. */
  warnings: Explanation[];
}

/** The C library's stub resolver in the pod's image: glibc (Debian, Ubuntu, distroless) or musl (Alpine, BusyBox). */
export type Libc = 'glibc' | 'musl';

/** One query the pod's resolver sends. */
export interface DnsQuery {
  /** 1-based, in the order the resolver sends them. */
  index: number;
  qname: string;
  qtype: QType;
  /** Why this name: the typed name plus a search domain, or the name as typed. */
  kind: 'search' | 'as-is';
  suffix?: string;
  /** The nameserver asked (UDP port 53). */
  server: string;
  /** Whether that nameserver is the cluster's DNS Service (kube-dns), i.e. CoreDNS answers. */
  toClusterDns: boolean;
  answer: DnsAnswer;
  /** Wire size of the DNS message in bytes (no EDNS, as glibc sends by default; names compressed in the reply). */
  querySize: number;
  /** Unknown when the answer is. */
  responseSize?: number;
  explanation: Explanation;
}

export type ResolutionStatus =
  | 'answered' // an address came back
  | 'literal' // the name is an IPv4 address: no query at all
  | 'hosts' // /etc/hosts has it: no query at all
  | 'nxdomain' // every candidate was NXDOMAIN
  | 'nodata' // some name exists, but without a record of the type asked
  | 'servfail'
  | 'refused' // no server block of the Corefile serves the name
  | 'unknown' // a resolver outside the cluster would decide
  | 'invalid'; // not a valid DNS name: the resolver refuses before sending anything

export interface Resolution {
  name: string;
  qtype: QType;
  libc: Libc;
  resolvConf: ResolvConf;
  /** Dots in the name as typed (a trailing dot counts, as in glibc). */
  dots: number;
  /** Every name the resolver would try, in order; the queries stop at the first answer. */
  candidates: string[];
  queries: DnsQuery[];
  status: ResolutionStatus;
  /** The index (1-based) of the query whose answer was used. */
  answeredBy?: number;
  /** Addresses of the type asked, after following CNAMEs. */
  addresses: string[];
  /** The end of the CNAME chain, when there is one. */
  canonicalName?: string;
  /** Records other than addresses (SRV, PTR, CNAME) when those were asked. */
  records: ResourceRecord[];
  explanation: Explanation;
  /** Remarks that hold for every query (glibc's parallel AAAA, CoreDNS's cache and loadbalance). */
  notes: Explanation[];
}

export interface DnsOptions {
  /** The Corefile CoreDNS runs; kubeadm's when not given. */
  corefile?: Corefile;
  /** What resolvers outside the cluster answer; see UpstreamTable. */
  upstream?: UpstreamTable;
  /** The nodes' resolv.conf; by default one nameserver, the LAN's router, and no search domains. */
  nodeResolvConf?: NodeResolvConf;
}

export interface ResolveOptions extends DnsOptions {
  /** Whose resolver walks the search list; glibc unless told. */
  libc?: Libc;
}
