// A request through a Gateway of Envoy Gateway's: a connection to the Gateway's Envoy Service
// (kube-proxy and MetalLB as for any Service), Envoy's routing decision (the Gateway API's
// semantics, routeRequest), then Envoy's own, new connection straight to the chosen backend's
// pod IP, as Envoy Gateway gives Envoy the EndpointSlices' addresses — no ClusterIP on that leg.

import { ENVOY_GATEWAY_CONTROLLER, ENVOY_GATEWAY_NAMESPACE, proxyName, serviceEndpoints } from '../envoygateway';
import { routeRequest, type GatewayView } from '../gateway';
import { bestHostname, hostOnly } from '../gateway/hostnames';
import { parseIPv4Sloppy } from '../net';
import type { Model } from '../modelTypes';
import type { Packet } from '../netfilter/types';
import { serviceAddress, type IngressRequest } from './ingressWalk';
import type { Outcome, TraceTarget } from './types';
import { addStep, headersOf, type Walk } from './walkState';

/** The Envoy Service of a Gateway and its port for `request`, if Envoy Gateway made one. */
function proxyPort(model: Model, view: GatewayView, port: number) {
  const [ns, name] = view.key.split('/') as [string, string];
  const svc = model.state.services.find((s) => s.metadata.namespace === ENVOY_GATEWAY_NAMESPACE && s.metadata.name === proxyName(ns, name));
  const servicePort = svc?.spec.ports.find((p) => p.port === port);
  return svc && servicePort ? { svc, servicePort } : undefined;
}

/**
 * The Gateway a URL reaches. By address: the Gateway whose address (or ClusterIP) the URL names;
 * another address is not a Gateway's (ingress-nginx's walk says whose it is). By name: the first
 * of Envoy Gateway's whose routes name the Host on that port; a Gateway that takes it only as
 * any host (`*`) gets it when no ingress-nginx is installed to take it instead.
 */
export function gatewayTarget(
  model: Model,
  request: IngressRequest,
  dialled: string,
  fromClient: boolean,
): { gateway: string; target: Extract<TraceTarget, { kind: 'ip' }> } | undefined {
  const api = model.gatewayApi;
  if (!api) return undefined;
  const ours = api.gateways.flatMap((view) => {
    const proxy = view.controllerName === ENVOY_GATEWAY_CONTROLLER ? proxyPort(model, view, request.port) : undefined;
    return proxy ? [{ view, ...proxy }] : [];
  });
  const host = hostOnly(request.host);
  // The most specific name a route on the port serves the Host under: `*` for any host.
  const served = (g: (typeof ours)[number]) =>
    g.view.listeners
      .filter((l) => l.ready && l.listener.port === request.port)
      .flatMap((l) => l.routes.map((a) => bestHostname(a.hostnames, host)))
      .filter((n) => n !== undefined);
  const byAddress = ours.find((g) => g.svc.status.loadBalancer.ingress?.some((i) => i.ip === dialled) || g.svc.spec.clusterIP === dialled);
  const isAddress = parseIPv4Sloppy(dialled) !== undefined;
  const chosen =
    byAddress ??
    (isAddress && model.ingress
      ? undefined
      : (ours.find((g) => served(g).some((n) => n !== '*')) ??
        (model.ingress ? undefined : (ours.find((g) => served(g).length > 0) ?? ours[0]))));
  const target = chosen && serviceAddress(model, chosen.svc, chosen.servicePort, fromClient);
  return chosen && target ? { gateway: chosen.view.key, target } : undefined;
}

/** The Envoy pod has the request (`seen`, as it arrived): Envoy routes it and, for a 200, picks a pod of the backend. */
export function handleGateway(walk: Walk, envoyKey: string, seen: Packet, request: IngressRequest, gateway: string, seed: number) {
  const model = walk.model;
  const net = model.state.podNets[envoyKey];
  const decision = routeRequest(model.gatewayApi!, gateway, request, seed);
  walk.stage = { kind: 'http', proxy: 'envoy' };
  const http: NonNullable<Outcome['http']> = {
    status: decision.status,
    host: request.host,
    path: request.path,
    controller: envoyKey,
    gateway,
  };
  if (decision.route) http.route = decision.route;
  if (decision.backend) http.backend = `${decision.backend.service}:${decision.backend.port}`;
  if (decision.location) http.location = decision.location;
  const at = { element: 'pod' as const, pod: envoyKey, ...(net ? { node: net.node } : {}) };
  walk.phase = 'request';
  walk.link = {};
  addStep(walk, at, headersOf(seen, {}), seen, decision.reason);
  const endpoints =
    decision.status === 200 && decision.backend ? serviceEndpoints(model.state, decision.backend.service, decision.backend.port) : [];
  // Envoy's round robin: the n-th request of a series takes the n-th endpoint.
  const picked = endpoints.length ? endpoints[(seed - 1) % endpoints.length] : undefined;
  const endpoint = picked
    ? { address: picked.slice(0, picked.lastIndexOf(':')), port: Number(picked.slice(picked.lastIndexOf(':') + 1)) }
    : undefined;
  return { http, endpoint, service: decision.backend?.service, net };
}
