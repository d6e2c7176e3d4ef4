// The packet walk. Each function moves the packet one place further — out of a pod,
// through a node's netfilter hooks and routing table, across the overlay — and records
// a Step. Every decision comes from the dataplane: the rules runHook evaluates, the
// routes lookupRoute reads, the addresses the cluster assigned. Nothing is scripted.

import type { PodNet } from '../cluster/types';
import type { Packet } from '../netfilter/types';
import { cidrContains } from '../net';
import { routerNextHop } from '../metallb/bgp';
import { lanRouter } from '../network/lan';
import { lookupRoute, VXLAN_PORT, VXLAN_VNI } from '../network/routes';
import type { Route } from '../network/types';
import { runHook, type HookPass } from './hooks';
import { dnatTo, hostProcess, localAddresses, nodeByIP, podByIP } from './lookup';
import { fnv1a } from './rng';
import { viaExternalLb } from './externalLb';
import type { ArpExchange, ExplainKey, Headers, IpvsChoice } from './types';
import type { VirtualServer } from '../kubeproxy/ipvs/types';
import { addStep, explain, headersOf, type Walk } from './walkState';

/** Where a walk ended. */
export type Arrival =
  | { kind: 'pod'; pod: PodNet; packet: Packet }
  | { kind: 'host'; node: string; process?: PodNet; packet: Packet }
  | { kind: 'client'; packet: Packet }
  | { kind: 'rejected'; node: string; packet: Packet; rejectWith: string }
  | {
      kind: 'dropped';
      node?: string;
      packet: Packet;
      reason: 'noNeighbour' | 'externalLb' | 'loop' | 'chainLoop' | 'noRoute' | 'leftCluster' | 'ruleDrop';
      rule?: string;
    };

function snapshot(walk: Walk, packet: Packet): Headers {
  return headersOf(packet, walk.link);
}

/** A pod's process sends `packet`: out of eth0, over the veth, into its node. */
export function fromPod(walk: Walk, pod: PodNet, packet: Packet): Arrival {
  const host = walk.model.state.hosts[pod.node];
  const before = snapshot(walk, packet);
  walk.link = { srcMac: pod.mac, dstMac: host?.cni0.mac };
  // The reply leaves the pod on the connection the request opened: it does not open one.
  addStep(
    walk,
    { element: 'pod', pod: pod.key, node: pod.node },
    before,
    packet,
    explain(walk.phase === 'request' ? 'explain.pod.send' : 'explain.pod.reply', {
      pod: pod.key,
      src: packet.src,
      dst: packet.dst,
      dport: packet.dport,
      gw: host?.cni0.ip ?? '',
    }),
  );
  const onVeth = snapshot(walk, packet);
  addStep(
    walk,
    { element: 'veth', pod: pod.key, node: pod.node },
    onVeth,
    packet,
    explain('explain.veth.toNode', { pod: pod.key, veth: pod.veth, node: pod.node }),
  );
  return intoNode(walk, pod.node, packet, 'cni0');
}

/**
 * The client on the LAN sends `packet`. On the LAN it ARPs for the destination — a node's
 * own address, or a LoadBalancer IP whose MetalLB layer-2 speaker answers; anything else
 * goes to the router, whose BGP routes (MetalLB's advertisements) pick a node, or, for an
 * address a load balancer outside the model holds, on to that load balancer (externalLb.ts).
 */
export function fromClient(walk: Walk, packet: Packet): Arrival {
  const { state } = walk.model;
  const client = walk.client!;
  addStep(
    walk,
    { element: 'client' },
    snapshot(walk, packet),
    packet,
    explain('explain.client.send', { client: client.ip, dst: packet.dst, dport: packet.dport }),
  );
  const external = state.metallb?.external.find((e) => e.ip === packet.dst);
  const next = external
    ? viaExternalLb(walk, packet, external)
    : cidrContains(state.config.nodeSubnet, packet.dst)
      ? arpOnLan(walk, packet)
      : viaRouter(walk, packet);
  if (!next) return { kind: 'dropped', packet, reason: external ? 'externalLb' : 'noNeighbour' };
  const host = state.hosts[next]!;
  const atNic = snapshot(walk, packet);
  addStep(walk, { element: 'nic', node: next }, atNic, packet, explain('explain.nic.receive', { node: next, dev: host.nic.name }));
  return intoNode(walk, next, packet, host.nic.name);
}

