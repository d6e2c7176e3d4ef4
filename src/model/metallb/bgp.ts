// BGP mode (speaker/bgp_controller.go, MetalLB v0.15.3, native BGP): every eligible node
// advertises the Service's address, rolled up to aggregationLength, to every BGPPeer whose
// nodeSelectors match it; LOCAL_PREF only on iBGP sessions. The router (the ToR at the peer
// address) keeps the best paths and spreads flows over them (ECMP).

import { diagnostic, type Diagnostic } from '../diagnostics';
import { fnv32a } from '../hashing/names';
import { matchesSelector } from '../cluster/labels';
import type { ClusterEvent, NodeHost } from '../cluster/types';
import type { Node, Service } from '../manifest/types';
import type { MetalLBConfig, Peer, Pool } from './config';
import { isMetalLBService } from './controller';
import { goQuote } from './goText';
import { formatPrefixGo, parseAddrGo, parsePrefixGo, prefixContains, prefixOf, type Addr } from '../net';
import { speakerPoolFor } from './layer2';
import { nodeUnusable, serviceEndpoints, type SpeakerView } from './speakers';
import type { Announcement, BgpRoute, Flow, RouterRoute, RouterTable } from './types';
import { namespacedName } from '../k8s';

/** The LOCAL_PREF a router gives a path that carries none (eBGP): the usual default. */
const DEFAULT_LOCAL_PREF = 100;

const ibgp = (p: Peer): boolean => p.asn === p.myASN || p.dynamicASN === 'internal';

/** The node's address on the LAN: its InternalIP (the session's source, hence the NEXT_HOP). */
function nodeAddress(node: Node | undefined, host: NodeHost | undefined): string | undefined {
  return host?.nic.ip ?? node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}

/** Peers that have a router to talk to: with the nodes' networks known, only addresses on one of them (or ebgpMultiHop). */
export function reachablePeers(config: MetalLBConfig, lanSubnets?: string[]): { peers: Peer[]; diagnostics: Diagnostic[] } {
  const lans = (lanSubnets ?? []).map(parsePrefixGo).filter((p) => p !== undefined);
  const diagnostics: Diagnostic[] = [];
  const peers = config.peers.filter((p) => {
    const addr = p.address ? parseAddrGo(p.address) : undefined;
    if (lans.length === 0 || p.ebgpMultiHop || (addr && lans.some((lan) => prefixContains(lan, addr)))) return true;
    diagnostics.push(
      diagnostic(
        'warning',
        'metallb.bgpPeer.noRouter',
        { peer: p.name, address: p.address ?? '', subnet: lanSubnets!.join(', ') },
        p.source.at('spec.peerAddress'),
      ),
    );
    return false;
  });
  return { peers, diagnostics };
}

/**
 * hasHealthyEndpoint, for the whole Service and per node at once: an address with any unready
 * endpoint counts as unready.
 */
function healthyEndpoints(view: SpeakerView, svc: Service): { any: boolean; nodes: Set<string> } {
  const all = new Map<string, boolean>();
  const perNode = new Map<string, Map<string, boolean>>();
  const note = (ready: Map<string, boolean>, a: string, canServe: boolean) => {
    if (!ready.has(a) && canServe) ready.set(a, true);
    if (!canServe) ready.set(a, false);
  };
  for (const e of serviceEndpoints(view, svc))
    for (const a of e.addresses) {
      note(all, a, e.canServe);
      if (e.node === undefined) continue;
      let m = perNode.get(e.node);
      if (!m) perNode.set(e.node, (m = new Map()));
      note(m, a, e.canServe);
    }
  const healthy = (m: Map<string, boolean>) => [...m.values()].some(Boolean);
  return { any: healthy(all), nodes: new Set([...perNode].filter(([, m]) => healthy(m)).map(([n]) => n)) };
}

/** ShouldAnnounce, for every node's speaker. */
function advertisingNodes(view: SpeakerView, nodes: string[], pool: Pool, svc: Service): string[] {
  const healthy = healthyEndpoints(view, svc);
  if (!healthy.any) return [];
  const local = svc.spec.externalTrafficPolicy === 'Local';
  return nodes.filter(
    (node) => pool.bgp.some((ad) => ad.nodes.has(node)) && !nodeUnusable(view.byName.get(node)) && (!local || healthy.nodes.has(node)),
  );
}

/** Whether the peering runs on this node (syncPeers: no selectors = every node). */
const peersWith = (p: Peer, node: Node | undefined): boolean =>
  p.nodeSelectors.length === 0 || p.nodeSelectors.some((s) => matchesSelector(node?.metadata.labels ?? {}, s));

export interface BgpResult {
  announcements: Announcement[];
  /** `nodeAssigned` from every speaker whose ShouldAnnounce said yes. */
  events: ClusterEvent[];
}

