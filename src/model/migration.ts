// "Your Ingress, migrated": the paste's Ingresses converted as ingress2gateway does, a model of the
// cluster with the converted Gateway and HTTPRoutes in their place (the rest of the paste kept), and
// the same requests answered by ingress-nginx and by that Gateway, each pair flagged where a
// learner would see a difference (status, backend, the path sent upstream, the redirect target).

import { convertToGatewayApi, printYaml, type ConvertNote } from './convert';
import { ENVOY_GATEWAY_CONTROLLER, serviceEndpoints } from './envoygateway';
import { routeRequest, type RouteDecision } from './gateway';
import type { HttpHeader, HttpRequest } from './http/request';
import type { Explanation } from './explainKeys';
import type { RuleRow } from './ingress';
import type { Gateway, GatewayClass, PathType } from './manifest/types';
import { splitDocuments } from './manifest/yamlTree';
import { deriveModel, ingressDecision } from './model';
import type { Model } from './modelTypes';

/** Why a request is in the table: a rule's own path, one of the classic probes around it, or the learner's. */
export type MigrationProbe = 'rule' | 'slash' | 'noSlash' | 'sharedPrefix' | 'regexSample' | 'added';

export interface MigrationRequest extends HttpRequest {
  probe: MigrationProbe;
}

/** ingress-nginx's answer, in the terms the Gateway's is given. */
export interface NginxAnswer {
  status: number;
  /** `namespace/name` of the Ingress whose rule took it, and that rule. */
  ingress?: string;
  rule?: { host: string; path: string; pathType: PathType | 'defaultBackend' };
  /** `namespace/service:port` */
  backend?: string;
  location?: string;
  /** The path and query sent upstream (after rewrite-target). */
  upstreamPath?: string;
  reason: Explanation;
}

/** What a learner would notice: another status, another Service, another path upstream, another Location. */
export type MigrationDifference = 'status' | 'backend' | 'upstreamPath' | 'location';

export interface MigrationRow {
  request: MigrationRequest;
  nginx: NginxAnswer;
  gateway: RouteDecision;
  /** The path and query the Gateway sends upstream, when it proxies. */
  gatewayUpstreamPath?: string;
  /** Empty when both answer alike. */
  differs: MigrationDifference[];
}

export interface MigrationComparison {
  /** The Ingress documents of the paste, as written. */
  original: string;
  /** What ingress2gateway prints. */
  converted: string;
  notes: ConvertNote[];
  /** GatewayClasses PacketWalk adds so that Envoy Gateway runs the converted Gateways (ingress2gateway leaves the class to you). */
  addedClasses: string[];
  /** The paste with its Ingresses replaced by the converted objects: what "open the converted YAML" puts in the editor. */
  text: string;
  rows: MigrationRow[];
}

/** More rows than this is a wall, not a lesson: the rules' own requests come first. */
export const MIGRATION_ROWS = 60;

interface Migrated {
  result: ReturnType<typeof convertToGatewayApi>;
  original: string;
  text: string;
  addedClasses: string[];
  model: Model;
}

const MIGRATED = new WeakMap<Model, Migrated>();

/** The conversion and the converted cluster's model, once per model: each request the learner adds reuses them. */
function migrate(model: Model): Migrated {
  const cached = MIGRATED.get(model);
  if (cached) return cached;
  const result = convertToGatewayApi(model.manifests);
  const file = model.files[0]!;
  const docs = splitDocuments(file.text).map(([from, to]) => ({ from, to }));
  const ingressDocs = docs.filter((d) =>
    model.manifests.some(
      (m) =>
        (m.object.kind === 'Ingress' || m.object.kind === 'IngressClass') &&
        m.source.file === file.name &&
        m.source.pos.offset >= d.from &&
        m.source.pos.offset < d.to,
    ),
  );
  const kept = docs.filter((d) => !ingressDocs.includes(d));
  const written = new Set(model.manifests.flatMap((m) => (m.object.kind === 'GatewayClass' ? [m.object.metadata.name] : [])));
  const addedClasses = [
    ...new Set(result.objects.flatMap((o) => (o.kind === 'Gateway' ? [(o as Gateway).spec.gatewayClassName] : []))),
  ].filter((name) => !written.has(name));
  const classes: GatewayClass[] = addedClasses.map((name) => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GatewayClass',
    metadata: { name },
    spec: { controllerName: ENVOY_GATEWAY_CONTROLLER },
  }));
  const parts = [...kept.map((d) => file.text.slice(d.from, d.to).replace(/\n*$/, '\n')), printYaml(classes), result.yaml].filter(
    (p) => p.trim() !== '',
  );
  const text = parts.map((p) => p.replace(/^---[^\n]*\n/, '')).join('---\n');
  const original = ingressDocs
    .map((d) =>
      file.text
        .slice(d.from, d.to)
        .replace(/^---[^\n]*\n/, '')
        .replace(/\n*$/, '\n'),
    )
    .join('---\n');
  const migrated = { result, original, text, addedClasses, model: deriveModel([{ name: 'migrated.yaml', text }]) };
  MIGRATED.set(model, migrated);
  return migrated;
}

