// traceModel: one packet from its source to its destination and the reply back,
// with the outcome a learner would observe (delivered, rejected, dropped).

import type { Model } from '../model';
import type { PodNet } from '../cluster/types';
import type { Packet } from '../netfilter/types';
import { lookupRoute } from '../network/routes';
import { fnv1a, seededRandom } from './rng';
import type { Explanation, Outcome, PacketSpec, Trace } from './types';
import { fromClient, fromHost, fromPod, type Arrival } from './walk';
import { lanClient } from '../network/lan';
import { serviceAt } from './lookup';
import { addStep, explain, headersOf, type Walk } from './walkState';

const HOP_BUDGET = 200;

type Origin = { kind: 'pod'; pod: PodNet } | { kind: 'host'; node: string } | { kind: 'client'; ip: string };

export function traceModel(model: Model, spec: PacketSpec): Trace {
  const seed = spec.seed ?? 1;
  const walk: Walk = {
    model,
    spec,
    steps: [],
    phase: 'request',
    random: seededRandom(seed),
    conntrack: {},
    recent: {},
    link: {},
    budget: HOP_BUDGET,
  };
  const origin = resolveOrigin(model, spec);
  if ('error' in origin) return { spec, steps: [], outcome: { result: 'dropped', reason: origin.error } };
  if (origin.kind === 'client') walk.client = lanClient(model.state, origin.ip);

  const src = originAddress(model, origin, spec.to.ip);
  const packet: Packet = {
    proto: spec.to.proto,
    src,
    sport: 32768 + (fnv1a(`${src}/${seed}`) % 28232),
    dst: spec.to.ip,
    dport: spec.to.port,
    mark: 0,
  };
  if (packet.proto === 'tcp') packet.tcpFlags = ['SYN'];

  const request = send(walk, origin, packet);
  const outcome: Outcome = baseOutcome(model, spec, request);
  if (request.kind === 'rejected') {
    replyWithIcmp(walk, origin, request);
    return { spec, steps: walk.steps, outcome };
  }
  if (request.kind === 'dropped') return { spec, steps: walk.steps, outcome };

  // The reply: the receiver answers the address and port it saw, and conntrack undoes the NAT on the way back.
  walk.phase = 'reply';
  walk.link = {};
  const seen = request.packet;
  const reply: Packet = { proto: seen.proto, src: seen.dst, sport: seen.dport, dst: seen.src, dport: seen.sport, mark: 0 };
  if (reply.proto === 'tcp') reply.tcpFlags = ['SYN', 'ACK'];
  const responder: Origin =
    request.kind === 'pod' ? { kind: 'pod', pod: request.pod } : request.kind === 'host' ? { kind: 'host', node: request.node } : { kind: 'client', ip: request.packet.dst };
  const back = send(walk, responder, reply);
  const home = placeOf(back);
  const expected = originPlace(origin);
  if (home !== expected) {
    outcome.result = 'dropped';
    outcome.reason = explain('explain.outcome.replyLost', { expected });
  } else if (back.packet.src !== spec.to.ip || back.packet.sport !== spec.to.port) {
    // The client would discard a reply from an address it never talked to.
    outcome.result = 'dropped';
    outcome.reason = explain('explain.outcome.replyUnNATed', { src: `${back.packet.src}:${back.packet.sport}` });
  }
  return { spec, steps: walk.steps, outcome };
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
  const route = lookupRoute(model.dataplane.nodes[origin.node]?.routes ?? [], dst);
  return route?.src ?? host.nic.ip;
}

function send(walk: Walk, origin: Origin, packet: Packet): Arrival {
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

function baseOutcome(model: Model, spec: PacketSpec, arrival: Arrival): Outcome {
  const outcome: Outcome = { result: arrival.kind === 'rejected' || arrival.kind === 'dropped' ? arrival.kind : 'delivered' };
  const service = serviceAt(model.state, spec.to.ip, spec.to.port, spec.to.proto);
  if (service) outcome.service = `${service.metadata.namespace}/${service.metadata.name}`;
  const to = arrival.packet;
  if (to.dst !== spec.to.ip || to.dport !== spec.to.port) outcome.endpoint = `${to.dst}:${to.dport}`;
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
    outcome.reason = explain(`explain.outcome.${arrival.reason}`, { node: arrival.node ?? '' });
  }
  return outcome;
}

/** REJECT answers with an ICMP error from the rejecting node; the sender's connect() fails at once. */
function replyWithIcmp(walk: Walk, origin: Origin, rejected: Extract<Arrival, { kind: 'rejected' }>): void {
  walk.phase = 'reply';
  walk.link = {};
  const sent = rejected.packet;
  // icmp_send() lets the route back to the sender choose the error's source address.
  const back = lookupRoute(walk.model.dataplane.nodes[rejected.node]?.routes ?? [], sent.src);
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