/** BGP announcements for every MetalLB Service that has an address and a BGP-advertised pool. */
export function bgpAnnouncements(
  services: Service[],
  config: MetalLBConfig,
  view: SpeakerView,
  peers: Peer[],
  hosts: Record<string, NodeHost> = {},
): BgpResult {
  const out: Announcement[] = [];
  const events: ClusterEvent[] = [];
  const nodes = [...view.alive].sort();
  for (const svc of services) {
    const ips = (svc.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : []));
    if (!isMetalLBService(svc) || ips.length === 0) continue;
    const pool = speakerPoolFor(config, ips);
    if (!pool || pool.bgp.length === 0) continue;
    const advertising = advertisingNodes(view, nodes, pool, svc);
    for (const node of advertising)
      events.push({
        object: `Service/${namespacedName(svc)}`,
        type: 'Normal',
        reason: 'nodeAssigned',
        message: { key: 'event.nodeAssigned', params: { node: goQuote(node), protocol: goQuote('bgp') } },
      });
    for (const ip of ips) {
      const addr = parseAddrGo(ip) as Addr;
      const prefixes = pool.bgp.map((ad) =>
        formatPrefixGo(prefixOf(addr, addr.family === 4 ? ad.aggregationLength : ad.aggregationLengthV6)),
      );
      const routes: BgpRoute[] = [];
      for (const node of advertising) {
        const nextHop = nodeAddress(view.byName.get(node), hosts[node]);
        if (!nextHop) continue;
        for (const peer of peers) {
          if (!peersWith(peer, view.byName.get(node))) continue;
          for (const [i, ad] of pool.bgp.entries()) {
            if (!ad.nodes.has(node) || (ad.peers.length > 0 && !ad.peers.includes(peer.name))) continue;
            const prefix = prefixes[i];
            const route: BgpRoute = { node, peer: peer.name, prefix, nextHop, communities: ad.communities };
            if (ibgp(peer)) route.localPref = ad.localPref;
            routes.push(route);
          }
        }
      }
      out.push({
        service: namespacedName(svc),
        ip,
        protocol: 'bgp',
        pool: pool.name,
        nodes: [...new Set(routes.map((r) => r.node))],
        peers: [...new Set(routes.map((r) => r.peer))].sort(),
        routes,
      });
    }
  }
  return { announcements: out, events };
}

const ipOrder = (a: string, b: string): number => {
  const x = parseAddrGo(a)!;
  const y = parseAddrGo(b)!;
  return x.family - y.family || (x.value < y.value ? -1 : x.value > y.value ? 1 : 0);
};

/**
 * The routers' tables: per prefix, the best paths (highest LOCAL_PREF, then eBGP over iBGP) kept
 * side by side as ECMP next hops, as a router with multipath enabled does. One router per peer address.
 */
export function routerTables(announcements: Announcement[], peers: Peer[]): RouterTable[] {
  const routers = new Map<string, RouterTable>();
  const paths = new Map<string, Map<string, { route: BgpRoute; localPref: number; ebgp: boolean }[]>>();
  for (const p of peers) {
    const address = p.address ?? p.name;
    const r = routers.get(address);
    if (r) r.peers.push(p.name);
    else routers.set(address, { address, asn: p.asn || (p.dynamicASN === 'internal' ? p.myASN : 0), peers: [p.name], routes: [] });
  }
  const peerByName = new Map(peers.map((p) => [p.name, p]));
  for (const a of announcements)
    for (const route of a.routes ?? []) {
      const peer = peerByName.get(route.peer);
      if (!peer) continue;
      const address = peer.address ?? peer.name;
      let table = paths.get(address);
      if (!table) paths.set(address, (table = new Map()));
      const list = table.get(route.prefix) ?? [];
      // A session sends one UPDATE per prefix: the same prefix from the same node is one path.
      if (!list.some((p) => p.route.node === route.node && p.route.peer === route.peer))
        list.push({ route, localPref: route.localPref ?? DEFAULT_LOCAL_PREF, ebgp: !ibgp(peer) });
      table.set(route.prefix, list);
    }
  for (const [address, table] of paths) {
    const router = routers.get(address)!;
    for (const [prefix, list] of table) {
      const bestPref = Math.max(...list.map((p) => p.localPref));
      let best = list.filter((p) => p.localPref === bestPref);
      if (best.some((p) => p.ebgp)) best = best.filter((p) => p.ebgp);
      const hops = new Map<string, { ip: string; node: string; peer: string }>();
      for (const p of best)
        if (!hops.has(p.route.nextHop)) hops.set(p.route.nextHop, { ip: p.route.nextHop, node: p.route.node, peer: p.route.peer });
      const route: RouterRoute = {
        prefix,
        nextHops: [...hops.values()].sort((x, y) => ipOrder(x.ip, y.ip)),
        localPref: bestPref,
        communities: best[0].route.communities,
      };
      router.routes.push(route);
    }
    router.routes.sort(
      (x, y) => ipOrder(x.prefix.split('/')[0], y.prefix.split('/')[0]) || Number(y.prefix.split('/')[1]) - Number(x.prefix.split('/')[1]),
    );
  }
  return [...routers.values()];
}

/**
 * The router's choice for one flow: the longest matching prefix, then one ECMP next hop by
 * hash-threshold (RFC 2992, as Linux's fib_select_multipath): the 32-bit FNV-1a hash of
 * `PROTO srcIP srcPort dstIP dstPort` split into equal ranges, one per next hop in table order.
 */
export function routerNextHop(
  table: RouterTable,
  flow: Flow,
): { route: RouterRoute; nextHop: RouterRoute['nextHops'][number]; hash: number } | undefined {
  const dst = parseAddrGo(flow.dstIP);
  if (!dst) return undefined;
  let route: RouterRoute | undefined;
  let bits = -1;
  for (const r of table.routes) {
    const p = parsePrefixGo(r.prefix);
    if (p && p.bits > bits && prefixContains(p, dst) && r.nextHops.length > 0) [route, bits] = [r, p.bits];
  }
  if (!route) return undefined;
  const hash = fnv32a(`${flow.protocol} ${flow.srcIP} ${flow.srcPort} ${flow.dstIP} ${flow.dstPort}`);
  const index = Math.floor((hash * route.nextHops.length) / 2 ** 32);
  return { route, nextHop: route.nextHops[index], hash };
}