/** The literal start of a regex path (`/api` of `/api(/|$)(.*)`): where a sample request begins. */
function literalPrefix(path: string): string {
  return path.replace(/^\^/, '').split(/[()[\].*+?{}|$\\]/)[0]!;
}

/** A host a request can carry for a rule's host: a wildcard's first label filled in, none as `localhost`. */
function requestHost(host: string): string {
  if (!host) return 'localhost';
  return host.startsWith('*.') ? `app${host.slice(1)}` : host;
}

/** The requests a rule's path invites: itself, with and without its trailing slash, a name that only shares its prefix, a regex's sample. */
function probesOf(row: RuleRow): { path: string; probe: MigrationProbe }[] {
  const regex = row.locations.some((l) => l.modifier === '~*') && /[()[\].*+?{}|$\\^]/.test(row.path);
  if (regex) {
    const start = literalPrefix(row.path);
    const base = start.replace(/\/$/, '');
    return [
      { path: start || '/', probe: 'rule' },
      { path: `${base}/sample`, probe: 'regexSample' },
      ...(base ? [{ path: `${base}bar`, probe: 'sharedPrefix' as const }] : []),
    ];
  }
  const p = row.path || '/';
  if (p === '/') return [{ path: p, probe: 'rule' }];
  const trailing = p.endsWith('/');
  const other = trailing ? p.slice(0, -1) : `${p}/`;
  const probes: { path: string; probe: MigrationProbe }[] = [
    { path: p, probe: 'rule' },
    { path: other, probe: trailing ? 'noSlash' : 'slash' },
  ];
  if (row.pathType !== 'Exact') probes.push({ path: `${p.replace(/\/$/, '')}bar`, probe: 'sharedPrefix' });
  return probes;
}

