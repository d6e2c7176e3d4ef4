// How nginx picks the server block and the location for a request (nginx 1.27,
// ngx_http_core_module: server_name exact names before regex names; locations: an `=` match
// wins, else the longest prefix, else the first regex in config order; a prefix location ending
// in `/` answers its own name without the slash with a 301 when it proxies).

import { CATCH_ALL } from './controllerOptions';
import type { IngressModel, NginxLocation, NginxServer } from './types';

export type ServerChoice = { server: NginxServer; how: 'exact' | 'wildcard' | 'catchAll' };

export type LocationChoice =
  { kind: 'location'; location: NginxLocation } | { kind: 'slashRedirect'; location: NginxLocation } | { kind: 'none' };

/** The Host header as nginx keeps it in $host: no port, no trailing dot, lower case. */
export function normalizeHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[')) h = h.slice(0, h.indexOf(']') + 1);
  else if (h.includes(':')) h = h.slice(0, h.indexOf(':'));
  return h.endsWith('.') ? h.slice(0, -1) : h;
}

/** The request line's URI as nginx normalises it for matching: no query, %XX decoded, `//` merged, dot segments resolved. */
export function splitUri(requestUri: string): { uri: string; query?: string } {
  const q = requestUri.indexOf('?');
  const raw = q === -1 ? requestUri : requestUri.slice(0, q);
  let decoded = raw.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  if (!decoded.startsWith('/')) decoded = `/${decoded}`;
  const out: string[] = [];
  const segments = decoded.split('/').slice(1);
  segments.forEach((s, i) => {
    const last = i === segments.length - 1;
    if (s === '..') out.pop();
    if (s === '.' || s === '..') {
      if (last) out.push('');
      return;
    }
    if (s === '' && !last) return; // merge_slashes
    out.push(s);
  });
  const uri = `/${out.join('/')}`;
  return q === -1 ? { uri } : { uri, query: requestUri.slice(q + 1) };
}

const ONE_LABEL = /^[A-Za-z0-9_-]+$/;

export function chooseServer(model: IngressModel, host: string): ServerChoice {
  const exact = model.exactHosts.get(host);
  if (exact) return { server: exact, how: 'exact' };
  const dot = host.indexOf('.');
  if (dot > 0 && ONE_LABEL.test(host.slice(0, dot))) {
    const wild = model.wildcardHosts.get(host.slice(dot + 1));
    if (wild) return { server: wild, how: 'wildcard' };
  }
  return { server: model.servers.find((s) => s.hostname === CATCH_ALL)!, how: 'catchAll' };
}

const regexCache = new WeakMap<NginxLocation, RegExp | null>();

/** The location's `~*` regex (case-insensitive, anchored); null when it does not compile. */
export function locationRegex(l: NginxLocation): RegExp | null {
  let re = regexCache.get(l);
  if (re === undefined) {
    try {
      re = new RegExp(`^${l.path}`, 'i');
    } catch {
      re = null;
    }
    regexCache.set(l, re);
  }
  return re;
}

/** Whether one location, on its own, would take this URI. */
export function locationMatches(l: NginxLocation, uri: string): boolean {
  if (l.modifier === '=') return l.path === uri;
  if (l.modifier === '~*') return locationRegex(l)?.test(uri) ?? false;
  return uri.startsWith(l.path);
}

export function chooseLocation(server: NginxServer, uri: string): LocationChoice {
  if (server.enforceRegex) {
    const hit = server.locations.find((l) => locationMatches(l, uri));
    return hit ? { kind: 'location', location: hit } : { kind: 'none' };
  }
  let longest: NginxLocation | undefined;
  for (const l of server.locations) {
    if (l.modifier === '=' && l.path === uri) return { kind: 'location', location: l };
    if (l.modifier === '' && uri.startsWith(l.path) && (!longest || l.path.length > longest.path.length)) longest = l;
  }
  if (longest?.path !== uri) {
    // Every ingress-nginx location proxies, so each one ending in `/` redirects its slash-less name.
    const slashed = server.locations.find((l) => l.path === `${uri}/`);
    if (slashed) return { kind: 'slashRedirect', location: slashed };
  }
  return longest ? { kind: 'location', location: longest } : { kind: 'none' };
}
