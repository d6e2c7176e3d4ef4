// Netfilter as the model sees it: tables of chains of rules, packets, conntrack.
// Rules are parsed from the very text kube-proxy's generator printed, so what is
// evaluated is what the learner reads.

export type TableName = 'raw' | 'mangle' | 'nat' | 'filter';
export type Hook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';
export type L4Proto = 'tcp' | 'udp' | 'sctp' | 'icmp';
/** iptables (4) or ip6tables (6): each family has its own tables. */
export type IpFamily = 4 | 6;

export interface Packet {
  proto: L4Proto;
  src: string;
  dst: string;
  sport: number;
  dport: number;
  /** TCP flags set on this segment, e.g. ['SYN'] or ['SYN', 'ACK']. */
  tcpFlags?: string[];
  /** skb->mark, as -m mark and MARK see it. */
  mark: number;
  inIface?: string;
  outIface?: string;
}

export interface Rule {
  table: TableName;
  chain: string;
  /** 0-based position within its chain. */
  index: number;
  /** The rule as written, e.g. `-A KUBE-SERVICES -d 10.96.0.1/32 ... -j KUBE-SVC-...`. */
  text: string;
  /** 1-based line of this rule in the text it was parsed from. */
  line: number;
  /** Parsed tokens after `-A CHAIN` (quotes removed). */
  args: string[];
  /** 6 for an ip6tables rule; absent for iptables (IPv4). */
  family?: IpFamily;
}

export interface Chain {
  name: string;
  builtin: boolean;
  /** Policy of a built-in chain (ACCEPT/DROP); '-' for user chains. */
  policy: string;
  rules: Rule[];
}

export interface Table {
  name: TableName;
  /** Chains in the order they were declared. */
  chains: Chain[];
}

export interface Ruleset {
  tables: Partial<Record<TableName, Table>>;
  /** 6 for ip6tables; absent for iptables (IPv4). */
  family?: IpFamily;
}

export interface Tuple {
  src: string;
  dst: string;
  sport: number;
  dport: number;
}

export interface ConntrackEntry {
  proto: L4Proto;
  /** The tuple of the first packet as it arrived. */
  orig: Tuple;
  /** The tuple replies carry (after NAT: the endpoint answers to the masqueraded source). */
  reply: Tuple;
  /** Connection state, e.g. SYN_SENT, ESTABLISHED (TCP) or UNREPLIED for UDP. */
  state: string;
  mark: number;
  dnat: boolean;
  snat: boolean;
  /** Seconds, as `conntrack -L` prints. */
  timeout: number;
  /** The node whose conntrack table holds it. */
  node: string;
  /** A reply was seen (without it `conntrack -L` prints [UNREPLIED]). */
  seenReply?: boolean;
  /** Traffic seen both ways long enough to be kept under pressure ([ASSURED]). */
  assured?: boolean;
}

/** A rule some component adds outside an iptables-restore batch (`iptables -I/-A`). */
export interface RuleSpec {
  table: TableName;
  chain: string;
  args: string[];
  /** `insert` = -I (to the top of the chain), `append` = -A. */
  position: 'insert' | 'append';
}

// ---- Parsing -------------------------------------------------------------

/** A problem in an iptables-restore text; `message` is a message key (`netfilter.*`), never prose. */
export interface RulesetError {
  /** 1-based line in the parsed text. */
  line: number;
  message: string;
  params: Record<string, string | number>;
}

// ---- Evaluation ------------------------------------------------------------

/** Connection tracking's view of the packet being evaluated, as -m conntrack/-m state see it. */
export type CtState = 'NEW' | 'ESTABLISHED' | 'RELATED' | 'INVALID' | 'UNTRACKED';

export interface CtInfo {
  state: CtState;
  /** The connection had its destination / source translated (ctstate DNAT / SNAT). */
  dnat: boolean;
  snat: boolean;
  /** The entry of a known connection: the nat table is skipped and this entry's NAT is applied. */
  entry?: ConntrackEntry;
  direction?: 'original' | 'reply';
}

/** -m recent lists: list name -> masked address -> hit times (seconds). */
export type RecentState = Record<string, Record<string, number[]>>;

/** An ipset as `ipset list` shows it; members are written like `10.96.0.10,udp:53` or `10.244.0.0/16`. */
export interface IpSet {
  name: string;
  type: string;
  members: string[];
}

export interface EvalContext {
  /** -m addrtype LOCAL: is the address one of this node's own? */
  isLocal(ip: string): boolean;
  /** With --limit-iface-in/out: is the address local to that interface? Defaults to isLocal. */
  isLocalOn?(ip: string, iface: string): boolean;
  /** -m statistic --mode random: does this rule fire, given its (kernel-rounded) probability? */
  decideRandom(rule: Rule, probability: number): boolean;
  /** MASQUERADE: the primary address of the outgoing interface. */
  outAddress(iface: string): string;
  ipsets?: Record<string, IpSet>;
  recent?: RecentState;
  /** Seconds, for -m recent. */
  now?: number;
  /** Defaults to the first packet of a new connection. */
  ct?: CtInfo;
}

export interface Endpoint {
  ip: string;
  port: number;
}

/** What a rule's target did, for the learner. */
export type TargetEffect =
  | { kind: 'accept' }
  | { kind: 'drop' }
  | { kind: 'return' }
  | { kind: 'jump'; chain: string }
  | { kind: 'goto'; chain: string }
  | { kind: 'reject'; with: string }
  | { kind: 'mark'; from: number; to: number }
  | { kind: 'dnat'; from: Endpoint; to: Endpoint }
  | { kind: 'snat'; from: Endpoint; to: Endpoint; masquerade: boolean }
  | { kind: 'noop'; target: string };

export type Visit =
  /** A built-in chain of a table starts being walked. */
  | { kind: 'enter'; table: TableName; chain: string }
  /** A rule was tested; `effect` is set when it matched and has a target. */
  | { kind: 'rule'; table: TableName; chain: string; rule: Rule; matched: boolean; effect?: TargetEffect; unsupported?: string[] }
  /** The end of a user chain was reached: back to the calling chain. */
  | { kind: 'return'; table: TableName; chain: string }
  /** The built-in chain's policy decided. */
  | { kind: 'policy'; table: TableName; chain: string; policy: string }
  /** A known connection: conntrack applied its NAT instead of the nat table. */
  | { kind: 'conntrack'; table: 'nat'; manip: 'dst' | 'src'; from: Endpoint; to: Endpoint };

export interface NatBinding {
  kind: 'DNAT' | 'SNAT';
  masquerade: boolean;
  from: Endpoint;
  to: Endpoint;
  rule: Rule;
}

export interface HookResult {
  hook: Hook;
  verdict: 'ACCEPT' | 'DROP' | 'REJECT';
  /** With REJECT: the --reject-with type, e.g. icmp-port-unreachable. */
  rejectWith?: string;
  /** The rule whose target decided DROP/REJECT (absent for a policy or ACCEPT). */
  decidedBy?: Rule;
  /** The packet after MARK and NAT at this hook. */
  packet: Packet;
  visits: Visit[];
  /** NAT bindings the nat table made at this hook (first packet of a connection only). */
  nat: NatBinding[];
  /** Connection tracking info to pass to the next hook of the same packet. */
  ct: CtInfo;
  /** -m recent lists after this hook (the input is never modified). */
  recent: RecentState;
  /** Set when evaluation stopped because chains loop or nest too deep. */
  loop?: boolean;
}
