// Ingresses in, the controller's routing view out: which Ingresses it serves (class selection and
// its admission webhook), its upstreams and its server/location blocks, indexed so that each
// request is matched without rescanning every rule.

import { diagnostic, nowhere, type Diagnostic } from '../diagnostics';
import type { EndpointSlice, Ingress, IngressClass, IngressServiceBackend, Service } from '../manifest/types';
import { badBooleanAnnotations, canaryNotEnabled, ingressAnnotations } from './annotations';
import { checkAdmission, type Claims } from './admission';
import { CATCH_ALL, DEFAULT_CONTROLLER_OPTIONS } from './controllerOptions';
import { resolveClass } from './ingressClass';
import { rowKey } from './ruleKeys';
import type { CanaryRow } from './canaryMerge';
import { buildServers, type ServedIngress } from './servers';
import { defaultUpstream, indexServices, serviceUpstream, upstreamName } from './upstreams';
import type { ControllerOptions, IngressModel, IngressStatus, NginxServer, RuleRow, Sourced, Upstream } from './types';
import { namespacedName, namespaceOf } from '../k8s';

export interface IngressModelInput {
  /** In the order they were applied (file order): the admission webhook sees them one by one. */
  ingresses: Sourced<Ingress>[];
  /** Every IngressClass, the controller's own `nginx` included. */
  classes: IngressClass[];
  services: Service[];
  endpointSlices: EndpointSlice[];
  options?: Partial<ControllerOptions>;
}

export const ingressKey = (ing: Ingress): string => namespacedName(ing);

const backendText = (b: IngressServiceBackend | undefined, resource?: { kind: string; name: string }): string =>
  b ? `${b.name}:${b.port.number ?? b.port.name ?? ''}` : resource ? `${resource.kind}/${resource.name}` : '';

/** store.go sortIngressSlice: oldest first; equal timestamps by namespace/name, descending. */
function controllerOrder(a: ServedIngress, b: ServedIngress): number {
  const ta = a.ingress.metadata.creationTimestamp ?? '';
  const tb = b.ingress.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.key > b.key ? -1 : a.key < b.key ? 1 : 0;
}

export function buildIngressModel(input: IngressModelInput): IngressModel {
  const options: ControllerOptions = { ...DEFAULT_CONTROLLER_OPTIONS, ...input.options };
  const diagnostics: Diagnostic[] = [];
  const statuses: IngressStatus[] = [];
  const served: ServedIngress[] = [];
  const sources = new Map<string, Sourced<Ingress>>();
  const claims: Claims = new Map();
  const at = (entry: Sourced<Ingress>, path: string) => entry.source?.at(path) ?? nowhere(entry.source?.file);

  for (const entry of input.ingresses) {
    const ing = entry.object;
    const key = ingressKey(ing);
    sources.set(key, entry);
    const verdict = resolveClass(ing, input.classes, options);
    if (!verdict.ours) {
      diagnostics.push(diagnostic(verdict.severity, verdict.code, { ingress: key, ...verdict.reason.params }, at(entry, verdict.at)));
      statuses.push({ key, ingress: ing, served: false, reason: verdict.reason });
      continue;
    }
    const annotations = ingressAnnotations(ing, options);
    for (const bad of badBooleanAnnotations(ing))
      diagnostics.push(diagnostic('warning', 'ingress.badAnnotation', { ingress: key, ...bad }, at(entry, 'metadata.annotations')));
    const idle = canaryNotEnabled(ing, annotations);
    if (idle)
      diagnostics.push(diagnostic('warning', 'ingress.canary.notEnabled', { ingress: key, name: idle }, at(entry, 'metadata.annotations')));
    const rejected = checkAdmission(key, ing, annotations, options, claims);
    if (rejected) {
      diagnostics.push(diagnostic('error', rejected.code, { ingress: key, ...rejected.reason.params }, at(entry, rejected.at)));
      statuses.push({ key, ingress: ing, served: false, reason: rejected.reason, className: verdict.className });
      continue;
    }
    statuses.push({ key, ingress: ing, served: true, className: verdict.className });
    served.push({ key, ingress: ing, annotations });
  }
  served.sort(controllerOrder);

  const upstreams = buildUpstreams(served, input, diagnostics, sources);
  const { servers, duplicates, canaries } = buildServers(served, upstreams);
  canaryWarnings(served, canaries, sources, diagnostics);
  const ordered = [...servers.values()].sort((a, b) => (a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : 0));

  const exactHosts = new Map<string, NginxServer>();
  const wildcardHosts = new Map<string, NginxServer>();
  const certificateHosts = new Set<string>();
  for (const s of ordered) {
    if (s.hostname === CATCH_ALL) continue;
    if (s.hostname.startsWith('*.')) wildcardHosts.set(s.hostname.slice(2), s);
    else exactHosts.set(s.hostname, s);
    if (s.tls) certificateHosts.add(s.hostname);
  }

  return {
    options,
    servers: ordered,
    upstreams,
    ingresses: statuses,
    diagnostics,
    exactHosts,
    wildcardHosts,
    certificateHosts,
    rows: buildRows(statuses, servers, duplicates, canaries),
  };
}

