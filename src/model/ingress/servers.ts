// The nginx server and location blocks ingress-nginx v1.15.1 generates (controller.go createServers
// and getBackendServers, location.go updateServerLocations, template.go buildLocation and
// enforceRegexModifier): one server per host, a root location per server, locations sorted
// longest path first, and a Prefix `/foo` split into `location /foo/` and `location = /foo`.

import type { IngressAnnotations } from './annotations';
import { mergeCanaries, type CanaryRow } from './canaryMerge';
import { nginxPathType, rowKey } from './ruleKeys';
import { CATCH_ALL, DEFAULT_UPSTREAM } from './controllerOptions';
import { upstreamName } from './upstreams';
import type { NginxLocation, NginxServer, Upstream } from './types';
import type { Ingress, PathType } from '../manifest/types';
import { namespaceOf } from '../k8s';

export interface ServedIngress {
  key: string;
  ingress: Ingress;
  annotations: IngressAnnotations;
}

export interface BuiltServers {
  servers: Map<string, NginxServer>;
  /** `ingressKey#rule.path` -> the key of the earlier Ingress whose identical location kept it. */
  duplicates: Map<string, string>;
  /** `ingressKey#rule.path` of each canary rule -> the main upstreams it joined, or why it was dropped. */
  canaries: Map<string, CanaryRow>;
}

function location(
  path: string,
  pathType: PathType,
  upstream: string,
  isDefaultBackend: boolean,
  owner?: ServedIngress,
  ruleIndex?: number,
  pathIndex?: number,
): NginxLocation {
  const loc: NginxLocation = {
    path,
    modifier: '',
    text: '',
    ingressPath: path,
    pathType,
    isDefaultBackend,
    upstream,
    useRegex: false,
    sslRedirect: false,
    forceSslRedirect: false,
    preserveTrailingSlash: false,
    backendProtocol: 'HTTP',
  };
  if (owner) applyAnnotations(loc, owner);
  if (ruleIndex !== undefined) {
    loc.ruleIndex = ruleIndex;
    loc.pathIndex = pathIndex;
  }
  return loc;
}

function applyAnnotations(loc: NginxLocation, owner: ServedIngress): void {
  const a = owner.annotations;
  loc.ingress = owner.key;
  loc.useRegex = a.useRegex;
  loc.sslRedirect = a.sslRedirect;
  loc.forceSslRedirect = a.forceSslRedirect;
  loc.preserveTrailingSlash = a.preserveTrailingSlash;
  loc.backendProtocol = a.backendProtocol;
  if (a.rewriteTarget !== undefined) loc.rewriteTarget = a.rewriteTarget;
  else delete loc.rewriteTarget;
}

const needsRewrite = (l: NginxLocation): boolean => l.rewriteTarget !== undefined && l.rewriteTarget !== l.path;

/** createServers: the catch-all server, then one per rule host with a root location. */
function createServers(served: ServedIngress[], upstreams: Map<string, Upstream>): Map<string, NginxServer> {
  const servers = new Map<string, NginxServer>();
  const server = (hostname: string, root: NginxLocation): NginxServer => ({
    hostname,
    serverName: '',
    tls: false,
    enforceRegex: false,
    locations: [root],
  });
  servers.set(CATCH_ALL, server(CATCH_ALL, location('/', 'Prefix', DEFAULT_UPSTREAM, true)));

  // A canary Ingress makes no server and sets no default location, TLS or alias ("marked as Canary, ignoring").
  const mains = served.filter((ing) => !ing.annotations.canary);
  for (const ing of mains) {
    const spec = ing.ingress.spec;
    let rootUpstream = DEFAULT_UPSTREAM;
    const def = spec.defaultBackend?.service;
    if (def) {
      const name = upstreamName(namespaceOf(ing.ingress), def);
      if (upstreams.has(name)) {
        rootUpstream = name;
        const catchAll = servers.get(CATCH_ALL)!.locations[0];
        if (catchAll.isDefaultBackend && !spec.rules?.length) {
          // An Ingress with a backend and no rule configures the catch-all server;
          // its redirect and rewrite annotations are not applied there.
          catchAll.isDefaultBackend = false;
          catchAll.upstream = name;
          catchAll.ingress = ing.key;
          catchAll.backendProtocol = ing.annotations.backendProtocol;
        }
      }
    }
    for (const rule of spec.rules ?? []) {
      const host = rule.host || CATCH_ALL;
      if (servers.has(host)) continue;
      servers.set(host, server(host, location('/', 'Prefix', rootUpstream, true, ing)));
    }
  }

  // TLS: the first Ingress (in controller order) with a rule for the host and any tls section
  // gives the server a certificate: its Secret's, or the default one when the host is not listed.
  for (const ing of mains) {
    if (!ing.ingress.spec.tls?.length) continue;
    for (const rule of ing.ingress.spec.rules ?? []) servers.get(rule.host || CATCH_ALL)!.tls = true;
  }
  servers.get(CATCH_ALL)!.tls = true; // the catch-all always has the default certificate
  return servers;
}

