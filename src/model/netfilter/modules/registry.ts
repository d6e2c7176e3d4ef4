// The extensions the model knows, by the name used after -m / -j.

import { addrtypeMatch } from './addrtype';
import { commentMatch } from './comment';
import { conntrackMatch, stateMatch } from './conntrack';
import { sctpMatch, tcpMatch, udpMatch } from './l4';
import { markMatch } from './mark';
import type { MatchModule, TargetModule } from './module';
import { multiportMatch } from './multiport';
import { dnatTarget, masqueradeTarget, snatTarget } from './nat';
import { nfacctMatch } from './passive';
import { recentMatch } from './recent';
import { setMatch } from './set';
import { statisticMatch } from './statistic';
import { connmarkTarget, logTarget, rejectTarget } from './targets';
import { markTarget } from './xmark';

export const MATCHES: Readonly<Record<string, MatchModule<unknown>>> = {
  tcp: tcpMatch,
  udp: udpMatch,
  sctp: sctpMatch,
  multiport: multiportMatch,
  comment: commentMatch,
  mark: markMatch,
  addrtype: addrtypeMatch,
  conntrack: conntrackMatch,
  state: stateMatch,
  statistic: statisticMatch,
  recent: recentMatch,
  set: setMatch,
  nfacct: nfacctMatch,
};

export const TARGETS: Readonly<Record<string, TargetModule<unknown>>> = {
  REJECT: rejectTarget,
  MARK: markTarget,
  CONNMARK: connmarkTarget,
  LOG: logTarget,
  DNAT: dnatTarget,
  SNAT: snatTarget,
  MASQUERADE: masqueradeTarget,
};
