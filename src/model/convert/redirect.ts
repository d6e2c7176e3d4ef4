// ingress-nginx's redirects as ingress2gateway v1.1.0 converts them (redirect.go):
// `temporal-redirect` (302) wins over `permanent-redirect` (301), each code overridable within
// what Gateway API allows, and the rule then sends nothing to a backend; a host with TLS gets an
// `<route>-http` route on port 80 answering 308 to https (unless `ssl-redirect: "false"`), and
// NGINX's implicit `/path` → `/path/` redirect becomes an Exact rule answering 301.

import { parseBool } from '../ingress/annotations';
import type { HTTPPathMatch, HTTPRoute, HTTPRouteRule, Ingress, Manifest } from '../manifest/types';
import { annotation, type Conversion, noteAt } from './context';
import { mainIngress } from './mainIngress';
import { nameFromHost } from './names';

/** A deep copy of plain data (the model has no structuredClone). */
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const TEMPORAL_CODES = [301, 302, 303, 307] as const;
const PERMANENT_CODES = [301, 302, 303, 307, 308] as const;

interface GoUrl {
  scheme: string;
  hostname: string;
  port: string;
  path: string;
}

/** The parts of Go's url.Parse that the redirect reads; undefined where it fails (a port that is not a number). */
export function parseGoUrl(text: string): GoUrl | undefined {
  let rest = text.replace(/[?#].*$/s, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(rest);
  if (scheme) rest = rest.slice(scheme[0].length);
  let hostname = '';
  let port = '';
  if (rest.startsWith('//')) {
    const end = rest.indexOf('/', 2);
    const authority = rest.slice(2, end === -1 ? undefined : end).replace(/^.*@/, '');
    rest = end === -1 ? '' : rest.slice(end);
    const m = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(authority)!;
    hostname = m[1]!.replace(/^\[|\]$/g, '');
    port = m[2] ?? '';
    if (!/^\d*$/.test(port)) return undefined;
  }
  return { scheme: scheme ? scheme[1]!.toLowerCase() : '', hostname, port, path: rest };
}

function redirectRule(c: Conversion, rule: HTTPRouteRule, m: Manifest<Ingress>): void {
  for (const name of ['proxy-redirect-from', 'proxy-redirect-to']) {
    if (annotation(m, name))
      noteAt(c, m, 'metadata.annotations', 'warning', 'convert.redirect.unsupported', { name: `nginx.ingress.kubernetes.io/${name}` });
  }
  const temporal = annotation(m, 'temporal-redirect');
  const permanent = annotation(m, 'permanent-redirect');
  if (temporal === undefined && permanent === undefined) return;
  const kind = temporal !== undefined ? 'temporal' : 'permanent';
  const url = (temporal ?? permanent)!;
  let statusCode: number = kind === 'temporal' ? 302 : 301;
  if (temporal !== undefined && permanent !== undefined) noteAt(c, m, 'metadata.annotations', 'warning', 'convert.redirect.both');
  const codeText = annotation(m, `${kind}-redirect-code`) ?? '';
  if (codeText !== '') {
    const codes: readonly number[] = kind === 'temporal' ? TEMPORAL_CODES : PERMANENT_CODES;
    const code = /^[+-]?\d+$/.test(codeText) ? Number(codeText) : NaN;
    if (codes.includes(code)) statusCode = code;
    else
      noteAt(c, m, 'metadata.annotations', 'warning', 'convert.redirect.badCode', {
        name: `nginx.ingress.kubernetes.io/${kind}-redirect-code`,
        value: codeText,
        codes: codes.join(', '),
        code: statusCode,
      });
  }
  const annotationName = `nginx.ingress.kubernetes.io/${kind}-redirect`;
  if (url === '') {
    noteAt(c, m, 'metadata.annotations', 'error', 'convert.redirect.empty', { name: annotationName });
    return;
  }
  const parsed = parseGoUrl(url);
  if (!parsed) {
    noteAt(c, m, 'metadata.annotations', 'error', 'convert.redirect.badUrl', { name: annotationName, value: url });
    return;
  }
  rule.filters = [
    ...(rule.filters ?? []),
    {
      type: 'RequestRedirect',
      requestRedirect: {
        ...(parsed.scheme ? { scheme: parsed.scheme as 'http' | 'https' } : {}),
        ...(parsed.hostname ? { hostname: parsed.hostname } : {}),
        ...(parsed.port ? { port: Number(parsed.port) } : {}),
        // A redirect replaces the request's path, "/" when the URL has none, as ingress-nginx's does.
        path: { type: 'ReplaceFullPath', replaceFullPath: parsed.path || '/' },
        statusCode: statusCode as 301,
      },
    },
  ];
  delete rule.backendRefs;
  noteAt(c, m, 'metadata.annotations', 'info', 'convert.made.redirect', { name: annotationName, code: statusCode });
}

export function redirectFeature(c: Conversion): void {
  for (const ctx of c.routes.values()) {
    ctx.route.spec.rules!.forEach((rule, i) => {
      const m = mainIngress(ctx.sources[i]);
      if (m) redirectRule(c, rule, m);
    });
  }
}

/** Whether Gateway API's PathPrefix `prefix` matches `path` (by path elements: "/a" matches "/a/b", not "/ab"). */
function prefixCovers(prefix: string, path: string): boolean {
  if (!path.startsWith(prefix)) return false;
  return path.length === prefix.length || prefix.endsWith('/') || path[prefix.length] === '/';
}

/** NGINX answers `/path` with a 301 to `/path/` when only `location /path/` exists: one Exact rule per such path. */
function trailingSlashRules(rules: HTTPRouteRule[]): HTTPRouteRule[] {
  const paths = rules
    .flatMap((r) => (r.matches ?? []).map((mt) => mt.path))
    .filter((p): p is Required<HTTPPathMatch> => !!p?.type && p.value !== undefined);
  const literal = paths.filter((p) => p.type === 'Exact' || p.type === 'PathPrefix');
  const matched = new Set(literal.map((p) => p.value));
  const prefixes = literal.filter((p) => p.type === 'PathPrefix').map((p) => p.value);
  const out: HTTPRouteRule[] = [];
  const added = new Set<string>();
  for (const p of literal) {
    const target = p.value;
    if (target === '/' || !target.endsWith('/')) continue;
    const source = target.slice(0, -1);
    if (source === '' || matched.has(source) || prefixes.some((x) => prefixCovers(x, source)) || added.has(source)) continue;
    out.push({
      matches: [{ path: { type: 'Exact', value: source } }],
      filters: [
        { type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplaceFullPath', replaceFullPath: target }, statusCode: 301 } },
      ],
    });
    added.add(source);
  }
  return out;
}

/** The hosts some Ingress has TLS for (a TLS entry without hosts covers all of that Ingress's rules' hosts). */
function hostsWithTls(c: Conversion): Set<string> {
  const hosts = new Set<string>();
  for (const m of c.ingresses) {
    for (const tls of m.object.spec.tls ?? []) {
      if (tls.hosts?.length) {
        for (const h of tls.hosts) hosts.add(h);
        continue;
      }
      for (const r of m.object.spec.rules ?? []) if (r.host) hosts.add(r.host);
      break;
    }
  }
  return hosts;
}

export function sslAndTrailingSlashRedirects(c: Conversion): void {
  const tlsHosts = hostsWithTls(c);
  for (const [key, ctx] of [...c.routes]) {
    const route = ctx.route;
    const rules = route.spec.rules!;
    const slashRules = trailingSlashRules(rules);
    const httpRules: HTTPRouteRule[] = [];
    let redirects = false;
    const hasTls = (route.spec.hostnames ?? []).some((h) => tlsHosts.has(h));
    if (hasTls) {
      ctx.sources.forEach((sources, i) => {
        const m = mainIngress(sources);
        if (!m || i >= rules.length) return;
        const value = annotation(m, 'ssl-redirect');
        // An unreadable value counts as false, as ParseBool's error leaves it.
        const enable = value === undefined ? true : (parseBool(value) ?? false);
        redirects ||= enable;
        httpRules.push(
          enable
            ? {
                ...(rules[i]!.matches ? { matches: clone(rules[i]!.matches) } : {}),
                filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 308 } }],
              }
            : clone(rules[i]!),
        );
      });
    }
    rules.push(...slashRules);
    if (!redirects) continue;
    // On port 80 the trailing-slash redirect and the upgrade to https are one hop.
    for (const r of slashRules) {
      const combined = clone(r);
      combined.filters![0]!.requestRedirect!.scheme = 'https';
      httpRules.push(combined);
    }
    const name = `${route.metadata.name}-http`;
    const httpRoute: HTTPRoute = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name, namespace: route.metadata.namespace! },
      spec: {
        ...(route.spec.parentRefs ? { parentRefs: route.spec.parentRefs.map((p) => ({ ...p, port: 80 })) } : {}),
        ...(route.spec.hostnames ? { hostnames: [...route.spec.hostnames] } : {}),
        rules: httpRules,
      },
      status: { parents: [] },
    };
    c.routes.set(`${route.metadata.namespace}/${name}`, { route: httpRoute, sources: [], rewrites: new Map() });
    const section = route.spec.hostnames?.length ? { sectionName: `${nameFromHost(route.spec.hostnames[0]!)}-https` } : {};
    route.spec.parentRefs = route.spec.parentRefs?.map((p) => ({ ...p, port: 443, ...section }));
    const first = mainIngress(ctx.sources.find((s) => s.length)) ?? c.ingresses[0]!;
    noteAt(c, first, 'spec.tls', 'info', 'convert.made.httpsRedirect', { route: key, http: `${route.metadata.namespace}/${name}` });
  }
}