/** ARP on the LAN: who answers for the destination, and the frame sent to that MAC. Returns the node. */
function arpOnLan(walk: Walk, packet: Packet): string | undefined {
  const { state } = walk.model;
  const client = walk.client!;
  const before = snapshot(walk, packet);
  const announcement = state.metallb?.announcements.find((a) => a.ip === packet.dst && a.protocol === 'layer2');
  const failover = state.metallb?.failovers.find((f) => f.ip === packet.dst);
  if (failover?.to) {
    const mac = state.hosts[failover.to]?.nic.mac ?? '';
    addStep(
      walk,
      { element: 'wire', node: failover.to },
      before,
      packet,
      explain('explain.arp.gratuitous', {
        ip: packet.dst,
        to: failover.to,
        from: failover.from ?? '',
        mac,
      }),
      { arp: { kind: 'gratuitous', ip: packet.dst, answeredBy: { node: failover.to, mac } } },
    );
  }
  const owner = nodeByIP(state, packet.dst) ?? announcement?.nodes[0];
  const host = owner && !isDown(walk, owner) ? state.hosts[owner] : undefined;
  if (!owner || !host) {
    addStep(walk, { element: 'wire' }, before, packet, explain('explain.arp.unanswered', { ip: packet.dst, client: client.ip }), {
      arp: { kind: 'unanswered', ip: packet.dst, askedBy: client.ip },
    });
    return undefined;
  }
  walk.announcer = owner;
  walk.link = { srcMac: client.mac, dstMac: host.nic.mac };
  const key = announcement ? 'explain.arp.metallb' : 'explain.arp.reply';
  const arp: ArpExchange = {
    kind: announcement ? 'metallb' : 'reply',
    ip: packet.dst,
    askedBy: client.ip,
    answeredBy: { node: owner, mac: host.nic.mac },
  };
  if (announcement?.candidates?.length) arp.candidates = announcement.candidates;
  if (announcement?.service) arp.service = announcement.service;
  addStep(
    walk,
    { element: 'wire', node: owner },
    before,
    packet,
    explain(key, {
      ip: packet.dst,
      client: client.ip,
      node: owner,
      mac: host.nic.mac,
      service: announcement?.service ?? '',
      candidates: announcement?.candidates?.join(', ') ?? '',
    }),
    { arp },
  );
  return owner;
}

/** Off the LAN: to the default gateway, which forwards along its best route (ECMP over MetalLB's BGP next hops). */
function viaRouter(walk: Walk, packet: Packet): string | undefined {
  const { state } = walk.model;
  const router = lanRouter(state);
  const before = snapshot(walk, packet);
  walk.link = { srcMac: walk.client!.mac, dstMac: router.mac };
  const table = state.metallb?.routers.find((r) => r.address === router.ip) ?? state.metallb?.routers[0];
  const proto = packet.proto.toUpperCase() as 'TCP' | 'UDP' | 'SCTP';
  const hop = table
    ? routerNextHop(table, { protocol: proto, srcIP: packet.src, srcPort: packet.sport, dstIP: packet.dst, dstPort: packet.dport })
    : undefined;
  if (!hop || isDown(walk, hop.nextHop.node)) {
    addStep(
      walk,
      { element: 'router' },
      before,
      packet,
      explain('explain.router.noRoute', { router: table?.address ?? router.ip, dst: packet.dst }),
    );
    return undefined;
  }
  const host = state.hosts[hop.nextHop.node]!;
  walk.announcer = hop.nextHop.node;
  const hops = hop.route.nextHops.map((h) => h.ip);
  addStep(
    walk,
    { element: 'router' },
    before,
    packet,
    explain('explain.router.ecmp', {
      router: table!.address,
      dst: packet.dst,
      prefix: hop.route.prefix,
      count: hop.route.nextHops.length,
      hops: hops.join(', '),
      via: hop.nextHop.ip,
      node: hop.nextHop.node,
    }),
    { nextHop: { router: table!.address, prefix: hop.route.prefix, hops, via: hop.nextHop.ip, node: hop.nextHop.node } },
  );
  walk.link = { srcMac: router.mac, dstMac: host.nic.mac };
  return hop.nextHop.node;
}

