// Layer 2 mode (speaker/layer2_controller.go ShouldAnnounce + internal/layer2, MetalLB v0.15.3):
// per Service IP, the usable nodes are sorted by sha256(node + "#" + ip) and the first one
// answers ARP for it. Every speaker computes the same order, so exactly one node wins.

import type { ClusterEvent, NodeHost } from '../cluster/types';
import type { Service } from '../manifest/types';
import { sha256, utf8 } from '../hashing/sha256';
import { isMetalLBService } from './controller';
import type { MetalLBConfig, Pool } from './config';
import { goQuote } from './goText';
import { parseAddrGo, prefixContains } from '../net';
import { nodeUnusable, serviceEndpoints, type SpeakerView } from './speakers';
import type { Announcement, ArpPacket } from './types';
import { namespacedName } from '../k8s';

export const BROADCAST_MAC = 'ff:ff:ff:ff:ff:ff';
const ZERO_MAC = '00:00:00:00:00:00';

/** The speaker's poolFor: the pool whose prefixes hold every address (no avoidBuggyIPs check here). */
export function speakerPoolFor(config: MetalLBConfig, ips: string[]): Pool | undefined {
  const addrs = ips.map(parseAddrGo);
  for (const p of config.pools.values()) if (addrs.every((a) => a && p.cidrs.some((c) => prefixContains(c, a)))) return p;
  return undefined;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** sha256 digests by `node#ip`, to share between elections over the same addresses. */
export type ElectionHashes = Map<string, Uint8Array>;

function digest(key: string, cache: ElectionHashes | undefined): Uint8Array {
  if (!cache) return sha256(utf8(key));
  let h = cache.get(key);
  if (!h) cache.set(key, (h = sha256(utf8(key))));
  return h;
}

/** The election order: nodes by sha256(`node#ip`), smallest first. */
export function electionOrder(nodes: string[], ip: string, cache?: ElectionHashes): string[] {
  return nodes
    .map((n) => ({ n, h: digest(`${n}#${ip}`, cache) }))
    .sort((a, b) => compareBytes(a.h, b.h))
    .map((x) => x.n);
}

/** The nodes that may announce an IP of `pool` for `svc` (before the election). */
function l2Eligible(view: SpeakerView, pool: Pool, svc: Service): string[] {
  const matches = (node: string) => pool.l2.some((ad) => ad.nodes.has(node));
  const speakers = [...view.alive].filter((n) => !nodeUnusable(view.byName.get(n)) && matches(n));
  const endpoints = serviceEndpoints(view, svc);
  if (!endpoints.some((e) => e.canServe)) return [];
  if (svc.spec.externalTrafficPolicy !== 'Local') return speakers;
  const withEndpoint = new Set(endpoints.filter((e) => e.canServe && e.node).map((e) => e.node!));
  return speakers.filter((n) => withEndpoint.has(n));
}

/** ipAdvertisementFor: whether the winner's NIC is among the interfaces its L2Advertisements allow. */
function interfaceAllowed(pool: Pool, node: string, nic: string | undefined): boolean {
  const ads = pool.l2.filter((ad) => ad.nodes.has(node));
  if (ads.some((ad) => ad.allInterfaces)) return true;
  return nic !== undefined && ads.some((ad) => ad.interfaces.includes(nic));
}

export interface L2Result {
  announcements: Announcement[];
  events: ClusterEvent[];
}

/** Layer 2 announcements for every MetalLB Service that has an address. */
export function l2Announcements(
  services: Service[],
  config: MetalLBConfig,
  view: SpeakerView,
  hosts: Record<string, NodeHost> = {},
  hashes?: ElectionHashes,
): L2Result {
  const announcements: Announcement[] = [];
  const events: ClusterEvent[] = [];
  for (const svc of services) {
    const ips = (svc.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : []));
    if (!isMetalLBService(svc) || ips.length === 0) continue;
    const pool = speakerPoolFor(config, ips);
    if (!pool || pool.l2.length === 0) continue;
    const name = namespacedName(svc);
    const object = `Service/${namespacedName(svc)}`;
    // The first address decides for all of them (dual stack: one node for both).
    const candidates = electionOrder(l2Eligible(view, pool, svc), ips[0], hashes);
    const winner = candidates[0];
    let nodes: string[] = [];
    if (winner !== undefined) {
      if (interfaceAllowed(pool, winner, hosts[winner]?.nic.name)) {
        nodes = [winner];
        events.push({
          object,
          type: 'Normal',
          reason: 'nodeAssigned',
          message: { key: 'event.nodeAssigned', params: { node: goQuote(winner), protocol: goQuote('layer2') } },
        });
      } else
        for (const ip of ips)
          events.push({
            object,
            type: 'Warning',
            reason: 'announceFailed',
            message: { key: 'event.announceFailed', params: { ip: goQuote(ip), node: goQuote(winner), protocol: goQuote('layer2') } },
          });
    }
    for (const ip of ips) announcements.push({ service: name, ip, protocol: 'layer2', pool: pool.name, nodes, peers: [], candidates });
  }
  return { announcements, events };
}

/** Who has `ip`? The client's broadcast request and the announcing node's reply (none if no node announces). */
export function arpExchange(
  ip: string,
  client: { ip: string; mac: string },
  announcerMAC: string | undefined,
): { request: ArpPacket; reply?: ArpPacket } {
  const request: ArpPacket = {
    op: 'request',
    ethDst: BROADCAST_MAC,
    senderMAC: client.mac,
    senderIP: client.ip,
    targetMAC: ZERO_MAC,
    targetIP: ip,
  };
  if (announcerMAC === undefined) return { request };
  return {
    request,
    reply: { op: 'reply', ethDst: client.mac, senderMAC: announcerMAC, senderIP: ip, targetMAC: client.mac, targetIP: client.ip },
  };
}

/** arpResponder.Gratuitous: a request and a reply, both broadcast, sender and target IP the announced one. */
export function gratuitousArp(ip: string, mac: string): ArpPacket[] {
  return (['request', 'reply'] as const).map((op) => ({
    op,
    ethDst: BROADCAST_MAC,
    senderMAC: mac,
    senderIP: ip,
    targetMAC: BROADCAST_MAC,
    targetIP: ip,
  }));
}
