// Connection tracking on one node: an entry per connection, made when its first packet
// leaves the last hook (the kernel "confirms" it) with the reply tuple the NAT bindings
// imply; later packets in either direction are found by tuple and translated, so a
// reply from the pod reaches the client from the address the client dialled.
// State names and timeouts follow Linux 6.x nf_conntrack defaults.

import type { ConntrackEntry, CtInfo, L4Proto, Packet, Tuple } from './types';

export interface ConntrackTable {
  node: string;
  entries: readonly ConntrackEntry[];
}

export interface ConntrackHit {
  entry: ConntrackEntry;
  direction: 'original' | 'reply';
}

const TCP_TIMEOUTS: Record<string, number> = {
  SYN_SENT: 120,
  SYN_RECV: 60,
  ESTABLISHED: 432000,
  FIN_WAIT: 120,
  CLOSE_WAIT: 60,
  LAST_ACK: 30,
  TIME_WAIT: 120,
  CLOSE: 10,
};
const UDP_TIMEOUT = 30;
const UDP_STREAM_TIMEOUT = 120;
const ICMP_TIMEOUT = 30;
const SCTP_COOKIE_WAIT = 3;

export function emptyConntrack(node: string): ConntrackTable {
  return { node, entries: [] };
}

export function tupleOf(p: Packet): Tuple {
  return { src: p.src, dst: p.dst, sport: p.sport, dport: p.dport };
}

function inverse(t: Tuple): Tuple {
  return { src: t.dst, dst: t.src, sport: t.dport, dport: t.sport };
}

function sameTuple(a: Tuple, b: Tuple): boolean {
  return a.src === b.src && a.dst === b.dst && a.sport === b.sport && a.dport === b.dport;
}

export function lookupConntrack(table: ConntrackTable, packet: Packet): ConntrackHit | undefined {
  const t = tupleOf(packet);
  for (const entry of table.entries) {
    if (entry.proto !== packet.proto) continue;
    if (sameTuple(entry.orig, t)) return { entry, direction: 'original' };
    if (sameTuple(entry.reply, t)) return { entry, direction: 'reply' };
  }
  return undefined;
}

/** What -m conntrack sees for a packet: NEW without an entry, ESTABLISHED once a reply was seen or for the reply itself. */
export function ctInfoFor(hit: ConntrackHit | undefined): CtInfo {
  if (!hit) return { state: 'NEW', dnat: false, snat: false };
  const { entry, direction } = hit;
  const established = direction === 'reply' || !!entry.seenReply;
  return { state: established ? 'ESTABLISHED' : 'NEW', dnat: entry.dnat, snat: entry.snat, entry, direction };
}

/**
 * The entry the first packet leaves behind: `first` as it arrived at the node (or left
 * the local socket), `final` after every NAT binding at this node.
 */
export function confirmConntrack(table: ConntrackTable, first: Packet, final: Packet): { table: ConntrackTable; entry: ConntrackEntry } {
  const orig = tupleOf(first);
  const reply = inverse(tupleOf(final));
  const { state, timeout } = initialState(first);
  const entry: ConntrackEntry = {
    proto: first.proto,
    orig,
    reply,
    state,
    mark: 0,
    dnat: orig.dst !== final.dst || orig.dport !== final.dport,
    snat: orig.src !== final.src || orig.sport !== final.sport,
    timeout,
    node: table.node,
    seenReply: false,
    assured: false,
  };
  return { table: { ...table, entries: [...table.entries, entry] }, entry };
}

function initialState(p: Packet): { state: string; timeout: number } {
  switch (p.proto) {
    case 'tcp': {
      const flags = p.tcpFlags ?? [];
      // A mid-stream packet is picked up as ESTABLISHED (nf_conntrack_tcp_loose=1).
      return flags.includes('SYN') && !flags.includes('ACK')
        ? { state: 'SYN_SENT', timeout: TCP_TIMEOUTS.SYN_SENT }
        : { state: 'ESTABLISHED', timeout: TCP_TIMEOUTS.ESTABLISHED };
    }
    case 'udp':
      return { state: 'UNREPLIED', timeout: UDP_TIMEOUT };
    case 'sctp':
      return { state: 'COOKIE_WAIT', timeout: SCTP_COOKIE_WAIT };
    default:
      return { state: 'UNREPLIED', timeout: ICMP_TIMEOUT };
  }
}