function isDown(walk: Walk, node: string): boolean {
  return walk.model.state.downNodes?.includes(node) ?? false;
}

/** A process in the node's own network namespace (or a hostNetwork pod) sends `packet`. */
export function fromHost(walk: Walk, node: string, packet: Packet): Arrival {
  const before = snapshot(walk, packet);
  addStep(
    walk,
    { element: 'nic', node },
    before,
    packet,
    explain('explain.host.send', { node, src: packet.src, dst: packet.dst, dport: packet.dport }),
  );
  const out = runHook(walk, node, 'OUTPUT', packet, {});
  if (out.verdict !== 'ACCEPT') return stopped(node, out);
  return routeOut(walk, node, out.packet, undefined);
}

/** The packet enters the node's IP stack on `inIface`. */
function intoNode(walk: Walk, node: string, packet: Packet, inIface: string): Arrival {
  if (walk.budget <= 0) return { kind: 'dropped', node, packet, reason: 'loop' };
  const pre = runHook(walk, node, 'PREROUTING', { ...packet, inIface }, { in: inIface });
  if (pre.verdict !== 'ACCEPT') return stopped(node, pre);
  return routeOut(walk, node, pre.packet, inIface);
}

/** The routing decision, then INPUT (for the node itself) or FORWARD + POSTROUTING and out. */
function routeOut(walk: Walk, node: string, packet: Packet, inIface: string | undefined): Arrival {
  const dp = walk.model.dataplane.node(node);
  if (localAddresses(walk.model, node).has(packet.dst)) {
    const vs = dp?.ipvs ? virtualServerFor(dp.ipvs.virtualServers, packet) : undefined;
    addStep(
      walk,
      { element: 'routing', node },
      snapshot(walk, packet),
      packet,
      explain(vs ? 'explain.route.ipvsLocal' : 'explain.route.local', { node, dst: packet.dst }),
    );
    if (inIface !== undefined) {
      const input = runHook(walk, node, 'INPUT', packet, { in: inIface }, !vs);
      if (input.verdict !== 'ACCEPT') return stopped(node, input);
      packet = input.packet;
    }
    return vs ? throughIpvs(walk, node, packet, vs) : deliverToHost(walk, node, packet);
  }
  return forwardOut(walk, node, packet, inIface);
}

/** Route lookup, FORWARD for packets that came in on an interface, POSTROUTING, and out. */
function forwardOut(walk: Walk, node: string, packet: Packet, inIface: string | undefined): Arrival {
  const dp = walk.model.dataplane.node(node);
  const before = snapshot(walk, packet);
  const route = dp ? lookupRoute(dp.routes, packet.dst) : undefined;
  if (!route) {
    addStep(walk, { element: 'routing', node }, before, packet, explain('explain.route.none', { node, dst: packet.dst }));
    return { kind: 'dropped', node, packet, reason: 'noRoute' };
  }
  addStep(
    walk,
    { element: 'routing', node },
    before,
    packet,
    explain(routeKey(route), {
      node,
      dst: packet.dst,
      route: route.dst,
      dev: route.dev,
      via: route.via ?? '',
    }),
    { route: { dst: route.dst, dev: route.dev, ...(route.via ? { via: route.via } : {}) } },
  );
  if (inIface !== undefined) {
    const fwd = runHook(walk, node, 'FORWARD', { ...packet, outIface: route.dev }, { in: inIface, out: route.dev });
    if (fwd.verdict !== 'ACCEPT') return stopped(node, fwd);
    packet = fwd.packet;
  }
  const post = runHook(walk, node, 'POSTROUTING', { ...packet, outIface: route.dev }, { out: route.dev });
  if (post.verdict !== 'ACCEPT') return stopped(node, post);
  return transmit(walk, node, { ...post.packet, inIface: undefined, outIface: undefined }, route);
}

