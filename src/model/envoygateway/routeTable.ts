// One Gateway listener's routes as Envoy Gateway lays them out (internal/gatewayapi/route.go and
// sort.go, v1.9.0): HTTPRoutes oldest first (then namespace/name), for each hostname every rule's
// every match, then a stable sort, most specific first: path type (Exact, RegularExpression,
// PathPrefix), path length (`/` counts 0), header matches (a method match is the `:method`
// header), exact ones among them, query matches, exact ones among them.

import type { HTTPRoute, HTTPRouteMatch, HTTPRouteRule } from '../manifest/types';
import type { EnvoyStringMatch } from './configTypes';
import { routeEntryName } from './naming';

/** One match of one rule for one hostname: what becomes one Envoy route. */
export interface IrRoute {
  name: string;
  hostname: string;
  route: HTTPRoute;
  ruleIndex: number;
  rule: HTTPRouteRule;
  path: { type: 'Exact' | 'PathPrefix' | 'RegularExpression'; value: string };
  headers: EnvoyStringMatch[];
  queryParameters: EnvoyStringMatch[];
}

/** The API server's order for routes: creationTimestamp, then namespace, then name. */
export function routeOrder(a: HTTPRoute, b: HTTPRoute): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = a.metadata.namespace ?? 'default';
  const nb = b.metadata.namespace ?? 'default';
  if (na !== nb) return na < nb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

const stringMatch = (m: { type?: string; name: string; value: string }): EnvoyStringMatch =>
  m.type === 'RegularExpression' ? { name: m.name, safeRegex: m.value } : { name: m.name, exact: m.value };

function irRoute(route: HTTPRoute, ruleIndex: number, matchIndex: number, match: HTTPRouteMatch, hostname: string): IrRoute {
  const ns = route.metadata.namespace ?? 'default';
  const rule = route.spec.rules![ruleIndex]!;
  const headers = (match.headers ?? []).map(stringMatch);
  if (match.method) headers.push({ name: ':method', exact: match.method });
  return {
    name: `${routeEntryName(ns, route.metadata.name, ruleIndex, matchIndex)}/${hostname.replaceAll('.', '_')}`,
    hostname,
    route,
    ruleIndex,
    rule,
    path: { type: match.path?.type ?? 'PathPrefix', value: match.path?.value ?? '/' },
    headers,
    queryParameters: (match.queryParams ?? []).map(stringMatch),
  };
}

/** The routes one listener holds, before sorting: `attached` maps each route to the hostnames it serves there. */
export function listenerRoutes(attached: { route: HTTPRoute; hostnames: string[] }[]): IrRoute[] {
  const out: IrRoute[] = [];
  for (const { route, hostnames } of [...attached].sort((a, b) => routeOrder(a.route, b.route))) {
    for (const hostname of hostnames.length ? hostnames : ['*']) {
      (route.spec.rules ?? []).forEach((rule, i) => {
        // The API server defaults a rule without matches to one PathPrefix `/` match.
        const matches = rule.matches?.length ? rule.matches : [{}];
        matches.forEach((m, j) => out.push(irRoute(route, i, j, m, hostname)));
      });
    }
  }
  return out;
}

const TYPE_RANK = { Exact: 3, RegularExpression: 2, PathPrefix: 1 } as const;
const exacts = (ms: EnvoyStringMatch[]) => ms.filter((m) => m.exact !== undefined).length;

/** sort.go's comparison as a tuple, larger first. */
function specificity(r: IrRoute): number[] {
  const length = r.path.type === 'PathPrefix' && r.path.value === '/' ? 0 : r.path.value.length;
  return [TYPE_RANK[r.path.type], length, r.headers.length, exacts(r.headers), r.queryParameters.length, exacts(r.queryParameters)];
}

/** Most specific first; equals keep the order they were added in (sort.Stable of sort.Reverse). */
export function sortRoutes(routes: IrRoute[]): IrRoute[] {
  const keys = new Map(routes.map((r) => [r, specificity(r)]));
  return [...routes].sort((a, b) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
    return 0;
  });
}
