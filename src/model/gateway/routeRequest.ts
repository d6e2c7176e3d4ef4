// What Envoy Gateway does with one request on a Gateway: the listeners on the port, the most
// specific hostname among the routes attached there, the rule that takes precedence, then its
// filters and a backend drawn by weight (404 when nothing matches, 500 when the backend is unusable).

import type { Explanation } from '../explainKeys';
import { fnv32a, mix } from '../hashing/names';
import { namespacedName } from '../k8s';
import type { HTTPRoute } from '../manifest/types';
import { modifyHeaders, modifyPath, redirectLocation } from './filters';
import { bestHostname, hostnameRank, hostOnly } from './hostnames';
import { matchTakes, parseRequest, ruleDropped } from './match';
import { byPrecedence, type Candidate } from './precedence';
import type { GatewayApiModel, GatewayRequest, ResolvedBackend, RouteDecision } from './types';
import { unservedHost } from './unserved';

export function routeRequest(model: GatewayApiModel, gatewayKey: string, request: GatewayRequest, seed: number): RouteDecision {
  const host = hostOnly(request.host);
  const gv = model.gateways.find((g) => g.key === gatewayKey);
  const no = (status: number, reason: Explanation): RouteDecision => ({ status, gateway: gatewayKey, reason });
  if (!gv || gv.listeners.length === 0) return no(0, { key: 'explain.gateway.noGateway', params: { gateway: gatewayKey } });
  const onPort = gv.listeners.filter((l) => l.ready && l.listener.port === request.port);
  if (onPort.length === 0) return no(0, { key: 'explain.gateway.noListener', params: { gateway: gatewayKey, port: request.port } });

  // Envoy Gateway puts every listener on a port into one Envoy listener with a virtual host per
  // hostname; Envoy picks the most specific domain the Host falls under.
  const served = onPort.flatMap((l) => l.routes.map((a) => ({ listener: l.listener.name, a, name: bestHostname(a.hostnames, host) })));
  const matched = served.filter((s) => s.name !== undefined);
  if (matched.length === 0) return no(404, unservedHost(model, gatewayKey, host, request.port));
  const top = Math.max(...matched.map((s) => hostnameRank(s.name!)));
  const vhost = matched.filter((s) => hostnameRank(s.name!) === top);

  const req = parseRequest(request.path, request.method, request.headers);
  const candidates: (Candidate & { listener: string })[] = [];
  const seen = new Set<string>();
  for (const s of vhost) {
    if (seen.has(s.a.route)) continue;
    seen.add(s.a.route);
    const route = routesOf(model).get(s.a.route);
    for (const [i, rule] of (route?.spec.rules ?? []).entries()) {
      if (ruleDropped(rule.matches)) continue;
      for (const [j, m] of (rule.matches ?? [{}]).entries()) {
        if (!matchTakes(m, req)) continue;
        const c = { route: s.a.route, rule: i, match: j, m, listener: s.listener };
        candidates.push(route?.metadata.creationTimestamp ? { ...c, creationTimestamp: route.metadata.creationTimestamp } : c);
      }
    }
  }
  candidates.sort(byPrecedence);
  const win = candidates[0];
  if (!win) return no(404, { key: 'explain.gateway.noMatch', params: { host, path: req.path } });

  const route = routesOf(model).get(win.route)!;
  const rule = route.spec.rules![win.rule]!;
  const at = { gateway: gatewayKey, listener: win.listener, route: win.route, rule: win.rule, match: win.match };
  const params = { route: win.route, rule: win.rule + 1 };
  const prefix = (win.m.path?.type ?? 'PathPrefix') === 'PathPrefix' ? (win.m.path?.value ?? '/') : undefined;
  const query = request.path.slice(req.path.length);
  const filters = rule.filters ?? [];

  const redirect = filters.find((f) => f.type === 'RequestRedirect')?.requestRedirect;
  if (redirect) {
    const status = redirect.statusCode ?? 302;
    const location = redirectLocation(
      redirect,
      { scheme: request.scheme, host, path: req.path, query, listenerPort: request.port },
      prefix,
    );
    return { ...at, status, location, reason: { key: 'explain.gateway.redirect', params: { ...params, status, location } } };
  }

  const backends = rule.backendRefs?.length ? (model.backends[win.route]?.[win.rule] ?? []) : [];
  if (backends.length === 0) return { ...at, status: 500, reason: { key: 'explain.gateway.noBackends', params } };
  const total = backends.reduce((sum, b) => sum + b.weight, 0);
  if (total === 0) return { ...at, status: 500, reason: { key: 'explain.gateway.zeroWeights', params } };
  const chosen = drawByWeight(backends, total, seed);
  const backend = { service: chosen.service, port: chosen.port, weight: chosen.weight, totalWeight: total };
  if (chosen.problem) {
    return {
      ...at,
      status: 500,
      backend,
      reason: { key: 'explain.gateway.backendInvalid', params: { ...params, service: chosen.service, problem: chosen.problem } },
    };
  }

  const decision: RouteDecision = {
    ...at,
    status: 200,
    backend,
    reason: {
      key: 'explain.gateway.proxied',
      params: { ...params, service: chosen.service, port: chosen.port, weight: chosen.weight, total },
    },
  };
  const rewrite = filters.find((f) => f.type === 'URLRewrite')?.urlRewrite;
  if (rewrite) {
    const path = modifyPath(req.path, rewrite.path, prefix);
    const rewritten: NonNullable<RouteDecision['rewritten']> = {};
    if (rewrite.hostname) rewritten.host = rewrite.hostname;
    if (path !== req.path) rewritten.path = path + query;
    if (rewritten.host || rewritten.path) decision.rewritten = rewritten;
  }
  const reqMod = filters.find((f) => f.type === 'RequestHeaderModifier')?.requestHeaderModifier;
  if (reqMod) decision.requestHeaders = modifyHeaders(request.headers ?? [], reqMod);
  const resMod = filters.find((f) => f.type === 'ResponseHeaderModifier')?.responseHeaderModifier;
  if (resMod) decision.responseHeaders = modifyHeaders([], resMod);
  return decision;
}

const ROUTES = new WeakMap<GatewayApiModel, Map<string, HTTPRoute>>();

/** The model's routes by `namespace/name`, indexed once per model: a request looks up a handful of the thousands. */
function routesOf(model: GatewayApiModel): Map<string, HTTPRoute> {
  let index = ROUTES.get(model);
  if (!index) ROUTES.set(model, (index = new Map(model.routes.map((r) => [namespacedName(r), r]))));
  return index;
}

/** A backend by weight, the same one for the same seed: a weight-0 backend is never drawn. */
function drawByWeight(backends: ResolvedBackend[], total: number, seed: number): ResolvedBackend {
  let draw = mix(fnv32a(`weight:${seed}`) || 1) % total;
  for (const b of backends) {
    if (draw < b.weight) return b;
    draw -= b.weight;
  }
  return backends[backends.length - 1]!;
}