/**
 * IPVS (kube-proxy's IPVS mode) sits after INPUT: a packet for a virtual server on
 * kube-ipvs0 is scheduled to a real server, its destination rewritten (masquerading
 * forwarding), and sent on as if the node had sent it — through POSTROUTING.
 */
function throughIpvs(walk: Walk, node: string, packet: Packet, vs: VirtualServer): Arrival {
  const dp = walk.model.dataplane.node(node)!;
  const before = snapshot(walk, packet);
  const real = chooseRealServer(walk, vs, packet);
  const vip = `${vs.address}:${vs.port}`;
  const choice = ipvsChoice(node, dp.ipvs!.ipvsadm, vs, real);
  if (!real) {
    addStep(walk, { element: 'ipvs', node }, before, packet, explain('explain.ipvs.noRealServer', { node, vip }), { ipvs: choice });
    return { kind: 'rejected', node, packet, rejectWith: 'tcp-reset' };
  }
  const natted = { ...packet, dst: real.address, dport: real.port };
  addStep(
    walk,
    { element: 'ipvs', node },
    before,
    natted,
    explain('explain.ipvs.dnat', {
      node,
      vip,
      scheduler: vs.scheduler,
      to: choice.realServer,
      count: vs.realServers.length,
      persistence: vs.persistentTimeout ?? 0,
    }),
    { ipvs: choice, nat: dnatTo(walk.model.state, packet, choice.realServer) },
  );
  return forwardOut(walk, node, natted, undefined);
}

function virtualServerFor(servers: VirtualServer[], packet: Packet): VirtualServer | undefined {
  return servers.find((vs) => vs.address === packet.dst && vs.port === packet.dport && vs.protocol.toLowerCase() === packet.proto);
}

/** rr as the seed-th connection (the kernel's rr walks its list); sh/dh/mh by hashing the source/destination. */
function chooseRealServer(walk: Walk, vs: VirtualServer, packet: Packet): VirtualServer['realServers'][number] | undefined {
  const reals = vs.realServers;
  if (reals.length === 0) return undefined;
  const forced = walk.spec.endpoint && reals.find((r) => `${r.address}:${r.port}` === walk.spec.endpoint);
  if (forced) return forced;
  if (vs.scheduler === 'sh' || vs.scheduler === 'mh') return reals[fnv1a(packet.src) % reals.length];
  if (vs.scheduler === 'dh') return reals[fnv1a(packet.dst) % reals.length];
  const seed = Math.max(1, Math.floor(walk.spec.seed ?? 1));
  return reals[(seed - 1) % reals.length];
}

function ipvsChoice(node: string, listing: string, vs: VirtualServer, real: { address: string; port: number } | undefined): IpvsChoice {
  const head = `${vs.protocol}  ${vs.address}:${vs.port} `;
  const lines = listing.split('\n');
  const index = lines.findIndex((l) => l.startsWith(head));
  return {
    node,
    virtualServer: index >= 0 ? lines[index]!.trimEnd() : head.trim(),
    line: index + 1,
    realServer: real ? `${real.address}:${real.port}` : '',
  };
}

function routeKey(route: Route): ExplainKey {
  if (route.dev === 'cni0') return 'explain.route.bridge';
  if (route.dev.startsWith('flannel')) return 'explain.route.overlay';
  return route.via ? 'explain.route.gateway' : 'explain.route.lan';
}

