// A request through ingress-nginx: a connection to the controller (kube-proxy and MetalLB
// as for any Service), the HTTP request matched against nginx's locations, and then the
// controller's own, new connection straight to a backend pod IP — no Service VIP, so no
// kube-proxy rule on the second leg.

import { INGRESS_NGINX_NAMESPACE, matchRequest, pickEndpoint } from '../ingress';
import type { Model } from '../modelTypes';
import type { Packet } from '../netfilter/types';
import type { Service, ServicePort } from '../manifest/types';
import type { HttpRequest } from '../http/request';
import type { Outcome, TraceTarget } from './types';
import { addStep, explain, headersOf, type Walk } from './walkState';

/** An HTTP request and the port the client connects to (the URL's, whatever the Host header says). */
export interface IngressRequest extends HttpRequest {
  port: number;
}

export function parseUrl(url: string): IngressRequest | undefined {
  const m = /^(https?):\/\/([^/:?#\s]+)(?::(\d{1,5}))?([^#\s]*)$/i.exec(url.trim());
  if (!m) return undefined;
  const scheme = m[1]!.toLowerCase() as 'http' | 'https';
  return { scheme, host: m[2]!.toLowerCase(), port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80, path: m[4] || '/' };
}

/**
 * The request a `url` target sends: its method and headers, and, as curl does, a `Host:` header
 * in place of the URL's host (the connection still goes to the URL's host and port).
 */
export function requestOf(target: Extract<TraceTarget, { kind: 'url' }>): IngressRequest | undefined {
  const request = parseUrl(target.url);
  if (!request) return undefined;
  if (target.method) request.method = target.method;
  if (target.headers?.length) request.headers = target.headers;
  const host = target.headers?.findLast((h) => h.name.toLowerCase() === 'host')?.value.trim();
  return host ? { ...request, host: host.replace(/:\d*$/, '').toLowerCase() } : request;
}

const CONTROLLER_SERVICE = 'ingress-nginx-controller';

/** Where a request for the Ingress host goes: the controller Service's address (see serviceAddress). */
export function controllerAddress(
  model: Model,
  request: IngressRequest,
  fromClient: boolean,
): Extract<TraceTarget, { kind: 'ip' }> | undefined {
  const svc = model.state.services.find((s) => s.metadata.namespace === INGRESS_NGINX_NAMESPACE && s.metadata.name === CONTROLLER_SERVICE);
  const port = svc?.spec.ports.find((p) => p.name === request.scheme) ?? svc?.spec.ports.find((p) => p.port === request.port);
  return svc && port ? serviceAddress(model, svc, port, fromClient) : undefined;
}

/**
 * How a client reaches a proxy's Service port: its LoadBalancer IP when MetalLB gave it one, else
 * a node's NodePort for a client outside, or its ClusterIP from a pod.
 */
export function serviceAddress(
  model: Model,
  svc: Service,
  port: ServicePort,
  fromClient: boolean,
): Extract<TraceTarget, { kind: 'ip' }> | undefined {
  const lbIP = svc.status.loadBalancer.ingress?.find((i) => i.ip)?.ip;
  if (lbIP) return { kind: 'ip', ip: lbIP, port: port.port, proto: 'tcp' };
  if (fromClient && port.nodePort) {
    const node = model.state.nodes.find((n) => !n.spec.taints?.some((t) => t.effect === 'NoSchedule')) ?? model.state.nodes[0];
    const ip = node?.status.addresses?.find((a) => a.type === 'InternalIP')?.address;
    if (ip) return { kind: 'ip', ip, port: port.nodePort, proto: 'tcp' };
  }
  return svc.spec.clusterIP ? { kind: 'ip', ip: svc.spec.clusterIP, port: port.port, proto: 'tcp' } : undefined;
}

/** The controller pod has the request (`seen`, as it arrived): nginx picks a location and says what it does with it. */
export function handleHttp(walk: Walk, controllerKey: string, seen: Packet, request: IngressRequest, seed: number) {
  const model = walk.model;
  const net = model.state.podNets[controllerKey];
  const result = model.ingress ? matchRequest(model.ingress, request, { decisions: false, seed }) : undefined;
  walk.stage = { kind: 'http' };
  const http: NonNullable<Outcome['http']> = {
    status: result?.httpStatus ?? 404,
    host: request.host,
    path: request.path,
    controller: controllerKey,
  };
  if (result?.ingress) http.ingress = result.ingress;
  if (result?.rule) http.rule = { ...result.rule };
  if (result?.location) http.location = result.location;
  if (result?.canary?.taken) http.canary = result.canary.ingress;
  const at = { element: 'pod' as const, pod: controllerKey, ...(net ? { node: net.node } : {}) };
  walk.phase = 'request';
  walk.link = {};
  addStep(walk, at, headersOf(seen, {}), seen, result?.reason ?? explain('explain.ingress.noModel', {}));
  const endpoint = result?.httpStatus === 200 ? pickEndpoint(result.backend?.endpoints ?? [], seed - 1) : undefined;
  return { http, endpoint, service: result?.backend?.service, net };
}
