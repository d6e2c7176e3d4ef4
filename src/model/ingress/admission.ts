// ingress-nginx's validating admission webhook (v1.15.1, controller.go CheckIngress): with
// strict-validate-path-type, Exact and Prefix paths may hold only letters, digits and `-._/`
// (inspector.ValidatePathType); and a host and path another Ingress already serves is refused
// (checkOverlap) — unless either of them writes the canary annotation (a canary makes no location
// of its own, so it claims nothing). The webhook sees Ingresses one by one, in the order they are
// applied.

import type { DiagnosticCode } from '../diagnostics';
import type { IngressAnnotations } from './annotations';
import { CATCH_ALL } from './controllerOptions';
import type { ControllerOptions, Reason } from './types';
import type { Ingress } from '../manifest/types';

/** host -> location path -> the Ingress whose location it is, and whether it writes the canary annotation. */
export type Claims = Map<string, Map<string, Claim>>;
interface Claim {
  key: string;
  canaryAnnotated: boolean;
}

export interface Rejection {
  code: DiagnosticCode;
  reason: Reason;
  /** Field path of the offending rule path. */
  at: string;
}

const VALID_PATH = /^\/[A-Za-z0-9._\-/]*$/;

/** The location paths the config will hold for a rule path (updateServerLocations' split included). */
function locationPaths(path: string, pathType: string, a: IngressAnnotations): string[] {
  const rewrites = a.rewriteTarget !== undefined && a.rewriteTarget !== path;
  if (pathType === 'Exact' || path === '/' || rewrites || a.useRegex || path.endsWith('/')) return [path];
  return [path, `${path}/`];
}

export function checkAdmission(
  key: string,
  ing: Ingress,
  a: IngressAnnotations,
  options: ControllerOptions,
  claims: Claims,
): Rejection | undefined {
  const rules = ing.spec.rules ?? [];
  if (options.strictValidatePathType) {
    for (const [r, rule] of rules.entries())
      for (const [i, p] of (rule.http?.paths ?? []).entries()) {
        if (!p.path || p.pathType === 'ImplementationSpecific' || VALID_PATH.test(p.path)) continue;
        return {
          code: 'ingress.admissionPath',
          at: `spec.rules.${r}.http.paths.${i}.path`,
          reason: { key: 'explain.ingress.rejected.path', params: { path: p.path, pathType: p.pathType } },
        };
      }
  }
  for (const [r, rule] of rules.entries())
    for (const [i, p] of (rule.http?.paths ?? []).entries()) {
      if (!p.backend.service) continue;
      const host = rule.host || CATCH_ALL;
      const claim = claims.get(host)?.get(p.path || '/');
      // checkOverlap refuses only when neither Ingress writes the canary annotation at all.
      if (claim && claim.key !== key && !claim.canaryAnnotated && !a.canaryAnnotated)
        return {
          code: 'ingress.admissionConflict',
          at: `spec.rules.${r}.http.paths.${i}.path`,
          reason: { key: 'explain.ingress.rejected.conflict', params: { host, path: p.path || '/', other: claim.key } },
        };
    }
  if (a.canary) return undefined;
  for (const rule of rules) {
    const host = rule.host || CATCH_ALL;
    const paths = claims.get(host) ?? new Map<string, Claim>();
    claims.set(host, paths);
    for (const p of rule.http?.paths ?? []) {
      if (!p.backend.service) continue;
      for (const path of locationPaths(p.path || '/', p.pathType, a))
        if (!paths.has(path)) paths.set(path, { key, canaryAnnotated: a.canaryAnnotated });
    }
  }
  return undefined;
}
