// A conntrack entry as `conntrack -L` prints it, so the learner can compare with a real node.

import type { ConntrackEntry } from '../../model';

const protoNumber: Record<ConntrackEntry['proto'], number> = { tcp: 6, udp: 17, sctp: 132, icmp: 1 };

export function conntrackText(e: ConntrackEntry): string {
  const tuple = (x: ConntrackEntry['orig']) => `src=${x.src} dst=${x.dst} sport=${x.sport} dport=${x.dport}`;
  // conntrack prints a state word only for TCP, and [UNREPLIED] until a reply is seen.
  const state = e.proto === 'tcp' ? ` ${e.state}` : '';
  const unreplied = e.state === 'UNREPLIED' || e.state === 'SYN_SENT' ? ' [UNREPLIED]' : '';
  return `${e.proto.padEnd(8)} ${protoNumber[e.proto]} ${e.timeout}${state} ${tuple(e.orig)}${unreplied} ${tuple(e.reply)} mark=${e.mark} use=1`;
}
