// walkPacket: one packet from its source to its destination and the reply back,
// with the outcome a learner would observe (delivered, rejected, dropped).

import type { Model } from '../modelTypes';
import type { PodNet } from '../cluster/types';
import type { Packet } from '../netfilter/types';
import { lookupRoute } from '../network/routes';
import { fnv1a, seededRandom } from './rng';
import type { Explanation, Outcome, PacketSpec, Trace, TraceTarget } from './types';
import { resolve } from '../dns/resolve';
import { dnsOptions } from './dnsOptions';
import { controllerAddress, handleHttp, parseUrl, requestOf } from './ingressWalk';
import { gatewayTarget, handleGateway } from './gatewayWalk';
import { fromClient, fromHost, fromPod, type Arrival } from './walk';
import { lanClient } from '../network/lan';
import { serviceAt } from './lookup';
import { addStep, explain, headersOf, type Walk } from './walkState';
import { MODEL_LIMITS } from '../limits';

type Origin = { kind: 'pod'; pod: PodNet } | { kind: 'host'; node: string } | { kind: 'client'; ip: string };

export function walkPacket(model: Model, spec: PacketSpec): Trace {
  return traceWith(model, spec, {}, {});
}

/**
 * The same client connecting `count` times, one after another (seeds seed, seed+1, …):
 * each is a new connection, but the nodes remember what `-m recent` recorded, so
 * ClientIP session affinity sends every one to the endpoint the first one got.
 */
export function traceSeries(model: Model, spec: PacketSpec, count: number): Trace[] {
  const recent: Walk['recent'] = {};
  const nftSets: Walk['nftSets'] = {};
  const first = spec.seed ?? 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => traceWith(model, { ...spec, seed: first + i }, recent, nftSets, i * 10));
}

function traceWith(model: Model, spec: PacketSpec, recent: Walk['recent'], nftSets: Walk['nftSets'], now = 0): Trace {
  const seed = spec.seed ?? 1;
  const walk: Walk = {
    model,
    spec,
    steps: [],
    phase: 'request',
    random: seededRandom(seed),
    conntrack: {},
    recent,
    nftSets,
    now,
    link: {},
    budget: MODEL_LIMITS.walkSteps,
  };
  const origin = resolveOrigin(model, spec);
  if ('error' in origin) return { spec, steps: [], outcome: { result: 'dropped', reason: origin.error } };
  if (origin.kind === 'client') walk.client = lanClient(model.state, origin.ip);

  if (spec.to.kind === 'url') return { spec, steps: walk.steps, outcome: throughIngress(walk, origin, spec.to, seed) };
  let target: IpTarget;
  let dns: Outcome['dns'];
  if (spec.to.kind === 'name') {
    const resolved = resolveName(walk, origin, spec.to.name, seed);
    dns = resolved.dns;
    if (!resolved.ip) {
      // A name the upstream resolver answers is not a drop: the model cannot say what comes back.
      const outcome: Outcome = { result: dns?.status === 'unknown' ? 'unmodelled' : 'dropped', reason: resolved.reason };
      if (dns) outcome.dns = dns;
      return { spec, steps: walk.steps, outcome };
    }
    target = { kind: 'ip', ip: resolved.ip, port: spec.to.port, proto: spec.to.proto };
    walk.stage = { kind: 'connect' };
  } else {
    target = spec.to;
  }
  const outcome = connect(walk, origin, target, seed);
  if (dns) outcome.dns = dns;
  return { spec, steps: walk.steps, outcome };
}

type IpTarget = Extract<TraceTarget, { kind: 'ip' }>;

/** One connection attempt: the first packet there, and the reply (or the ICMP error) back. */
function connect(walk: Walk, origin: Origin, target: IpTarget, seed: number): Outcome {
  return attempt(walk, origin, target, seed).outcome;
}

