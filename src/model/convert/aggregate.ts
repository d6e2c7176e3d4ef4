// ingress2gateway's provider-neutral step (pkg/i2gw/providers/common/converter.go, v1.1.0): the
// rules of every Ingress are grouped by namespace, class and host; each group becomes one
// HTTPRoute named after the group's first Ingress, and one listener (two with TLS) on the Gateway
// named after the class. Paths with the same type and value become one rule with each Ingress's
// backend; each defaultBackend becomes a route of its own.

import { namespaceOf } from '../k8s';
import type {
  Gateway,
  HTTPBackendRef,
  HTTPRoute,
  HTTPRouteRule,
  Ingress,
  IngressBackend,
  IngressTLS,
  Listener,
  Manifest,
} from '../manifest/types';
import { type Conversion, noteAt } from './context';
import { nameFromHost, routeName } from './names';

/** Service ports by name, per namespace/name: what a backend's `port.name` is looked up in. */
export type ServicePorts = Map<string, Map<string, number>>;

const LEGACY_CLASS = 'kubernetes.io/ingress.class';

/** common.GetIngressClass: spec.ingressClassName, else the legacy annotation, else none. */
export function ingressClassOf(ing: Ingress): string {
  return ing.spec.ingressClassName || (ing.metadata.annotations?.[LEGACY_CLASS] ?? '');
}

interface RuleGroup {
  namespace: string;
  name: string;
  ingressClass: string;
  host: string;
  tls: IngressTLS[];
  /** Each rule with the Ingress it is in, and its index there (for the note's position). */
  rules: { m: Manifest<Ingress>; index: number }[];
}

function toBackendRef(
  c: Conversion,
  m: Manifest<Ingress>,
  at: string,
  backend: IngressBackend,
  ports: ServicePorts,
): HTTPBackendRef | undefined {
  const ns = namespaceOf(m.object);
  if (backend.service) {
    const { name, port } = backend.service;
    if (!port.name) return { name, ...(port.number !== undefined ? { port: port.number } : {}) };
    const number = ports.get(`${ns}/${name}`)?.get(port.name);
    if (number !== undefined) return { name, port: number };
    // ingress2gateway stops the whole conversion on this error; PacketWalk leaves the backend out and goes on.
    noteAt(c, m, `${at}.service.port.name`, 'error', 'convert.skip.portName', { service: name, port: port.name });
    return undefined;
  }
  // Neither a Service nor a resource: the API server refuses the Ingress and says so; there is nothing to point at.
  const r = backend.resource;
  return r && { ...(r.apiGroup !== undefined ? { group: r.apiGroup } : {}), kind: r.kind, name: r.name };
}

function toHttpRoute(c: Conversion, rg: RuleGroup, ports: ServicePorts): void {
  const route: HTTPRoute = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: routeName(rg.name, rg.host), namespace: rg.namespace },
    spec: {
      ...(rg.ingressClass ? { parentRefs: [{ name: rg.ingressClass }] } : {}),
      ...(rg.host ? { hostnames: [rg.host] } : {}),
      rules: [],
    },
    status: { parents: [] },
  };
  // Paths of one type and value, in the order first written, each with every backend given for it.
  const byMatch = new Map<string, { m: Manifest<Ingress>; at: string; backend: IngressBackend; path: string; pathType: string }[]>();
  for (const { m, index } of rg.rules) {
    const paths = m.object.spec.rules![index]!.http?.paths ?? [];
    paths.forEach((p, j) => {
      const key = `${p.pathType}/${p.path ?? ''}`;
      const list = byMatch.get(key) ?? [];
      list.push({ m, at: `spec.rules.${index}.http.paths.${j}.backend`, backend: p.backend, path: p.path ?? '', pathType: p.pathType });
      byMatch.set(key, list);
    });
  }
  const sources: Manifest<Ingress>[][] = [];
  for (const paths of byMatch.values()) {
    const first = paths[0]!;
    // ingress-nginx reads ImplementationSpecific as a prefix (regexes are the regex step's).
    const type = first.pathType === 'Exact' ? 'Exact' : 'PathPrefix';
    const rule: HTTPRouteRule = { matches: [{ path: { type, value: first.path } }] };
    const refs: HTTPBackendRef[] = [];
    const from: Manifest<Ingress>[] = [];
    for (const p of paths) {
      const ref = toBackendRef(c, p.m, p.at, p.backend, ports);
      if (!ref) continue;
      refs.push(ref);
      from.push(p.m);
    }
    if (refs.length) rule.backendRefs = refs;
    route.spec.rules!.push(rule);
    sources.push(from);
  }
  c.routes.set(`${rg.namespace}/${route.metadata.name}`, { route, sources, rewrites: new Map() });
}

