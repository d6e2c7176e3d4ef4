// The packet walk: a list of steps computed by evaluating the dataplane.

import type { ConntrackEntry, L4Proto, TableName } from '../netfilter/types';
import type { Explanation } from '../explainKeys';
import type { HttpHeader } from '../http/request';
import type { Rcode } from '../dns/types';
import type { ExternalAddress } from '../metallb/types';

/** Where the packet starts. Later issues add more kinds (client on the LAN). */
export type TraceSource =
  { kind: 'pod'; namespace: string; name: string } | { kind: 'node'; name: string } | { kind: 'client'; ip?: string };

/** Where it is going: an address, or a name the source pod resolves first. */
export type TraceTarget =
  | { kind: 'ip'; ip: string; port: number; proto: L4Proto }
  | { kind: 'name'; name: string; port: number; proto: L4Proto }
  /** An HTTP(S) request through the Ingress controller, e.g. `http://foo.example.com/bar`, with its method and headers. */
  | { kind: 'url'; url: string; method?: string; headers?: HttpHeader[] };

export interface PacketSpec {
  from: TraceSource;
  to: TraceTarget;
  /** Seeds the random choice of `-m statistic --mode random`. */
  seed?: number;
  /** Forces the endpoint the random cascade picks, as `IP:PORT`. */
  endpoint?: string;
}

/** The headers the learner sees change hop by hop. */
export interface Headers {
  proto: L4Proto;
  src: string;
  sport: number;
  dst: string;
  dport: number;
  tcpFlags?: string[];
  mark: number;
  srcMac?: string;
  dstMac?: string;
  /** Outer headers while VXLAN-encapsulated. */
  outer?: { src: string; dst: string; sport: number; dport: number; vni: number; srcMac?: string; dstMac?: string };
}

/** The place a step happens; `element` names a box of the topology. */
export interface Location {
  node?: string;
  /** `namespace/name` */
  pod?: string;
  element: 'pod' | 'pod-eth0' | 'veth' | 'cni0' | 'routing' | 'netfilter' | 'flannel.1' | 'nic' | 'wire' | 'client' | 'router' | 'ipvs';
  /** With element 'netfilter': the hook being traversed. */
  hook?: string;
}

export interface MatchedRule {
  node: string;
  table: TableName;
  chain: string;
  text: string;
  /** 1-based line of the rule within the node's `iptables-save` listing. */
  line: number;
}

export type { ExplainKey, Explanation } from '../explainKeys';

/** Which part of a longer walk a step belongs to: a DNS query before the connection, or the connection itself. */
export type Stage =
  | { kind: 'dns'; query: number; qname: string; qtype: string }
  | { kind: 'connect' }
  /** The proxy reads the HTTP request and chooses where it goes: ingress-nginx a location, or Envoy (a Gateway's) a route. */
  | { kind: 'http'; proxy?: 'envoy' }
  /** The proxy's own, new connection to the backend pod. */
  | { kind: 'upstream'; proxy?: 'envoy' };

export interface Step {
  index: number;
  phase: 'request' | 'reply';
  stage?: Stage;
  at: Location;
  before: Headers;
  after: Headers;
  /** The rule whose target acted here (DNAT, jump, REJECT …), if any. */
  rule?: MatchedRule;
  /** Every rule this step walked through, in order, with whether it matched. */
  rulesVisited?: { rule: MatchedRule; matched: boolean }[];
  conntrack?: ConntrackEntry;
  /** In IPVS mode, the virtual server that scheduled the packet, as `ipvsadm -Ln` lists it. */
  ipvs?: IpvsChoice;
  /** At a netfilter hook: the chains the packet went through and the rule that acted in each. */
  ladder?: LadderRung[];
  /** In nftables mode: kube-proxy's verdict-map lookups and numgen draws at this hook. */
  nft?: NftStepFact[];
  /** At a routing step: the route the kernel chose. */
  route?: RouteChoice;
  /** At the LAN's router: the BGP route that matched and the ECMP next hop its hash chose. */
  nextHop?: NextHopChoice;
  /** On the LAN: the ARP exchange for the address the packet is sent to. */
  arp?: ArpExchange;
  /** Past the LAN's router: a load balancer outside the model (the address's owner) and the node it sent the packet to. */
  externalLb?: ExternalLbChoice;
  /** The address translation done here: DNAT to an endpoint (kube-proxy's rules or IPVS), SNAT or MASQUERADE. */
  nat?: NatChoice;
  /** Onto the wire VXLAN-encapsulated: the node it leaves and the node it is sent to. */
  tunnel?: { from: string; to: string };
  /** Where CoreDNS answers a query of the walk: its response code and the addresses in the answer. */
  dnsAnswer?: { rcode: Rcode; addresses: string[] };
  /** What the step says, as a message key and parameters (the facts above are also typed fields). */
  explain: Explanation;
}

