// The mutable state of one walk: steps so far, each node's conntrack, the seeded dice.

import type { Model } from '../modelTypes';
import type { LanHost } from '../network/lan';
import type { ExplainKey, Headers, PacketSpec, Step, Explanation, Location, MatchedRule, Stage } from './types';
import type { ConntrackTable } from '../netfilter/conntrack';
import type { NftDynamicSets } from '../kubeproxy/nftables/eval';
import type { ConntrackEntry, CtInfo, Packet, RecentState } from '../netfilter/types';

export interface Walk {
  model: Model;
  spec: PacketSpec;
  steps: Step[];
  phase: Step['phase'];
  random: () => number;
  /** Per node, the connections its conntrack knows. */
  conntrack: Record<string, ConntrackTable>;
  /** Per node, the -m recent lists (ClientIP session affinity); shared by the connections of a series. */
  recent: Record<string, RecentState>;
  /** Per node, kube-proxy's nftables affinity sets (nftables mode); shared by the connections of a series like `recent`. */
  nftSets: Record<string, NftDynamicSets>;
  /** Seconds since the first connection of a series, for -m recent --seconds. */
  now: number;
  /** The packet's passage through the node it is in: as it arrived, and what conntrack knows of it. */
  passage?: { node: string; first: Packet; ct: CtInfo };
  /** Headers the packet currently carries beyond the IP/L4 ones (MACs, outer VXLAN). */
  link: Pick<Headers, 'srcMac' | 'dstMac' | 'outer'>;
  /** The learner's machine on the LAN, when the walk involves it. */
  client?: LanHost;
  /** The node that answered the client's ARP, or the router's next hop. */
  announcer?: string;
  /** The stage the next steps belong to. */
  stage?: Stage;
  /** Steps left to the packet on its way: a routing loop ends the walk instead of hanging the page. */
  budget: number;
}

export function headersOf(packet: Packet, link: Walk['link']): Headers {
  const h: Headers = {
    proto: packet.proto,
    src: packet.src,
    sport: packet.sport,
    dst: packet.dst,
    dport: packet.dport,
    mark: packet.mark,
  };
  if (packet.tcpFlags) h.tcpFlags = [...packet.tcpFlags];
  if (link.srcMac) h.srcMac = link.srcMac;
  if (link.dstMac) h.dstMac = link.dstMac;
  if (link.outer) h.outer = { ...link.outer };
  return h;
}

export interface StepExtras {
  rule?: MatchedRule;
  rulesVisited?: Step['rulesVisited'];
  conntrack?: ConntrackEntry;
  ipvs?: Step['ipvs'];
  ladder?: Step['ladder'];
  nft?: Step['nft'];
  route?: Step['route'];
  nextHop?: Step['nextHop'];
  arp?: Step['arp'];
  nat?: Step['nat'];
  tunnel?: Step['tunnel'];
  dnsAnswer?: Step['dnsAnswer'];
  externalLb?: Step['externalLb'];
}

/** Records one step; `before` is what the packet looked like when it arrived here. */
export function addStep(walk: Walk, at: Location, before: Headers, after: Packet, explain: Explanation, extras: StepExtras = {}): void {
  walk.budget--;
  const step: Step = {
    index: walk.steps.length,
    phase: walk.phase,
    ...(walk.stage ? { stage: walk.stage } : {}),
    at,
    before,
    after: headersOf(after, walk.link),
    explain,
  };
  if (extras.rule) step.rule = extras.rule;
  if (extras.rulesVisited && extras.rulesVisited.length > 0) step.rulesVisited = extras.rulesVisited;
  if (extras.conntrack) step.conntrack = extras.conntrack;
  if (extras.ipvs) step.ipvs = extras.ipvs;
  if (extras.ladder && extras.ladder.length > 0) step.ladder = extras.ladder;
  if (extras.nft && extras.nft.length > 0) step.nft = extras.nft;
  if (extras.route) step.route = extras.route;
  if (extras.nextHop) step.nextHop = extras.nextHop;
  if (extras.arp) step.arp = extras.arp;
  if (extras.nat) step.nat = extras.nat;
  if (extras.tunnel) step.tunnel = extras.tunnel;
  if (extras.dnsAnswer) step.dnsAnswer = extras.dnsAnswer;
  if (extras.externalLb) step.externalLb = extras.externalLb;
  walk.steps.push(step);
}

export function explain(key: ExplainKey, params: Explanation['params'] = {}): Explanation {
  return { key, params };
}