/** As connect, also giving the first packet as the receiver saw it. */
function attempt(walk: Walk, origin: Origin, target: IpTarget, seed: number): { outcome: Outcome; seen?: Packet } {
  const { model } = walk;
  walk.phase = 'request';
  walk.link = {};
  const src = originAddress(model, origin, target.ip);
  const packet: Packet = {
    proto: target.proto,
    src,
    sport: ephemeralPort(`${src}/${target.ip}:${target.port}/${seed}`),
    dst: target.ip,
    dport: target.port,
    mark: 0,
  };
  if (packet.proto === 'tcp') packet.tcpFlags = ['SYN'];

  const request = send(walk, origin, packet);
  const outcome: Outcome = baseOutcome(model, target, request);
  if (walk.announcer) outcome.announcer = walk.announcer;
  if (request.kind === 'rejected') {
    replyWithIcmp(walk, origin, request);
    return { outcome };
  }
  if (request.kind === 'dropped') return { outcome };

  // The reply: the receiver answers the address and port it saw, and conntrack undoes the NAT on the way back.
  const back = answer(walk, request, packet.proto === 'tcp' ? ['SYN', 'ACK'] : undefined);
  const home = placeOf(back);
  const expected = originPlace(origin);
  if (home !== expected) {
    outcome.result = 'dropped';
    outcome.reason = explain('explain.outcome.replyLost', { expected });
  } else if (back.packet.src !== target.ip || back.packet.sport !== target.port) {
    // The client would discard a reply from an address it never talked to.
    outcome.result = 'dropped';
    outcome.reason = explain('explain.outcome.replyUnNATed', { src: `${back.packet.src}:${back.packet.sport}` });
  }
  return { outcome, seen: request.packet };
}

/**
 * An HTTP request via ingress-nginx: connect to the controller, let nginx match the
 * request, and (for a 200) follow the controller's own connection to the backend pod.
 */
function throughIngress(walk: Walk, origin: Origin, to: Extract<TraceTarget, { kind: 'url' }>, seed: number): Outcome {
  const url = to.url;
  const request = requestOf(to);
  if (!request) return { result: 'dropped', reason: explain('explain.outcome.badUrl', { url }) };
  const fromClient = origin.kind === 'client';
  // A Gateway of Envoy Gateway's takes the request when the URL names its address or its routes answer the Host.
  const viaGateway = gatewayTarget(walk.model, request, parseUrl(url)!.host, fromClient);
  const target = viaGateway?.target ?? controllerAddress(walk.model, request, fromClient);
  if (!target) return { result: 'dropped', reason: explain('explain.outcome.noIngressController', { url }) };
  walk.stage = { kind: 'connect' };
  const first = attempt(walk, origin, target, seed);
  const proxy = first.outcome.pod;
  if (first.outcome.result !== 'delivered' || !proxy || !first.seen) return first.outcome;

  const { http, endpoint, service, net } = viaGateway
    ? handleGateway(walk, proxy, first.seen, request, viaGateway.gateway, seed)
    : handleHttp(walk, proxy, first.seen, request, seed);
  if (!endpoint || !net) return { ...first.outcome, http, ...(service ? { service } : {}) };
  walk.stage = viaGateway ? { kind: 'upstream', proxy: 'envoy' } : { kind: 'upstream' };
  const upstream = attempt(walk, { kind: 'pod', pod: net }, { kind: 'ip', ip: endpoint.address, port: endpoint.port, proto: 'tcp' }, seed);
  const outcome: Outcome = { ...upstream.outcome, http, endpoint: `${endpoint.address}:${endpoint.port}` };
  if (service) outcome.service = service;
  if (first.outcome.announcer) outcome.announcer = first.outcome.announcer;
  return outcome;
}

/** The receiver of `request` answers the address and port it saw. */
function answer(walk: Walk, request: Extract<Arrival, { kind: 'pod' | 'host' | 'client' }>, tcpFlags: string[] | undefined): Arrival {
  walk.phase = 'reply';
  walk.link = {};
  const seen = request.packet;
  const reply: Packet = { proto: seen.proto, src: seen.dst, sport: seen.dport, dst: seen.src, dport: seen.sport, mark: 0 };
  if (tcpFlags) reply.tcpFlags = tcpFlags;
  const responder: Origin =
    request.kind === 'pod'
      ? { kind: 'pod', pod: request.pod }
      : request.kind === 'host'
        ? { kind: 'host', node: request.node }
        : { kind: 'client', ip: request.packet.dst };
  return send(walk, responder, reply);
}

function ephemeralPort(key: string): number {
  return 32768 + (fnv1a(key) % 28232);
}

/**
 * The pod's resolver turns the name into an address before any connection: each query
 * of its search walk is a UDP packet to the nameserver in resolv.conf — for kube-dns a
 * ClusterIP that kube-proxy's rules send to a CoreDNS pod — and the answer comes back.
 */
