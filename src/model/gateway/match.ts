// Whether one HTTPRouteMatch takes a request (httproute_types.go, HTTPPathMatch, HTTPHeaderMatch,
// HTTPQueryParamMatch, HTTPMethod): every condition in the match must hold.

import type { HttpHeader } from '../http/request';
import type { HTTPRouteMatch } from '../manifest/types';

/**
 * A regular expression matched against the whole value, as Envoy's safe_regex (RE2) does; undefined
 * when it does not compile. RE2's leading flag group (`(?i)`, which ingress2gateway writes for
 * ingress-nginx's case-insensitive paths) becomes the RegExp's flags.
 */
export function fullRegex(pattern: string): RegExp | undefined {
  const group = /^\(\?([ims]+)\)/.exec(pattern);
  const flags = [...new Set(group?.[1] ?? '')].join('');
  try {
    return new RegExp(`^(?:${pattern.slice(group?.[0].length ?? 0)})$`, `u${flags}`);
  } catch {
    return undefined;
  }
}

/** Every regular expression a route's matches carry, with where it is written. */
export function routeRegexes(matches: HTTPRouteMatch[] | undefined, at: string): { pattern: string; path: string }[] {
  const out: { pattern: string; path: string }[] = [];
  for (const [j, m] of (matches ?? []).entries()) {
    if (m.path?.type === 'RegularExpression' && m.path.value !== undefined)
      out.push({ pattern: m.path.value, path: `${at}.matches.${j}.path.value` });
    for (const [k, h] of (m.headers ?? []).entries())
      if (h.type === 'RegularExpression') out.push({ pattern: h.value, path: `${at}.matches.${j}.headers.${k}.value` });
    for (const [k, q] of (m.queryParams ?? []).entries()) {
      if (q.type === 'RegularExpression') out.push({ pattern: q.value, path: `${at}.matches.${j}.queryParams.${k}.value` });
    }
  }
  return out;
}

/** A rule Envoy Gateway drops: one of its regular expressions does not compile. */
export function ruleDropped(matches: HTTPRouteMatch[] | undefined): boolean {
  return routeRegexes(matches, '').some((r) => !fullRegex(r.pattern));
}

/** PathPrefix by path elements: `/foo` (or `/foo/`) takes `/foo`, `/foo/` and `/foo/bar`, never `/foobar`. */
export function prefixMatches(prefix: string, path: string): boolean {
  const p = prefix.replace(/\/+$/, '');
  if (p === '') return true;
  return path === p || path.startsWith(`${p}/`);
}

export interface ParsedRequest {
  /** The path without its query. */
  path: string;
  /** Each query parameter's first value, percent-decoded (as Envoy reads query_parameters). */
  query: Map<string, string>;
  method: string;
  headers: HttpHeader[];
}

export function parseRequest(uri: string, method: string | undefined, headers: HttpHeader[] | undefined): ParsedRequest {
  const q = uri.indexOf('?');
  return {
    path: q < 0 ? uri : uri.slice(0, q),
    query: parseQuery(q < 0 ? '' : uri.slice(q + 1)),
    method: (method ?? 'GET').toUpperCase(),
    headers: headers ?? [],
  };
}

function parseQuery(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    if (!out.has(name)) out.set(name, decode(eq < 0 ? '' : pair.slice(eq + 1)));
  }
  return out;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function matchTakes(m: HTTPRouteMatch, req: ParsedRequest): boolean {
  const type = m.path?.type ?? 'PathPrefix';
  const value = m.path?.value ?? '/';
  if (type === 'Exact' && req.path !== value) return false;
  if (type === 'PathPrefix' && !prefixMatches(value, req.path)) return false;
  if (type === 'RegularExpression' && !fullRegex(value)?.test(req.path)) return false;
  if (m.method && m.method !== req.method) return false;
  for (const h of m.headers ?? []) {
    // Header names compare case-insensitively; a repeated header is seen as its values joined by commas.
    const values = req.headers.filter((x) => x.name.toLowerCase() === h.name.toLowerCase()).map((x) => x.value);
    if (values.length === 0) return false;
    const got = values.join(',');
    if ((h.type ?? 'Exact') === 'Exact' ? got !== h.value : !fullRegex(h.value)?.test(got)) return false;
  }
  for (const q of m.queryParams ?? []) {
    // Query names are case-sensitive; the first value counts, as Envoy's query_parameters matcher reads it.
    const got = req.query.get(q.name);
    if (got === undefined) return false;
    if ((q.type ?? 'Exact') === 'Exact' ? got !== q.value : !fullRegex(q.value)?.test(got)) return false;
  }
  return true;
}