/** Each served rule's host × its probes, over http, and over https too where the host has a certificate (the ssl-redirect case). */
export function migrationRequests(model: Pick<Model, 'ingress'>): MigrationRequest[] {
  const ingress = model.ingress;
  if (!ingress) return [];
  const out: MigrationRequest[] = [];
  const seen = new Set<string>();
  for (const row of ingress.rows) {
    if (!row.served || row.pathType === 'defaultBackend') continue;
    const host = requestHost(row.host);
    const tls = ingress.servers.find((s) => s.hostname === row.server)?.tls;
    for (const { path, probe } of probesOf(row)) {
      for (const scheme of tls ? (['http', 'https'] as const) : (['http'] as const)) {
        const key = `${scheme}://${host}${path}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ scheme, host, path, method: 'GET', probe });
      }
    }
  }
  return out;
}

function nginxAnswer(model: Model, request: HttpRequest): NginxAnswer {
  const r = ingressDecision(model, request)!;
  const answer: NginxAnswer = { status: r.httpStatus, reason: r.reason };
  if (r.ingress) answer.ingress = r.ingress;
  if (r.rule) answer.rule = r.rule;
  if (r.backend) answer.backend = `${r.backend.service}:${r.backend.port}`;
  if (r.location) answer.location = r.location;
  if (r.httpStatus === 200 && r.upstreamUri) answer.upstreamPath = r.upstreamUri;
  return answer;
}

/** The port a request arrives on: the Host's own, else the scheme's. */
export function requestPort(request: Pick<HttpRequest, 'host' | 'scheme'>): number {
  const m = /:(\d+)$/.exec(request.host);
  return m ? Number(m[1]) : request.scheme === 'https' ? 443 : 80;
}

/**
 * The converted Gateway that answers: the first whose routes take the request, else the first
 * asked. A backend without a ready endpoint gets Envoy's own 503 ("no healthy upstream"), as
 * ingress-nginx answers 503 for an empty upstream.
 */
function gatewayAnswer(migrated: Migrated, request: HttpRequest): RouteDecision {
  const api = migrated.model.gatewayApi;
  const keys = migrated.result.objects.filter((o) => o.kind === 'Gateway').map((g) => `${g.metadata.namespace}/${g.metadata.name}`);
  const decisions = api ? keys.map((key) => routeRequest(api, key, { ...request, port: requestPort(request) }, 0)) : [];
  const fallback: RouteDecision = { status: 404, gateway: '', reason: { key: 'explain.gateway.noGateway', params: { gateway: '—' } } };
  const d = decisions.find((x) => x.status !== 0 && x.status !== 404) ?? decisions[0] ?? fallback;
  if (d.status !== 200 || !d.backend || serviceEndpoints(migrated.model.state, d.backend.service, d.backend.port).length > 0) return d;
  return {
    ...d,
    status: 503,
    reason: { key: 'explain.gateway.noEndpoints', params: { service: d.backend.service, port: d.backend.port } },
  };
}

/** The backends the Gateway's rule spreads requests over (weight above 0): the Service ingress-nginx chose should be one of them. */
function ruleServices(migrated: Migrated, d: RouteDecision): string[] {
  if (d.route === undefined || d.rule === undefined) return [];
  return (migrated.model.gatewayApi?.backends[d.route]?.[d.rule] ?? []).filter((b) => b.weight > 0).map((b) => b.service);
}

function differences(
  migrated: Migrated,
  nginx: NginxAnswer,
  gateway: RouteDecision,
  gatewayPath: string | undefined,
): MigrationDifference[] {
  if (nginx.status !== gateway.status) return ['status'];
  const out: MigrationDifference[] = [];
  if (nginx.backend && gateway.backend) {
    const service = nginx.backend.slice(0, nginx.backend.lastIndexOf(':'));
    if (!ruleServices(migrated, gateway).includes(service)) out.push('backend');
  }
  if (nginx.upstreamPath !== undefined && gatewayPath !== undefined && nginx.upstreamPath !== gatewayPath) out.push('upstreamPath');
  if ((nginx.location ?? '') !== (gateway.location ?? '')) out.push('location');
  return out;
}

/** Undefined when the paste has no Ingress ingress-nginx serves. */
export function migrationComparison(model: Model, added: readonly HttpRequest[] = []): MigrationComparison | undefined {
  if (!model.ingress || model.files.length === 0) return undefined;
  const migrated = migrate(model);
  const requests = [
    ...migrationRequests(model).slice(0, Math.max(0, MIGRATION_ROWS - added.length)),
    ...added.map((r) => ({ ...r, probe: 'added' as const })),
  ];
  const rows = requests.map((request): MigrationRow => {
    const nginx = nginxAnswer(model, request);
    const gateway = gatewayAnswer(migrated, request);
    const gatewayUpstreamPath = gateway.status === 200 ? (gateway.rewritten?.path ?? request.path) : undefined;
    const row: MigrationRow = { request, nginx, gateway, differs: differences(migrated, nginx, gateway, gatewayUpstreamPath) };
    if (gatewayUpstreamPath !== undefined) row.gatewayUpstreamPath = gatewayUpstreamPath;
    return row;
  });
  const { result, original, text, addedClasses } = migrated;
  return { original, converted: result.yaml, notes: result.notes, addedClasses, text, rows };
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** `Name: value` lines, as `--header` takes each: a line whose name is not a header name is left out. */
export function parseHeaderLines(text: string): HttpHeader[] {
  return text.split('\n').flatMap((line) => {
    const at = line.indexOf(':');
    const name = line.slice(0, Math.max(0, at)).trim();
    return TOKEN.test(name) ? [{ name, value: line.slice(at + 1).trim() }] : [];
  });
}
