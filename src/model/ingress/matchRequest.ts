// One HTTP request through ingress-nginx: the server and location nginx picks, then what the
// location does (nginx's trailing-slash 301, the Lua ssl-redirect, the default backend's 404,
// 503 for an upstream without endpoints, rewrite-target), and a decision table saying, for every
// rule of every Ingress, whether it took the request and why not.

import { DEFAULT_UPSTREAM, NO_TLS_REDIRECT_LOCATIONS } from './controllerOptions';
import {
  chooseLocation,
  chooseServer,
  locationMatches,
  normalizeHost,
  splitUri,
  type LocationChoice,
  type ServerChoice,
} from './nginxMatch';
import { routeToCanary } from './canaryRoute';
import type {
  CanaryDecision,
  HttpRequest,
  IngressModel,
  MatchResult,
  NginxLocation,
  Reason,
  RuleDecision,
  RuleRow,
  Upstream,
} from './types';

/** `decisions: false` skips the table (a trace that only needs the outcome); `seed` draws a canary's weight (1 unless given). */
export function matchRequest(model: IngressModel, request: HttpRequest, opts: { decisions?: boolean; seed?: number } = {}): MatchResult {
  const host = normalizeHost(request.host);
  const { uri, query } = splitUri(request.path);
  const server = chooseServer(model, host);
  const choice = chooseLocation(server.server, uri);
  const result = outcome(model, request, host, uri, query, server, choice, opts.seed ?? 1);
  if (opts.decisions !== false) result.decisions = model.rows.map((row) => decide(row, host, uri, server, choice, result));
  return result;
}

function outcome(
  model: IngressModel,
  request: HttpRequest,
  host: string,
  uri: string,
  query: string | undefined,
  sc: ServerChoice,
  choice: LocationChoice,
  seed: number,
): MatchResult {
  const base = { host, path: uri, server: sc.server.hostname, decisions: [] as RuleDecision[] };
  if (choice.kind === 'none')
    return { ...base, httpStatus: 404, reason: { key: 'explain.ingress.result.noLocation', params: { server: sc.server.hostname } } };
  const loc = choice.location;
  const withLoc = { ...base, nginxLocation: loc.text, ...(loc.ingress ? { ingress: loc.ingress } : {}), ...ruleOf(model, loc) };

  if (choice.kind === 'slashRedirect') {
    const location = `${request.scheme}://${host}${uri}/${query !== undefined ? `?${query}` : ''}`;
    return {
      ...withLoc,
      httpStatus: 301,
      location,
      reason: { key: 'explain.ingress.result.slashRedirect', params: { path: uri, location: loc.text, target: location } },
    };
  }

  const redirect = sslRedirect(model, request, host, loc);
  if (redirect) return { ...withLoc, httpStatus: model.options.httpRedirectCode, location: redirect.location, reason: redirect.reason };

  if (loc.upstream === DEFAULT_UPSTREAM) {
    const key = sc.how === 'catchAll' && host !== '' ? 'explain.ingress.result.noHost' : 'explain.ingress.result.noPath';
    return { ...withLoc, httpStatus: 404, reason: { key, params: { host, path: uri, server: sc.server.hostname } } };
  }
  const main = model.upstreams.get(loc.upstream)!;
  const backendOf = (up: Upstream) => ({
    service: up.service ?? '',
    port: up.port ?? '',
    upstream: up.name,
    protocol: loc.backendProtocol,
    endpoints: up.endpoints,
  });
  // Without endpoints the main upstream has no balancer, so its canary is never consulted either.
  if (main.empty)
    return {
      ...withLoc,
      httpStatus: 503,
      backend: backendOf(main),
      reason: { key: main.empty.key, params: { ...main.empty.params, upstream: main.name } },
    };

  const canary = canaryOf(model, main, request, seed);
  const up = canary?.taken ? model.upstreams.get(canary.upstream)! : main;
  const backend = backendOf(up);
  const upstreamUri = rewrite(loc, uri, query) ?? request.path;
  const params = { upstream: up.name, service: backend.service, count: up.endpoints.length, uri: upstreamUri };
  const key = up.serviceUpstream ? 'explain.ingress.result.proxiedClusterIP' : 'explain.ingress.result.proxied';
  return {
    ...withLoc,
    httpStatus: 200,
    backend,
    upstreamUri,
    ...(canary ? { canary } : {}),
    reason: canary ? { key: canary.reason.key, params: { ...canary.reason.params, ...params, canary: canary.ingress } } : { key, params },
  };
}

