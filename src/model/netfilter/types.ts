// Netfilter as the model sees it: tables of chains of rules, packets, conntrack.
// Rules are parsed from the very text kube-proxy's generator printed, so what is
// evaluated is what the learner reads.

export type TableName = 'raw' | 'mangle' | 'nat' | 'filter';
export type Hook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';
export type L4Proto = 'tcp' | 'udp' | 'sctp' | 'icmp';

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
}
