// Hostnames as the Gateway API compares them (apis/v1/shared_types.go, Hostname; httproute_types.go,
// HTTPRouteSpec.Hostnames): a leading `*.` stands for one or more DNS labels, never for none.

/** Whether `host` (a request's Host, or an exact hostname) falls under `pattern` (exact or `*.suffix`). */
export function hostMatches(pattern: string, host: string): boolean {
  const h = host.toLowerCase();
  const p = pattern.toLowerCase();
  if (!p.startsWith('*.')) return p === h;
  return h.endsWith(p.slice(1)) && h.length > p.length - 1;
}

/**
 * The hostnames a route serves through a listener (the spec's intersection): the route's own
 * names that fall under the listener's, or the listener's name where it falls under a route
 * wildcard. No listener hostname takes the route's names as written; a route without names
 * takes the listener's (or every host, `*`). Empty: the route and the listener have no name in common.
 */
export function intersectHostnames(listener: string | undefined, route: string[] | undefined): string[] {
  const names = route ?? [];
  if (!listener) return names.length > 0 ? [...names] : ['*'];
  if (names.length === 0) return [listener];
  const out: string[] = [];
  for (const name of names) {
    if (name.toLowerCase() === listener.toLowerCase() || hostMatches(listener, name)) out.push(name);
    else if (hostMatches(name, listener)) out.push(listener);
  }
  return [...new Set(out)];
}

/**
 * How specific a hostname is, bigger first: an exact name beats any wildcard, a longer
 * wildcard beats a shorter one, and `*` (any host) comes last.
 */
export function hostnameRank(name: string): number {
  if (name === '*') return 0;
  if (name.startsWith('*.')) return 1 + name.length;
  return 1_000 + name.length;
}

/** The most specific of `names` that `host` falls under, if any. */
export function bestHostname(names: string[], host: string): string | undefined {
  let best: string | undefined;
  for (const name of names) {
    if (name !== '*' && !hostMatches(name, host)) continue;
    if (best === undefined || hostnameRank(name) > hostnameRank(best)) best = name;
  }
  return best;
}

/** The Host header without a `:port`, lowercased (Envoy matches domains case-insensitively). */
export function hostOnly(host: string): string {
  const h = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/, '');
  return h.toLowerCase();
}