/** getBackendServers: a location per rule path; the first Ingress to claim a path and type keeps it. */
function addRuleLocations(
  served: ServedIngress[],
  servers: Map<string, NginxServer>,
  upstreams: Map<string, Upstream>,
  duplicates: Map<string, string>,
): void {
  for (const ing of served) {
    const namespace = namespaceOf(ing.ingress);
    (ing.ingress.spec.rules ?? []).forEach((rule, r) => {
      const server = servers.get(rule.host || CATCH_ALL) ?? servers.get(CATCH_ALL)!;
      rule.http?.paths.forEach((p, i) => {
        const svc = p.backend.service;
        if (!svc) return; // resource backends: the default backend answers
        const ups = upstreams.get(upstreamName(namespace, svc))!;
        if (ups.noServer) return; // a canary's upstream: the balancer reaches it through a main one
        const path = p.path || '/';
        const type = nginxPathType(p.pathType);
        const same = server.locations.find((l) => l.path === path && l.pathType === type);
        if (!same) {
          server.locations.push(location(path, type, ups.name, false, ing, r, i));
        } else if (same.isDefaultBackend) {
          same.isDefaultBackend = false;
          same.upstream = ups.name;
          same.ruleIndex = r;
          same.pathIndex = i;
          applyAnnotations(same, ing);
        } else {
          duplicates.set(rowKey(ing.key, r, i), same.ingress ?? '');
        }
      });
    });
  }
}

function normalizePrefixPath(path: string): string {
  return path === '/' || path.endsWith('/') ? path : `${path}/`;
}

/** location.go updateServerLocations: Prefix `/foo` -> `/foo/` plus an exact `/foo` twin. */
function updateServerLocations(locations: NginxLocation[]): NginxLocation[] {
  const exact = new Set(locations.filter((l) => l.pathType === 'Exact').map((l) => l.path));
  const out: NginxLocation[] = [];
  for (const loc of locations) {
    if (loc.path === '/' || loc.pathType !== 'Prefix' || needsRewrite(loc) || loc.useRegex) {
      out.push(loc);
      continue;
    }
    const twin: NginxLocation = { ...loc, pathType: 'Exact' };
    loc.path = normalizePrefixPath(loc.path);
    out.push(loc);
    if (!exact.has(twin.path)) out.push(twin);
  }
  return out;
}

/** nginx's config parser reads `\\` and `\"` inside double quotes (template.go sanitizeQuotedRegex). */
export const sanitizeQuoted = (s: string): string => s.replace(/[\\"]/g, (c) => `\\${c}`);

/** template.go buildServerName: `*.example.com` becomes a regex matching exactly one label. */
function serverName(hostname: string): string {
  if (!hostname.startsWith('*')) return hostname;
  return `~^(?<subdomain>[\\w-]+)\\.${hostname.slice(2).split('.').join('\\.')}$`;
}

function finish(server: NginxServer): void {
  // sort.SliceStable by path descending, then by length descending.
  server.locations.sort((a, b) => (a.path > b.path ? -1 : a.path < b.path ? 1 : 0));
  server.locations.sort((a, b) => b.path.length - a.path.length);
  server.locations = updateServerLocations(server.locations);
  server.enforceRegex = server.locations.some((l) => needsRewrite(l) || l.useRegex);
  server.serverName = serverName(server.hostname);
  for (const l of server.locations) {
    const quoted = sanitizeQuoted(l.path);
    if (server.enforceRegex) {
      l.modifier = '~*';
      l.text = `~* "^${quoted}"`;
    } else if (l.pathType === 'Exact') {
      l.modifier = '=';
      l.text = `= "${quoted}"`;
    } else {
      l.modifier = '';
      l.text = `"${quoted}"`;
    }
  }
}

export function buildServers(served: ServedIngress[], upstreams: Map<string, Upstream>): BuiltServers {
  const servers = createServers(served, upstreams);
  const duplicates = new Map<string, string>();
  addRuleLocations(served, servers, upstreams, duplicates);
  // Canaries join main upstreams while locations still carry the Ingress paths (before the Prefix split).
  const canaries = mergeCanaries(served, servers, upstreams);
  for (const s of servers.values()) finish(s);
  return { servers, duplicates, canaries };
}