/** Records a later packet of a known connection: state, timeout, [UNREPLIED]/[ASSURED]. A RST before the connection was assured deletes the entry, as the kernel does. */
export function updateConntrack(
  table: ConntrackTable,
  hit: ConntrackHit,
  packet: Packet,
): { table: ConntrackTable; entry?: ConntrackEntry } {
  const old = hit.entry;
  const reply = hit.direction === 'reply';
  const next: ConntrackEntry = { ...old, seenReply: old.seenReply || reply };
  if (old.proto === 'tcp') {
    const flags = new Set(packet.tcpFlags ?? []);
    if (flags.has('RST') && !old.assured) return { table: { ...table, entries: table.entries.filter((e) => e !== old) } };
    next.state = nextTcpState(old.state, hit.direction, flags);
    next.timeout = TCP_TIMEOUTS[next.state] ?? old.timeout;
    if (next.state === 'ESTABLISHED' && old.state === 'SYN_RECV') next.assured = true;
  } else if (old.proto === 'udp') {
    next.state = next.seenReply ? 'REPLIED' : 'UNREPLIED';
    // Traffic both ways and then more: a UDP stream, kept longer and assured.
    if (old.seenReply && !reply) Object.assign(next, { timeout: UDP_STREAM_TIMEOUT, assured: true });
  }
  return { table: { ...table, entries: table.entries.map((e) => (e === old ? next : e)) }, entry: next };
}

function nextTcpState(state: string, direction: 'original' | 'reply', flags: Set<string>): string {
  if (flags.has('RST')) return 'CLOSE';
  if (flags.has('SYN')) {
    if (direction === 'reply' && flags.has('ACK') && state === 'SYN_SENT') return 'SYN_RECV';
    return state;
  }
  if (flags.has('FIN')) return state === 'ESTABLISHED' ? 'FIN_WAIT' : state === 'CLOSE_WAIT' || state === 'FIN_WAIT' ? 'LAST_ACK' : state;
  if (flags.has('ACK')) {
    if (state === 'SYN_RECV' && direction === 'original') return 'ESTABLISHED';
    if (state === 'FIN_WAIT') return 'CLOSE_WAIT';
    if (state === 'LAST_ACK') return 'TIME_WAIT';
  }
  return state;
}

/**
 * Conntrack's NAT for a packet of a known connection at a destination (PREROUTING/OUTPUT)
 * or source (INPUT/POSTROUTING) hook: an original-direction packet is rewritten towards
 * the reply tuple's view, a reply back to what the client first sent.
 */
export function conntrackNat(entry: ConntrackEntry, direction: 'original' | 'reply', packet: Packet, manip: 'dst' | 'src'): Packet {
  const want = inverse(direction === 'original' ? entry.reply : entry.orig);
  return manip === 'dst' ? { ...packet, dst: want.dst, dport: want.dport } : { ...packet, src: want.src, sport: want.sport };
}

const PROTO_NUMBERS: Record<L4Proto, number> = { tcp: 6, udp: 17, sctp: 132, icmp: 1 };

/**
 * One line of `conntrack -L` (conntrack-tools v1.4.7). The kernel reports the whole
 * seconds left, so a timer set `elapsed` seconds ago reads timeout - elapsed - 1.
 */
export function formatConntrack(entry: ConntrackEntry, elapsed = 0): string {
  const left = Math.max(0, Math.ceil(entry.timeout - elapsed) - 1);
  const hasState = entry.proto === 'tcp' || entry.proto === 'sctp';
  const ports = (t: Tuple, reply: boolean) =>
    entry.proto === 'icmp' ? `type=${reply ? 0 : 8} code=0 id=${t.sport}` : `sport=${t.sport} dport=${t.dport}`;
  const tuple = (t: Tuple, reply: boolean) => `src=${t.src} dst=${t.dst} ${ports(t, reply)}`;
  return [
    `${entry.proto.padEnd(8)} ${PROTO_NUMBERS[entry.proto]} ${left}`,
    ...(hasState ? [entry.state] : []),
    tuple(entry.orig, false),
    ...(entry.seenReply ? [] : ['[UNREPLIED]']),
    tuple(entry.reply, true),
    ...(entry.assured ? ['[ASSURED]'] : []),
    `mark=${entry.mark} use=1`,
  ].join(' ');
}