/** balancer.lua: only the first alternative counts, and only when its balancer exists (it has endpoints). */
function canaryOf(model: IngressModel, main: Upstream, request: HttpRequest, seed: number): CanaryDecision | undefined {
  const alternative = main.alternatives?.[0];
  const up = alternative ? model.upstreams.get(alternative) : undefined;
  if (!up?.canary || up.endpoints.length === 0) return undefined;
  const choice = routeToCanary(up.canary.policy, request, seed);
  return { ingress: up.canary.ingress, upstream: up.name, main: main.name, ...choice };
}

const rowOfLocation = new WeakMap<IngressModel, Map<NginxLocation, RuleRow>>();

function ruleOf(model: IngressModel, loc: NginxLocation): Pick<MatchResult, 'rule'> {
  let index = rowOfLocation.get(model);
  if (!index) {
    index = new Map(model.rows.flatMap((r) => r.locations.map((l) => [l, r] as const)));
    rowOfLocation.set(model, index);
  }
  const row = index.get(loc);
  return row ? { rule: { host: row.host, path: row.path, pathType: row.pathType } } : {};
}

/** lua_ingress.lua redirect_to_https, and the Location it builds from $request_uri. */
function sslRedirect(
  model: IngressModel,
  request: HttpRequest,
  host: string,
  loc: NginxLocation,
): { location: string; reason: Reason } | undefined {
  if (request.scheme !== 'http') return undefined;
  if (NO_TLS_REDIRECT_LOCATIONS.some((p) => loc.path.startsWith(p))) return undefined;
  const forced = loc.forceSslRedirect;
  if (!forced && !(loc.sslRedirect && hasCertificate(model, host))) return undefined;
  let requestUri = request.path.startsWith('/') ? request.path : `/${request.path}`;
  if (!loc.preserveTrailingSlash && requestUri.endsWith('/')) requestUri = requestUri.slice(0, -1);
  const location = `https://${host}${requestUri}`;
  return {
    location,
    reason: {
      key: forced ? 'explain.ingress.result.forceSslRedirect' : 'explain.ingress.result.sslRedirect',
      params: { host, location, code: model.options.httpRedirectCode },
    },
  };
}

/** certificate.lua get_pem_cert_uid: the host itself, else `*.` and its parent. */
function hasCertificate(model: IngressModel, host: string): boolean {
  return model.certificateHosts.has(host) || model.certificateHosts.has(host.replace(/^[^.]+\./, '*.'));
}

/** `rewrite "(?i)PATH" TARGET break;`: the whole URI becomes TARGET with $n filled in; the query stays. */
function rewrite(loc: NginxLocation, uri: string, query: string | undefined): string | undefined {
  if (loc.rewriteTarget === undefined || loc.rewriteTarget === loc.path) return undefined;
  let re: RegExp;
  try {
    re = new RegExp(loc.path, 'i');
  } catch {
    return undefined;
  }
  const m = re.exec(uri);
  if (!m) return undefined;
  const target = loc.rewriteTarget.replace(/\$(\d)/g, (_, n: string) => m[Number(n)] ?? '');
  if (target.includes('?')) return target;
  return query !== undefined ? `${target}?${query}` : target;
}

