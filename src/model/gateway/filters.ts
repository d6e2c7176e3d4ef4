// HTTPRoute filters (httproute_types.go): RequestRedirect's Location, URLRewrite's path and host,
// and the header modifiers, each worded as the spec's field docs define them.

import type { HttpHeader } from '../http/request';
import type { HTTPHeaderFilter, HTTPPathModifier, HTTPRequestRedirectFilter } from '../manifest/types';

/**
 * ReplacePrefixMatch: the matched prefix (a trailing `/` of it or of the replacement does not
 * count) gives way to the replacement; the rest of the path stays. `/foo` → `/xyz` turns
 * `/foo/bar` into `/xyz/bar`, `/foo/` into `/xyz/`; an empty or `/` replacement of `/foo` leaves `/bar`, or `/`.
 */
export function replacePrefix(path: string, matchedPrefix: string, replacement: string): string {
  const rest = path.slice(matchedPrefix.replace(/\/+$/, '').length);
  const out = replacement.replace(/\/+$/, '') + rest;
  return out === '' ? '/' : out;
}

/** The path after a path modifier (the query is kept as it was). */
export function modifyPath(path: string, modifier: HTTPPathModifier | undefined, matchedPrefix: string | undefined): string {
  if (!modifier) return path;
  if (modifier.type === 'ReplaceFullPath') return modifier.replaceFullPath ?? path;
  if (matchedPrefix === undefined) return path;
  return replacePrefix(path, matchedPrefix, modifier.replacePrefixMatch ?? '');
}

const WELL_KNOWN: Record<string, number> = { http: 80, https: 443 };

/**
 * RequestRedirect's Location: scheme and hostname from the filter or the request; the port from
 * the filter, else the scheme's well-known port when the filter sets a scheme, else the
 * listener's; a port that is the scheme's well-known one is left out.
 */
export function redirectLocation(
  f: HTTPRequestRedirectFilter,
  request: { scheme: string; host: string; path: string; query: string; listenerPort: number },
  matchedPrefix: string | undefined,
): string {
  const scheme = f.scheme ?? request.scheme;
  const host = f.hostname ?? request.host;
  const port = f.port ?? (f.scheme ? WELL_KNOWN[f.scheme]! : request.listenerPort);
  const hostPort = port === WELL_KNOWN[scheme] ? host : `${host}:${port}`;
  return `${scheme}://${hostPort}${modifyPath(request.path, f.path, matchedPrefix)}${request.query}`;
}

/** set replaces (or adds) a header, add appends to its value with a comma, remove drops it; names compare case-insensitively. */
export function modifyHeaders(headers: HttpHeader[], f: HTTPHeaderFilter | undefined): HttpHeader[] {
  if (!f) return headers;
  let out = headers.map((h) => ({ ...h }));
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  for (const s of f.set ?? []) {
    const at = out.findIndex((h) => same(h.name, s.name));
    if (at < 0) out.push({ name: s.name, value: s.value });
    else out = out.map((h, i) => (i === at ? { name: s.name, value: s.value } : h)).filter((h, i) => i <= at || !same(h.name, s.name));
  }
  for (const a of f.add ?? []) {
    const h = out.find((x) => same(x.name, a.name));
    if (h) h.value = `${h.value},${a.value}`;
    else out.push({ name: a.name, value: a.value });
  }
  const removed = (f.remove ?? []).map((r) => r.toLowerCase());
  return out.filter((h) => !removed.includes(h.name.toLowerCase()));
}