/** The listeners of one Gateway, one per host and scheme, certificates merged, in the groups' order. */
function listenersOf(groups: { host?: string; certs?: string[] }[]): Listener[] {
  const listeners = new Map<string, Listener>();
  for (const g of groups) {
    const prefix = g.host ? `${nameFromHost(g.host)}-` : '';
    const hostname = g.host ? { hostname: g.host } : {};
    if (!listeners.has(`${prefix}http`)) listeners.set(`${prefix}http`, { name: `${prefix}http`, ...hostname, port: 80, protocol: 'HTTP' });
    if (!g.certs) continue;
    const https = listeners.get(`${prefix}https`) ?? {
      name: `${prefix}https`,
      ...hostname,
      port: 443,
      protocol: 'HTTPS',
      tls: { certificateRefs: [] },
    };
    listeners.set(`${prefix}https`, https);
    const refs = https.tls!.certificateRefs!;
    for (const name of g.certs) if (!refs.some((r) => r.name === name)) refs.push({ group: '', kind: 'Secret', name });
  }
  return [...listeners.values()];
}

export function aggregate(c: Conversion, ingresses: Manifest<Ingress>[], ports: ServicePorts): void {
  const groups = new Map<string, RuleGroup>();
  const defaults: Manifest<Ingress>[] = [];
  for (const m of ingresses) {
    const ing = m.object;
    const ingressClass = ingressClassOf(ing);
    (ing.spec.rules ?? []).forEach((rule, index) => {
      const host = rule.host ?? '';
      const key = `${namespaceOf(ing)}/${ingressClass}/${host}/http`;
      const rg = groups.get(key) ?? { namespace: namespaceOf(ing), name: ing.metadata.name, ingressClass, host, tls: [], rules: [] };
      groups.set(key, rg);
      rg.tls.push(...(ing.spec.tls ?? []));
      rg.rules.push({ m, index });
    });
    if (ing.spec.defaultBackend) defaults.push(m);
  }

  const perGateway = new Map<string, { host?: string; certs?: string[] }[]>();
  const firstOf = new Map<string, Manifest<Ingress>>();
  for (const key of [...groups.keys()].sort()) {
    const rg = groups.get(key)!;
    // With no host, a single TLS entry's single host names the listener.
    const only = rg.tls.length === 1 && rg.tls[0]!.hosts?.length === 1 ? rg.tls[0]!.hosts[0] : undefined;
    const host = rg.host || only;
    const certs = rg.tls.length ? [...new Set(rg.tls.map((t) => t.secretName ?? ''))] : undefined;
    const gw = `${rg.namespace}/${rg.ingressClass}`;
    perGateway.set(gw, [...(perGateway.get(gw) ?? []), { ...(host ? { host } : {}), ...(certs ? { certs } : {}) }]);
    if (!firstOf.has(gw)) firstOf.set(gw, rg.rules[0]!.m);
    toHttpRoute(c, rg, ports);
    noteAt(c, rg.rules[0]!.m, `spec.rules.${rg.rules[0]!.index}`, 'info', 'convert.made.route', {
      route: `${rg.namespace}/${routeName(rg.name, rg.host)}`,
      host: rg.host || '*',
      count: rg.rules.length,
    });
  }

  for (const m of defaults) {
    const ns = namespaceOf(m.object);
    const name = `${m.object.metadata.name}-default-backend`;
    const ref = toBackendRef(c, m, 'spec.defaultBackend', m.object.spec.defaultBackend!, ports);
    const route: HTTPRoute = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name, namespace: ns },
      spec: { parentRefs: [{ name: ingressClassOf(m.object) }], rules: ref ? [{ backendRefs: [ref] }] : [] },
      status: { parents: [] },
    };
    c.routes.set(`${ns}/${name}`, { route, sources: ref ? [[m]] : [], rewrites: new Map(), defaultBackend: true });
    noteAt(c, m, 'spec.defaultBackend', 'info', 'convert.made.defaultBackend', { route: `${ns}/${name}` });
  }

  for (const [key, groupsOfGateway] of perGateway) {
    const [namespace, name] = key.split('/') as [string, string];
    const gateway: Gateway = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name, namespace },
      spec: { gatewayClassName: name, listeners: listenersOf(groupsOfGateway) },
    };
    c.gateways.set(key, gateway);
    noteAt(c, firstOf.get(key)!, 'metadata.name', 'info', 'convert.made.gateway', {
      gateway: key,
      className: name,
      listeners: gateway.spec.listeners.length,
    });
  }
}