function resolveName(walk: Walk, origin: Origin, name: string, seed: number): { ip?: string; dns?: Outcome['dns']; reason?: Explanation } {
  const { state } = walk.model;
  const from = walk.spec.from;
  // A host-network pod resolves with its own resolv.conf, from its node's address.
  if (from.kind !== 'pod' || origin.kind === 'client') return { reason: explain('explain.outcome.nameFromPodOnly', { name }) };
  const key = `${from.namespace}/${from.name}`;
  const pod = state.pods.find((p) => `${p.metadata.namespace}/${p.metadata.name}` === key);
  if (!pod) return { reason: explain('explain.outcome.noSuchPod', { pod: key }) };
  const source = origin.kind === 'pod' ? origin.pod.ip : state.hosts[origin.node]!.nic.ip;
  const here =
    origin.kind === 'pod'
      ? { element: 'pod' as const, pod: origin.pod.key, node: origin.pod.node }
      : { element: 'nic' as const, node: origin.node };
  const resolution = resolve(state, pod, name, 'A', dnsOptions(walk.model));
  const dns: Outcome['dns'] = {
    name,
    status: resolution.status,
    addresses: resolution.addresses,
    queries: resolution.queries.length,
    resolvConf: resolution.resolvConf.text,
  };
  if (resolution.answeredBy !== undefined) dns.answeredBy = resolution.answeredBy;

  for (const query of resolution.queries) {
    walk.stage = { kind: 'dns', query: query.index, qname: query.qname, qtype: query.qtype };
    walk.phase = 'request';
    walk.link = {};
    const packet: Packet = {
      proto: 'udp',
      src: source,
      sport: ephemeralPort(`${source}/dns/${query.index}/${seed}`),
      dst: query.server,
      dport: 53,
      mark: 0,
    };
    if (!query.toClusterDns) {
      // A nameserver outside the cluster: the model shows its answer, not its network.
      addStep(walk, here, headersOf(packet, walk.link), packet, query.explanation);
      continue;
    }
    const asked = send(walk, origin, packet);
    if (asked.kind !== 'pod' && asked.kind !== 'host') {
      return { dns, reason: explain('explain.outcome.dnsUnreachable', { server: query.server }) };
    }
    const where =
      asked.kind === 'pod'
        ? { element: 'pod' as const, pod: asked.pod.key, node: asked.pod.node }
        : { element: 'nic' as const, node: asked.node };
    const addresses = query.answer.answers.flatMap((r) => (r.type === 'A' || r.type === 'AAAA' ? [r.address] : []));
    // The Corefile's rewrites act on the question at the CoreDNS pod, before a plugin answers it.
    for (const rewrite of query.answer.rewrites ?? []) addStep(walk, where, headersOf(asked.packet, walk.link), asked.packet, rewrite);
    addStep(walk, where, headersOf(asked.packet, walk.link), asked.packet, query.answer.explanation, {
      dnsAnswer: { rcode: query.answer.rcode, addresses },
    });
    const back = answer(walk, asked, undefined);
    if (placeOf(back) !== originPlace(origin))
      return { dns, reason: explain('explain.outcome.replyLost', { expected: originPlace(origin) }) };
    addStep(walk, here, headersOf(back.packet, walk.link), back.packet, query.explanation);
  }
  walk.stage = undefined;
  if (resolution.addresses.length === 0) return { dns, reason: resolution.explanation };
  return { ip: resolution.addresses[0]!, dns };
}

function resolveOrigin(model: Model, spec: PacketSpec): Origin | { error: Explanation } {
  const { state } = model;
  const from = spec.from;
  if (from.kind === 'pod') {
    const key = `${from.namespace}/${from.name}`;
    const net = state.podNets[key];
    if (!net) return { error: explain('explain.outcome.noSuchPod', { pod: key }) };
    return net.hostNetwork ? { kind: 'host', node: net.node } : { kind: 'pod', pod: net };
  }
  if (from.kind === 'node') {
    if (!state.hosts[from.name]) return { error: explain('explain.outcome.noSuchNode', { node: from.name }) };
    return { kind: 'host', node: from.name };
  }
  return { kind: 'client', ip: lanClient(state, from.ip).ip };
}