/** A route as `ip route` prints it: destination (a CIDR or `default`), device, gateway. */
export interface RouteChoice {
  dst: string;
  dev: string;
  via?: string;
}

/** The address a load balancer outside the model holds, the nodes that pass its health check, and the one it picked. */
export interface ExternalLbChoice extends ExternalAddress {
  nodes: string[];
  node?: string;
}

export interface NextHopChoice {
  /** The router's address on the LAN. */
  router: string;
  /** The BGP prefix that matched the destination. */
  prefix: string;
  /** Every ECMP next hop of that prefix, in the router's order. */
  hops: string[];
  /** The next hop chosen, and the node behind it. */
  via: string;
  node: string;
}

export interface ArpExchange {
  /** `reply`: a node answers for its own address; `metallb`: MetalLB's speaker answers for a LoadBalancer IP; `gratuitous`: the new leader announces an address after fail-over; `unanswered`: nobody replies. */
  kind: 'reply' | 'metallb' | 'gratuitous' | 'unanswered';
  /** The address asked for (or announced). */
  ip: string;
  /** Who asked: the client's address (absent for a gratuitous ARP, which nobody asks for). */
  askedBy?: string;
  /** The node that answered (or took the address over) and the MAC it gave. */
  answeredBy?: { node: string; mac: string };
  /** MetalLB's election order for the address, the winner first (layer 2 only). */
  candidates?: string[];
  /** `namespace/name` of the Service whose address MetalLB announces. */
  service?: string;
}

export interface NatChoice {
  kind: 'dnat' | 'snat' | 'masquerade';
  /** DNAT: the endpoint chosen, `IP:PORT`; SNAT/MASQUERADE: the new source address. */
  to: string;
  /** DNAT: `namespace/name` of the Service whose address the packet was sent to. */
  service?: string;
}

export interface LadderRule {
  /** 1-based line in the node's `iptables-save` listing. */
  line: number;
  /** The rule without its comment and statistic parts, e.g. `-d 10.96.0.10/32 -p udp --dport 53 -j KUBE-SVC-…`. */
  short: string;
  /** `-m statistic --mode random --probability P`, as written. */
  probability?: string;
  /** The rule's `--comment`, e.g. the endpoint a KUBE-SEP rule stands for. */
  comment?: string;
}

export interface LadderRung {
  table: TableName;
  chain: string;
  /** 0 for the hook's built-in chain, +1 per jump. */
  depth: number;
  /** Back in this chain after a jump returned: the same chain, read on. */
  continued?: boolean;
  /** The rule whose target acted in this chain: a jump, a goto, DNAT, MASQUERADE, DROP …; absent when none matched. */
  taken?: LadderRule & { target: string };
  /** Random rules tested and passed over before `taken`: the probability cascade of a Service's endpoints. */
  passedOver: LadderRule[];
}

export interface IpvsChoice {
  node: string;
  /** The virtual server's line, e.g. `TCP  10.96.0.1:443 rr`. */
  virtualServer: string;
  /** 1-based line of that virtual server in the node's `ipvsadm -Ln` listing. */
  line: number;
  /** The real server chosen, `IP:PORT`. */
  realServer: string;
}

export interface Outcome {
  /** `unmodelled`: the name was answered by a resolver outside the model, which cannot say what comes back. */
  result: 'delivered' | 'rejected' | 'dropped' | 'unmodelled';
  /** `namespace/name` of the pod that received the packet. */
  pod?: string;
  node?: string;
  /** `namespace/name` of the Service whose rules handled the packet. */
  service?: string;
  /** `IP:PORT` the packet was DNATed to. */
  endpoint?: string;
  reason?: Explanation;
  /** From the client: the node that answered ARP for the address, or the router's chosen next hop. */
  announcer?: string;
  /** Through an Ingress: what ingress-nginx answered, which Ingress and rule matched. */
  http?: {
    status: number;
    host: string;
    path: string;
    ingress?: string;
    /** The canary Ingress (`namespace/name`) whose backend the Lua balancer chose instead of the main one. */
    canary?: string;
    rule?: { host: string; path: string; pathType: string };
    location?: string;
    /** The controller pod (`namespace/name`) that handled the request. */
    controller?: string;
    /** Through a Gateway: the Gateway and HTTPRoute (`namespace/name`) and the backend (`namespace/service:port`). */
    gateway?: string;
    route?: string;
    backend?: string;
  };
  /** When the target was a name: how the pod's resolver got its address. */
  dns?: { name: string; status: string; addresses: string[]; queries: number; answeredBy?: number; resolvConf: string };
}

export interface Trace {
  spec: PacketSpec;
  steps: Step[];
  outcome: Outcome;
}

/** In nftables mode, what a kube-proxy lookup decided at a hook: a verdict map's element for the packet's key, or numgen's draw. */
export type NftStepFact =
  { kind: 'vmap'; map: string; key: string[]; verdict: string } | { kind: 'numgen'; mod: number; drawn: number; verdict: string };
