// extensions/v1beta1 and networking.k8s.io/v1beta1 Ingress were removed in Kubernetes v1.22.
// A learner pasting one (the seed article's is one) gets the networking.k8s.io/v1 object to use
// instead (a fix that writes it in place of the old one when it is whole), converted the way the API server's conversion did (serviceName/servicePort ->
// service.name/port, backend -> defaultBackend, no pathType -> ImplementationSpecific, the
// kubernetes.io/ingress.class annotation -> spec.ingressClassName). The old object is decoded
// with its own fields first, so a wrong type is reported at its field like any other.

import { arr, ignored, obj, oneOf, str, strings, type FieldSpec, type Fields } from '../fieldSpec';
import { templateMeta } from './meta';

export const LEGACY_INGRESS_VERSIONS = ['extensions/v1beta1', 'networking.k8s.io/v1beta1'];

const legacyBackend: FieldSpec = obj({
  serviceName: str(),
  servicePort: { type: 'intOrString', min: 1, max: 65535 },
  resource: obj({ apiGroup: str(), kind: str(), name: str() }),
});

/** k8s.io/api/extensions/v1beta1 Ingress; metadata without a required name, as it is only shown back. */
export const legacyIngressFields: Fields = {
  apiVersion: str(),
  kind: str(),
  metadata: templateMeta,
  spec: obj({
    ingressClassName: str(),
    backend: legacyBackend,
    tls: arr(obj({ hosts: strings(), secretName: str() })),
    rules: arr(
      obj({
        host: str(),
        http: obj({
          paths: arr(obj({ path: str(), pathType: oneOf(['Exact', 'Prefix', 'ImplementationSpecific']), backend: legacyBackend })),
        }),
      }),
    ),
  }),
  status: ignored,
};

interface LegacyBackend {
  serviceName?: string;
  servicePort?: number | string;
  resource?: Record<string, string>;
}

/** What `legacyIngressFields` decodes to. */
export interface LegacyIngress {
  metadata?: { annotations?: Record<string, string> } & Record<string, unknown>;
  spec?: {
    ingressClassName?: string;
    backend?: LegacyBackend;
    tls?: unknown[];
    rules?: { host?: string; http?: { paths?: { path?: string; pathType?: string; backend?: LegacyBackend }[] } }[];
  };
}

const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

function backend(b: LegacyBackend): object {
  if (b.resource) return { resource: b.resource };
  // An intstr: "80" in quotes is still the port name "80" to the old API, a number is a number.
  const port = typeof b.servicePort === 'number' ? { number: b.servicePort } : { name: b.servicePort ?? null };
  return { service: { name: b.serviceName ?? null, port } };
}

/**
 * TLS entries, rules and paths converted: a message shows 200 lines, and an Ingress of thousands
 * (aliases make one from a few lines) must not cost seconds to write out in full.
 */
export const SHOWN_ITEMS = 25;

/** The v1 equivalent of a decoded legacy Ingress, with at most SHOWN_ITEMS TLS entries, rules and paths of its `total`. */
export function legacyIngressToV1(old: LegacyIngress): { object: object; shown: number; total: number } {
  const oldSpec = old.spec ?? {};
  const rules = oldSpec.rules ?? [];
  const total = (oldSpec.tls?.length ?? 0) + rules.reduce((n, r) => n + 1 + (r.http?.paths?.length ?? 0), 0);
  let shown = 0;
  /** The first items of `list` the budget still allows. */
  const first = <T>(list: T[]): T[] => {
    const kept = list.slice(0, Math.max(0, SHOWN_ITEMS - shown));
    shown += kept.length;
    return kept;
  };
  const meta = { ...old.metadata };
  const spec: Record<string, unknown> = {};

  let className = oldSpec.ingressClassName;
  const annotated = meta.annotations?.[CLASS_ANNOTATION];
  if (meta.annotations && annotated !== undefined) {
    const { [CLASS_ANNOTATION]: _, ...rest } = meta.annotations;
    className ??= annotated;
    if (Object.keys(rest).length) meta.annotations = rest;
    else delete meta.annotations;
  }
  if (className !== undefined) spec.ingressClassName = className;
  if (oldSpec.backend) spec.defaultBackend = backend(oldSpec.backend);
  if (oldSpec.tls) spec.tls = first(oldSpec.tls);
  if (rules.length) {
    const v1Rules: Record<string, unknown>[] = [];
    // Each rule, then its paths, while the budget lasts.
    for (const r of rules) {
      if (shown >= SHOWN_ITEMS) break;
      shown++;
      const rule: Record<string, unknown> = {};
      if (r.host !== undefined) rule.host = r.host;
      if (r.http) {
        rule.http = {
          paths: first(r.http.paths ?? []).map((p) => ({
            ...(p.path !== undefined && { path: p.path }),
            pathType: p.pathType ?? 'ImplementationSpecific',
            backend: p.backend ? backend(p.backend) : null,
          })),
        };
      }
      v1Rules.push(rule);
    }
    spec.rules = v1Rules;
  }
  return { object: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta, spec }, shown, total };
}
