// Which matching rule wins when several routes on one hostname take a request (httproute_types.go,
// HTTPRouteRule: "Proxy or Load Balancer routing configuration generated from HTTPRoutes MUST
// prioritize matches based on the following criteria, continuing on ties").

import type { HTTPRouteMatch } from '../manifest/types';

export interface Candidate {
  /** `namespace/name` of the HTTPRoute. */
  route: string;
  creationTimestamp?: string;
  rule: number;
  match: number;
  m: HTTPRouteMatch;
}

/**
 * Exact path first; then Envoy Gateway's own place for RegularExpression (the spec leaves it to
 * the implementation: after Exact, before PathPrefix, as its xDS translator sorts routes).
 */
const PATH_RANK = { Exact: 3, RegularExpression: 2, PathPrefix: 1 } as const;

/** Negative when `a` takes precedence over `b`. */
export function byPrecedence(a: Candidate, b: Candidate): number {
  const pa = a.m.path?.type ?? 'PathPrefix';
  const pb = b.m.path?.type ?? 'PathPrefix';
  return (
    PATH_RANK[pb] - PATH_RANK[pa] ||
    // the longest path value (a prefix "with the largest number of characters")
    (b.m.path?.value ?? '/').length - (a.m.path?.value ?? '/').length ||
    Number(b.m.method !== undefined) - Number(a.m.method !== undefined) ||
    (b.m.headers?.length ?? 0) - (a.m.headers?.length ?? 0) ||
    (b.m.queryParams?.length ?? 0) - (a.m.queryParams?.length ?? 0) ||
    // across routes: the oldest, then `namespace/name` alphabetically; within a route, rule order
    compareTime(a.creationTimestamp, b.creationTimestamp) ||
    (a.route < b.route ? -1 : a.route > b.route ? 1 : 0) ||
    a.rule - b.rule ||
    a.match - b.match
  );
}

/** RFC 3339 times compare in time order; an object without one (not yet stored) counts as the newest. */
function compareTime(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return Date.parse(a) - Date.parse(b);
}