/** createUpstreams: one per (namespace, service, port); the first Ingress to name it decides service-upstream. */
function buildUpstreams(
  served: ServedIngress[],
  input: IngressModelInput,
  diagnostics: Diagnostic[],
  sources: Map<string, Sourced<Ingress>>,
): Map<string, Upstream> {
  const index = indexServices(input.services, input.endpointSlices);
  const upstreams = new Map<string, Upstream>();
  const def = defaultUpstream();
  upstreams.set(def.name, def);
  for (const ing of served) {
    const namespace = namespaceOf(ing.ingress);
    const entry = sources.get(ing.key)!;
    const use = (svc: IngressServiceBackend, path: string) => {
      const name = upstreamName(namespace, svc);
      let up = upstreams.get(name);
      if (!up) {
        upstreams.set(name, (up = serviceUpstream(namespace, svc, index, ing.annotations.serviceUpstream)));
        // Only the canary that makes an upstream marks it: one a main Ingress made first stays a main one.
        const policy = ing.annotations.canary;
        if (policy) Object.assign(up, { noServer: true, canary: { ingress: ing.key, policy } });
      }
      // explain.ingress.upstream.X is reported as the diagnostic ingress.upstream.X.
      if (up.empty)
        diagnostics.push(
          diagnostic(
            'warning',
            up.empty.key.replace(/^explain\./, ''),
            { ingress: ing.key, upstream: name, ...up.empty.params },
            entry.source?.at(path) ?? nowhere(),
          ),
        );
    };
    const spec = ing.ingress.spec;
    if (spec.defaultBackend?.service) use(spec.defaultBackend.service, 'spec.defaultBackend.service.name');
    spec.rules?.forEach((rule, r) =>
      rule.http?.paths.forEach((p, i) => {
        if (p.backend.service) use(p.backend.service, `spec.rules.${r}.http.paths.${i}.backend.service.name`);
      }),
    );
  }
  return upstreams;
}

/** A canary path ingress-nginx drops only logs it; the learner gets a warning at the path (or defaultBackend). */
function canaryWarnings(
  served: ServedIngress[],
  canaries: Map<string, CanaryRow>,
  sources: Map<string, Sourced<Ingress>>,
  out: Diagnostic[],
): void {
  for (const ing of served) {
    if (!ing.annotations.canary) continue;
    const source = sources.get(ing.key)?.source;
    const warn = (k: string, path: string) => {
      const why = canaries.get(k)?.ignored;
      if (why)
        out.push(
          diagnostic('warning', why.key.replace(/^explain\./, ''), { ingress: ing.key, ...why.params }, source?.at(path) ?? nowhere()),
        );
    };
    if (ing.ingress.spec.defaultBackend) warn(rowKey(ing.key), 'spec.defaultBackend');
    ing.ingress.spec.rules?.forEach((rule, r) =>
      rule.http?.paths.forEach((_, i) => warn(rowKey(ing.key, r, i), `spec.rules.${r}.http.paths.${i}.path`)),
    );
  }
}

function buildRows(
  statuses: IngressStatus[],
  servers: Map<string, NginxServer>,
  duplicates: Map<string, string>,
  canaries: Map<string, CanaryRow>,
): RuleRow[] {
  const byRow = new Map<string, RuleRow['locations']>();
  for (const s of servers.values())
    for (const l of s.locations) {
      if (!l.ingress || l.isDefaultBackend) continue;
      const k = rowKey(l.ingress, l.ruleIndex, l.pathIndex);
      const list = byRow.get(k) ?? [];
      list.push(l);
      byRow.set(k, list);
    }
  const rows: RuleRow[] = [];
  for (const st of statuses) {
    const spec = st.ingress.spec;
    const serverOf = (host: string | undefined) =>
      st.served ? (servers.has(host || CATCH_ALL) ? host || CATCH_ALL : CATCH_ALL) : undefined;
    const row = (r: Omit<RuleRow, 'locations' | 'server' | 'served'>, host: string | undefined): RuleRow => {
      const k = rowKey(st.key, r.ruleIndex, r.pathIndex);
      const out: RuleRow = { ...r, served: st.served, locations: st.served ? (byRow.get(k) ?? []) : [] };
      if (st.reason) out.notServed = st.reason;
      const server = serverOf(host);
      if (server !== undefined) out.server = server;
      const dup = duplicates.get(k);
      if (dup) out.duplicateOf = dup;
      const canary = canaries.get(k);
      if (canary) out.canary = canary;
      return out;
    };
    spec.rules?.forEach((rule, r) =>
      rule.http?.paths.forEach((p, i) =>
        rows.push(
          row(
            {
              ingress: st.key,
              ruleIndex: r,
              pathIndex: i,
              host: rule.host ?? '',
              path: p.path ?? '',
              pathType: p.pathType,
              backend: backendText(p.backend.service, p.backend.resource),
            },
            rule.host,
          ),
        ),
      ),
    );
    if (spec.defaultBackend) {
      // It serves what no path claims on the Ingress's own hosts, or everything when it has no rules.
      const hosts = spec.rules?.length ? [...new Set(spec.rules.map((r) => r.host || CATCH_ALL))] : [CATCH_ALL];
      const locations = st.served
        ? hosts.flatMap(
            (h) => servers.get(h)?.locations.filter((l) => l.path === '/' && l.ruleIndex === undefined && l.ingress === st.key) ?? [],
          )
        : [];
      const r: RuleRow = {
        ingress: st.key,
        host: '',
        path: '',
        pathType: 'defaultBackend',
        backend: backendText(spec.defaultBackend.service, spec.defaultBackend.resource),
        served: st.served,
        locations,
      };
      if (st.served) r.server = hosts[0];
      if (st.reason) r.notServed = st.reason;
      const canary = canaries.get(rowKey(st.key));
      if (canary) r.canary = canary;
      rows.push(r);
    }
  }
  return rows;
}