/** Out of the node on the route's device. */
function transmit(walk: Walk, node: string, sent: Packet, route: Route): Arrival {
  const { state } = walk.model;
  // The skb mark and the node's conntrack passage stay behind when the packet leaves the node.
  const packet = { ...sent, mark: 0 };
  walk.passage = undefined;
  const host = state.hosts[node];
  if (route.dev === 'cni0') {
    const pod = podByIP(state, packet.dst);
    const before = snapshot(walk, packet);
    if (!pod || pod.node !== node) {
      addStep(walk, { element: 'cni0', node }, before, packet, explain('explain.bridge.noNeighbour', { node, dst: packet.dst }));
      return { kind: 'dropped', node, packet, reason: 'noNeighbour' };
    }
    walk.link = { srcMac: host?.cni0.mac, dstMac: pod.mac };
    addStep(
      walk,
      { element: 'cni0', node },
      before,
      packet,
      explain('explain.bridge.toPod', { node, pod: pod.key, veth: pod.veth, mac: pod.mac }),
    );
    const onVeth = snapshot(walk, packet);
    addStep(walk, { element: 'veth', node, pod: pod.key }, onVeth, packet, explain('explain.veth.toPod', { pod: pod.key, veth: pod.veth }));
    return deliverToPod(walk, pod, packet);
  }
  if (host && route.dev === host.vtep.name) return overVxlan(walk, node, packet, route);
  // Out of the NIC onto the LAN: another node, or the gateway towards the world outside.
  const nextHop = route.via ?? packet.dst;
  const before = snapshot(walk, packet);
  if (walk.client && nextHop === walk.client.ip) {
    walk.link = { srcMac: host?.nic.mac, dstMac: walk.client.mac };
    addStep(walk, { element: 'wire', node }, before, packet, explain('explain.wire.toClient', { from: node, client: walk.client.ip }));
    const arrived = snapshot(walk, packet);
    addStep(
      walk,
      { element: 'client' },
      arrived,
      packet,
      explain(walk.phase === 'request' ? 'explain.deliver.client' : 'explain.deliver.replyClient', {
        client: walk.client.ip,
        src: packet.src,
        sport: packet.sport,
      }),
    );
    return { kind: 'client', packet };
  }
  const peer = nodeByIP(state, nextHop);
  const peerHost = peer && !isDown(walk, peer) ? state.hosts[peer] : undefined;
  walk.link = { srcMac: host?.nic.mac, dstMac: peerHost?.nic.mac };
  if (!peer || !peerHost) {
    addStep(walk, { element: 'wire', node }, before, packet, explain('explain.wire.outside', { node, via: nextHop }));
    return { kind: 'dropped', node, packet, reason: 'leftCluster' };
  }
  addStep(walk, { element: 'wire', node }, before, packet, explain('explain.wire.toNode', { from: node, to: peer, ip: peerHost.nic.ip }));
  const arrived = snapshot(walk, packet);
  addStep(walk, { element: 'nic', node: peer }, arrived, packet, explain('explain.nic.receive', { node: peer, dev: peerHost.nic.name }));
  return intoNode(walk, peer, packet, peerHost.nic.name);
}