function decide(row: RuleRow, host: string, uri: string, sc: ServerChoice, choice: LocationChoice, result: MatchResult): RuleDecision {
  const d = (verdict: RuleDecision['verdict'], key: Reason['key'], params: Reason['params'] = {}): RuleDecision => ({
    ingress: row.ingress,
    ...(row.ruleIndex !== undefined ? { ruleIndex: row.ruleIndex, pathIndex: row.pathIndex } : {}),
    host: row.host,
    path: row.path,
    pathType: row.pathType,
    backend: row.backend,
    locations: row.locations.map((l) => l.text),
    verdict,
    reason: { key, params },
  });
  // An Ingress the controller does not serve always says why.
  if (row.notServed) return d('ignored', row.notServed.key, row.notServed.params);
  if (row.canary) return canaryVerdict(row, row.canary, result, d);

  const chosen = choice.kind === 'none' ? undefined : choice.location;
  const winner = chosen?.text ?? '';
  if (row.pathType === 'defaultBackend') {
    if (chosen && row.locations.includes(chosen)) return d('matched', 'explain.ingress.rule.defaultBackendUsed', { location: winner });
    return d('lost', 'explain.ingress.rule.defaultBackendUnused', { winner });
  }
  if (row.server !== sc.server.hostname)
    return d('lost', hostReason(row, host, sc), { host: row.host || '*', request: host, server: sc.server.hostname });
  if (row.duplicateOf) return d('lost', 'explain.ingress.rule.duplicate', { other: row.duplicateOf });
  if (row.locations.length === 0) return d('lost', 'explain.ingress.rule.noLocation', {});
  if (chosen && row.locations.includes(chosen)) {
    if (choice.kind === 'slashRedirect') return d('matched', 'explain.ingress.rule.slashRedirect', { location: winner, path: uri });
    return d('matched', 'explain.ingress.rule.won', { location: winner });
  }
  if (row.locations.some((l) => locationMatches(l, uri)) || (!sc.server.enforceRegex && specMatches(row, uri))) {
    const key = sc.server.enforceRegex
      ? 'explain.ingress.rule.regexEarlier'
      : chosen?.modifier === '='
        ? 'explain.ingress.rule.shadowedExact'
        : 'explain.ingress.rule.shadowedLonger';
    return d('lost', key, { winner });
  }
  return d('lost', pathReason(row, uri, sc), { path: row.path || '/', request: uri });
}

/** A canary rule never owns a location: it takes the request when its main upstream served it and the balancer switched. */
function canaryVerdict(
  row: RuleRow,
  canary: NonNullable<RuleRow['canary']>,
  result: MatchResult,
  d: (verdict: RuleDecision['verdict'], key: Reason['key'], params?: Reason['params']) => RuleDecision,
): RuleDecision {
  if (canary.ignored) return d('ignored', canary.ignored.key, canary.ignored.params);
  const asked = result.canary;
  if (!asked || !canary.primaries.includes(asked.main))
    return d('lost', 'explain.ingress.rule.canaryUnused', { primaries: canary.primaries.join(', ') });
  if (asked.ingress !== row.ingress) return d('lost', 'explain.ingress.rule.canarySecond', { other: asked.ingress, upstream: asked.main });
  return d(asked.taken ? 'matched' : 'lost', asked.reason.key, result.reason.params);
}

/** The Kubernetes spec's own reading of the path, for a rule ingress-nginx left without a matching location. */
function specMatches(row: RuleRow, uri: string): boolean {
  const p = row.path || '/';
  if (row.pathType === 'Exact') return uri === p;
  const base = p.endsWith('/') ? p.slice(0, -1) : p;
  return uri === base || uri.startsWith(`${base}/`);
}

function hostReason(row: RuleRow, host: string, sc: ServerChoice): Reason['key'] {
  if (!row.host) return 'explain.ingress.rule.hostNamed';
  if (row.host.startsWith('*.')) {
    const parent = row.host.slice(1);
    if (host.endsWith(parent) && host.length > parent.length) {
      return sc.how === 'exact' ? 'explain.ingress.rule.hostShadowed' : 'explain.ingress.rule.wildcardOneLabel';
    }
  }
  return 'explain.ingress.rule.hostMismatch';
}

function pathReason(row: RuleRow, uri: string, sc: ServerChoice): Reason['key'] {
  if (sc.server.enforceRegex) return 'explain.ingress.rule.regexMismatch';
  if (row.pathType === 'Exact') return 'explain.ingress.rule.exactMismatch';
  const p = row.path || '/';
  if (uri.startsWith(p) && !p.endsWith('/')) return 'explain.ingress.rule.prefixElement';
  return 'explain.ingress.rule.pathMismatch';
}