/** A pod sends from its IP; a host from the preferred source of its route to the destination. */
function originAddress(model: Model, origin: Origin, dst: string): string {
  if (origin.kind === 'pod') return origin.pod.ip;
  if (origin.kind === 'client') return origin.ip;
  const host = model.state.hosts[origin.node]!;
  const route = lookupRoute(model.dataplane.node(origin.node)?.routes ?? [], dst);
  return route?.src ?? host.nic.ip;
}

/** Each packet sent (a request, a reply, a DNS query) may take MODEL_LIMITS.walkSteps steps before its walk counts as a loop. */
function send(walk: Walk, origin: Origin, packet: Packet): Arrival {
  walk.budget = MODEL_LIMITS.walkSteps;
  if (origin.kind === 'client') return fromClient(walk, packet);
  return origin.kind === 'pod' ? fromPod(walk, origin.pod, packet) : fromHost(walk, origin.node, packet);
}

/** How an arrival names where it is, to check the reply came home. */
function placeOf(arrival: Arrival): string | undefined {
  if (arrival.kind === 'pod') return arrival.pod.key;
  if (arrival.kind === 'host') return `node/${arrival.node}`;
  if (arrival.kind === 'client') return 'client';
  return undefined;
}

function originPlace(origin: Origin): string {
  return origin.kind === 'pod' ? origin.pod.key : origin.kind === 'host' ? `node/${origin.node}` : 'client';
}

/** A walk stopped by a cap names the cap. */
function capsOf(reason: Extract<Arrival, { kind: 'dropped' }>['reason']): Record<string, string | number> {
  if (reason === 'loop') return { steps: MODEL_LIMITS.walkSteps };
  if (reason === 'chainLoop') return { depth: MODEL_LIMITS.chainDepth, rules: MODEL_LIMITS.rulesPerHook };
  return {};
}

function baseOutcome(model: Model, target: IpTarget, arrival: Arrival): Outcome {
  const outcome: Outcome = { result: arrival.kind === 'rejected' || arrival.kind === 'dropped' ? arrival.kind : 'delivered' };
  const service = serviceAt(model.state, target.ip, target.port, target.proto);
  if (service) outcome.service = `${service.metadata.namespace}/${service.metadata.name}`;
  const to = arrival.packet;
  if (to.dst !== target.ip || to.dport !== target.port) outcome.endpoint = `${to.dst}:${to.dport}`;
  if (arrival.kind === 'pod') {
    outcome.pod = arrival.pod.key;
    outcome.node = arrival.pod.node;
  } else if (arrival.kind === 'host') {
    if (arrival.process) outcome.pod = arrival.process.key;
    outcome.node = arrival.node;
  } else if (arrival.kind === 'rejected') {
    outcome.node = arrival.node;
    outcome.reason = explain('explain.outcome.rejected', { node: arrival.node, with: arrival.rejectWith });
  } else if (arrival.kind === 'dropped') {
    if (arrival.node) outcome.node = arrival.node;
    outcome.reason = explain(`explain.outcome.${arrival.reason}`, {
      node: arrival.node ?? '',
      rule: arrival.rule ?? '',
      ...capsOf(arrival.reason),
    });
  }
  return outcome;
}

/** REJECT answers with an ICMP error from the rejecting node; the sender's connect() fails at once. */
function replyWithIcmp(walk: Walk, origin: Origin, rejected: Extract<Arrival, { kind: 'rejected' }>): void {
  walk.phase = 'reply';
  walk.link = {};
  const sent = rejected.packet;
  // icmp_send() lets the route back to the sender choose the error's source address.
  const back = lookupRoute(walk.model.dataplane.node(rejected.node)?.routes ?? [], sent.src);
  const src = back?.src ?? walk.model.state.hosts[rejected.node]?.nic.ip ?? sent.dst;
  const icmp: Packet = { proto: 'icmp', src, dst: sent.src, sport: 0, dport: 0, mark: 0 };
  const before = headersOf(sent, walk.link);
  const at =
    origin.kind === 'pod'
      ? { element: 'pod' as const, pod: origin.pod.key, node: origin.pod.node }
      : origin.kind === 'host'
        ? { element: 'nic' as const, node: origin.node }
        : { element: 'client' as const };
  addStep(walk, at, before, icmp, explain('explain.reject.icmp', { node: rejected.node, with: rejected.rejectWith }));
}