/** flannel.1: wrap in VXLAN to the remote VTEP, cross the LAN, unwrap on the other node. */
function overVxlan(walk: Walk, node: string, packet: Packet, route: Route): Arrival {
  const { state } = walk.model;
  const host = state.hosts[node]!;
  const dp = walk.model.dataplane.node(node);
  const neighbour = dp?.neighbours.find((n) => n.ip === route.via);
  const remote = neighbour?.dst ? nodeByIP(state, neighbour.dst) : undefined;
  const remoteHost = remote && !isDown(walk, remote) ? state.hosts[remote] : undefined;
  const before = snapshot(walk, packet);
  if (!neighbour || !remote || !remoteHost) {
    addStep(walk, { element: 'flannel.1', node }, before, packet, explain('explain.vxlan.noFdb', { node, via: route.via ?? '' }));
    return { kind: 'dropped', node, packet, reason: 'noNeighbour' };
  }
  // The kernel picks the outer UDP source port from a hash of the inner flow.
  const sport = 32768 + (fnv1a(`${packet.src}:${packet.sport}>${packet.dst}:${packet.dport}`) % 28232);
  walk.link = {
    srcMac: host.vtep.mac,
    dstMac: neighbour.mac,
    outer: {
      src: host.nic.ip,
      dst: neighbour.dst!,
      sport,
      dport: VXLAN_PORT,
      vni: VXLAN_VNI,
      srcMac: host.nic.mac,
      dstMac: remoteHost.nic.mac,
    },
  };
  addStep(
    walk,
    { element: 'flannel.1', node },
    before,
    packet,
    explain('explain.vxlan.encap', {
      node,
      vtep: route.via ?? '',
      remote,
      outerSrc: host.nic.ip,
      outerDst: remoteHost.nic.ip,
      port: VXLAN_PORT,
      vni: VXLAN_VNI,
    }),
  );
  const onWire = snapshot(walk, packet);
  addStep(walk, { element: 'wire', node }, onWire, packet, explain('explain.wire.vxlan', { from: node, to: remote }), {
    tunnel: { from: node, to: remote },
  });
  const atNic = snapshot(walk, packet);
  walk.link = { srcMac: neighbour.mac, dstMac: remoteHost.vtep.mac };
  addStep(
    walk,
    { element: 'flannel.1', node: remote },
    atNic,
    packet,
    explain('explain.vxlan.decap', {
      node: remote,
      port: VXLAN_PORT,
      vni: VXLAN_VNI,
    }),
  );
  return intoNode(walk, remote, packet, remoteHost.vtep.name);
}

function deliverToPod(walk: Walk, pod: PodNet, packet: Packet): Arrival {
  const before = snapshot(walk, packet);
  addStep(
    walk,
    { element: 'pod', pod: pod.key, node: pod.node },
    before,
    packet,
    explain(walk.phase === 'request' ? 'explain.deliver.pod' : 'explain.deliver.replyPod', {
      pod: pod.key,
      src: packet.src,
      sport: packet.sport,
      dst: packet.dst,
      dport: packet.dport,
    }),
  );
  return { kind: 'pod', pod, packet };
}

function deliverToHost(walk: Walk, node: string, packet: Packet): Arrival {
  const process = hostProcess(walk.model.state, node, packet.dport, packet.proto);
  const before = snapshot(walk, packet);
  addStep(
    walk,
    { element: 'nic', node },
    before,
    packet,
    explain(process ? 'explain.deliver.hostPod' : 'explain.deliver.host', {
      node,
      pod: process?.key ?? '',
      src: packet.src,
      sport: packet.sport,
      dst: packet.dst,
      dport: packet.dport,
    }),
  );
  return process ? { kind: 'host', node, process, packet } : { kind: 'host', node, packet };
}

/** A hook did not accept the packet: REJECT answers the sender, DROP is silence. */
function stopped(node: string, pass: HookPass): Arrival {
  if (pass.verdict === 'REJECT')
    return { kind: 'rejected', node, packet: pass.packet, rejectWith: pass.rejectWith ?? 'icmp-port-unreachable' };
  if (pass.loop) return { kind: 'dropped', node, packet: pass.packet, reason: 'chainLoop' };
  const dropped: Arrival = { kind: 'dropped', node, packet: pass.packet, reason: 'ruleDrop' };
  if (pass.decidedBy) dropped.rule = ruleLabel(pass.decidedBy.args) ?? pass.decidedBy.chain;
  return dropped;
}

/** What a rule says about itself: its `--comment`, as kube-proxy writes one on every rule. */
function ruleLabel(args: string[]): string | undefined {
  const i = args.indexOf('--comment');
  return i >= 0 ? args[i + 1] : undefined;
}
