// How ingress-nginx v1.15.1 joins canary Ingresses to their main ones (controller.go
// getBackendServers, mergeAlternativeBackends): a canary makes no location; each of its rule paths
// looks, on the server of its host, for a location with the same path and pathType served by a main
// upstream, and becomes one of that upstream's AlternativeBackends. A canary path that finds none
// is dropped with a log line only ("unable to find real backend for alternative backend … Deleting.").

import type { IngressAnnotations } from './annotations';
import { CATCH_ALL, DEFAULT_UPSTREAM } from './controllerOptions';
import { nginxPathType, rowKey } from './ruleKeys';
import { upstreamName } from './upstreams';
import type { NginxServer, RuleRow, Upstream } from './types';
import type { Ingress, IngressServiceBackend, PathType } from '../manifest/types';
import { namespaceOf } from '../k8s';

export type CanaryRow = NonNullable<RuleRow['canary']>;

/** Why a canary path joined nothing (explain.ingress.canary.*, and the warning ingress.canary.*). */
export type CanaryDrop = 'alone' | 'noHost' | 'noMain' | 'removed' | 'sameService';

interface Candidate {
  key: string;
  ingress: Ingress;
  annotations: IngressAnnotations;
}

/** canMergeBackend: another upstream, not the default backend, and a main one (it has a server). */
const canMerge = (primary: Upstream, alternative: Upstream): boolean =>
  primary.name !== alternative.name && primary.name !== DEFAULT_UPSTREAM && !primary.noServer;

/** Merges every canary (controller order) and says, per canary rule path, what became of it. */
export function mergeCanaries(
  served: Candidate[],
  servers: Map<string, NginxServer>,
  upstreams: Map<string, Upstream>,
): Map<string, CanaryRow> {
  const rows = new Map<string, CanaryRow & { upstream: string; params: Record<string, string> }>();
  const canaries = served.filter((ing) => ing.annotations.canary);
  // nonCanaryIngressExists: with canaries alone nothing is merged (and nothing deleted).
  const alone = canaries.length === served.length;
  for (const ing of canaries) {
    const namespace = namespaceOf(ing.ingress);
    /** One canary path (`rule` undefined for spec.defaultBackend, which tries every location of the catch-all server). */
    const merge = (k: string, svc: IngressServiceBackend, host: string, rule?: { path: string; pathType: PathType }) => {
      const name = upstreamName(namespace, svc);
      const params = { host, path: rule?.path ?? '', pathType: rule?.pathType ?? 'defaultBackend', upstream: name };
      const drop = (why: CanaryDrop) =>
        rows.set(k, { primaries: [], ignored: { key: `explain.ingress.canary.${why}`, params }, upstream: name, params });
      if (alone) return drop('alone');
      const alternative = upstreams.get(name);
      if (!alternative) return drop('removed');
      const server = servers.get(host);
      if (!server) return drop('noHost');
      const primaries: string[] = [];
      for (const loc of server.locations) {
        const primary = upstreams.get(loc.upstream);
        if (!primary) continue;
        if (primary.name === alternative.name) {
          // The canary's Service already serves a main location there: the search stops, nothing is deleted.
          if (primaries.length) return rows.set(k, { primaries, upstream: name, params });
          return drop('sameService');
        }
        // The location keeps the Ingress path ("/" for none) while the canary's is compared as written.
        if (!canMerge(primary, alternative) || (rule && (loc.path !== rule.path || loc.pathType !== nginxPathType(rule.pathType))))
          continue;
        const list = (primary.alternatives ??= []);
        if (!list.includes(name)) list.push(name);
        if (!primaries.includes(primary.name)) primaries.push(primary.name);
      }
      if (primaries.length) return rows.set(k, { primaries, upstream: name, params });
      upstreams.delete(name);
      return drop('noMain');
    };
    const spec = ing.ingress.spec;
    if (spec.defaultBackend?.service) merge(rowKey(ing.key), spec.defaultBackend.service, CATCH_ALL);
    spec.rules?.forEach((rule, r) =>
      rule.http?.paths.forEach((p, i) => {
        if (p.backend.service)
          merge(rowKey(ing.key, r, i), p.backend.service, rule.host || CATCH_ALL, { path: p.path ?? '', pathType: p.pathType });
      }),
    );
  }
  // A later canary path naming the same Service, left without a main, deletes the upstream an
  // earlier one had joined: the balancer then finds no alternative and keeps to the main upstream.
  for (const [k, row] of rows)
    if (!row.ignored && !upstreams.has(row.upstream))
      rows.set(k, { ...row, ignored: { key: 'explain.ingress.canary.removed', params: row.params } });
  return new Map([...rows].map(([k, { primaries, ignored }]) => [k, ignored ? { primaries, ignored } : { primaries }]));
}
