// The Lua balancer's choice between a main upstream and its canary (ingress-nginx v1.15.1,
// rootfs/etc/nginx/lua/balancer.lua route_to_alternative_balancer): the canary's header first
// ("always", "never", an exact value or a PCRE pattern), then its cookie ("always" or "never"),
// then its weight out of canary-weight-total (100 unless larger). A request's weight draw comes
// from its seed, so the same request with the same seed goes the same way.

import { fnv32a, mix } from '../hashing/names';
import type { CanaryPolicy, HttpRequest, Reason } from './types';

export interface CanaryChoice {
  taken: boolean;
  reason: Reason;
}

/**
 * nginx's $http_NAME: the header's name compared case-insensitively with "-" as "_"; several lines
 * of it joined by ", " (nginx 1.23+). Names with other characters, "_" included, are dropped on
 * arrival (ignore_invalid_headers on, underscores_in_headers off: ingress-nginx's defaults).
 */
function headerValue(request: HttpRequest, name: string): string | undefined {
  const wanted = name.toLowerCase().replaceAll('-', '_');
  const values = (request.headers ?? [])
    .filter((h) => /^[A-Za-z0-9-]+$/.test(h.name) && h.name.toLowerCase().replaceAll('-', '_') === wanted)
    .map((h) => h.value);
  return values.length ? values.join(', ') : undefined;
}

/** nginx's $cookie_NAME: the first cookie of that name (case-insensitive) in the Cookie lines. */
function cookieValue(request: HttpRequest, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const h of request.headers ?? []) {
    if (h.name.toLowerCase() !== 'cookie') continue;
    for (const pair of h.value.split(';')) {
      const eq = pair.indexOf('=');
      if (eq >= 0 && pair.slice(0, eq).trim().toLowerCase() === lower) return pair.slice(eq + 1).trim();
    }
  }
  return undefined;
}

/** ngx.re.match(value, pattern): unanchored, case-sensitive; undefined when the pattern does not compile. */
function patternMatches(pattern: string, value: string): boolean | undefined {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return undefined;
  }
}

/** math.random(total) for this request: 1..total, the same for the same seed. */
export function weightDraw(total: number, seed: number): number {
  return 1 + (mix(fnv32a(`canary:${seed}`) || 1) % total);
}

export function routeToCanary(policy: CanaryPolicy, request: HttpRequest, seed: number): CanaryChoice {
  const choose = (taken: boolean, why: CanaryWhy, params: Reason['params'] = {}): CanaryChoice => ({
    taken,
    reason: { key: `explain.ingress.canary.${why}`, params },
  });
  const header = policy.header ? headerValue(request, policy.header) : undefined;
  if (header !== undefined) {
    const params = { header: policy.header };
    if (policy.headerValue) {
      if (header === policy.headerValue) return choose(true, 'headerValue', { ...params, value: policy.headerValue });
    } else if (policy.headerPattern) {
      const m = patternMatches(policy.headerPattern, header);
      if (m === undefined) return choose(false, 'patternError', { ...params, pattern: policy.headerPattern });
      if (m) return choose(true, 'headerPattern', { ...params, pattern: policy.headerPattern });
    } else if (header === 'always') return choose(true, 'headerAlways', params);
    else if (header === 'never') return choose(false, 'headerNever', params);
  }
  const cookie = policy.cookie ? cookieValue(request, policy.cookie) : undefined;
  if (cookie === 'always') return choose(true, 'cookieAlways', { cookie: policy.cookie });
  if (cookie === 'never') return choose(false, 'cookieNever', { cookie: policy.cookie });
  const total = policy.weightTotal > 100 ? policy.weightTotal : 100;
  const draw = weightDraw(total, seed);
  const params = { weight: policy.weight, total, draw };
  return draw <= policy.weight ? choose(true, 'weight', params) : choose(false, 'weightMissed', params);
}

export type CanaryWhy =
  | 'cookieAlways'
  | 'cookieNever'
  | 'headerAlways'
  | 'headerNever'
  | 'headerPattern'
  | 'headerValue'
  | 'patternError'
  | 'weight'
  | 'weightMissed';
