// extensions/v1beta1 and networking.k8s.io/v1beta1 Ingress were removed in Kubernetes v1.22.
// A learner pasting one (the seed article's is one) gets the networking.k8s.io/v1 text to use
// instead, converted the way the API server's conversion did (serviceName/servicePort ->
// service.name/port, backend -> defaultBackend, no pathType -> ImplementationSpecific, the
// kubernetes.io/ingress.class annotation -> spec.ingressClassName).

import { dump } from 'js-yaml';
import type { YNode } from '../yamlTree';

export const LEGACY_INGRESS_VERSIONS = ['extensions/v1beta1', 'networking.k8s.io/v1beta1'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonMap = { [key: string]: Json };

function plain(node: YNode): Json {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(plain);
  const out: JsonMap = {};
  for (const p of node.pairs) out[p.key] = plain(p.value);
  return out;
}

const isMap = (v: Json | undefined): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);
const maps = (v: Json | undefined): JsonMap[] => (Array.isArray(v) ? v.filter(isMap) : []);

function backend(b: Json | undefined): JsonMap | undefined {
  if (!isMap(b)) return undefined;
  if (isMap(b.resource)) return { resource: b.resource };
  const port = b.servicePort;
  // An intstr: "80" in quotes is still the port name "80" to the old API, a number is a number.
  const portField: JsonMap = typeof port === 'number' ? { number: port } : { name: port ?? null };
  return { service: { name: b.serviceName ?? null, port: portField } };
}

/** The v1 equivalent of a legacy Ingress document, as YAML text; undefined for anything but one. */
export function legacyIngressToV1(node: YNode): string | undefined {
  const old = plain(node);
  if (!isMap(old) || old.kind !== 'Ingress' || typeof old.apiVersion !== 'string' || !LEGACY_INGRESS_VERSIONS.includes(old.apiVersion))
    return undefined;
  const meta: JsonMap = isMap(old.metadata) ? { ...old.metadata } : {};
  const oldSpec: JsonMap = isMap(old.spec) ? old.spec : {};
  const spec: JsonMap = {};

  let className = oldSpec.ingressClassName;
  if (isMap(meta.annotations) && typeof meta.annotations['kubernetes.io/ingress.class'] === 'string') {
    const { ['kubernetes.io/ingress.class']: annotated, ...rest } = meta.annotations;
    className ??= annotated;
    if (Object.keys(rest).length) meta.annotations = rest;
    else delete meta.annotations;
  }
  if (className !== undefined && className !== null) spec.ingressClassName = className;
  const def = backend(oldSpec.backend ?? oldSpec.defaultBackend);
  if (def) spec.defaultBackend = def;
  if (Array.isArray(oldSpec.tls)) spec.tls = oldSpec.tls;
  const rules = maps(oldSpec.rules);
  if (rules.length) {
    spec.rules = rules.map((r) => {
      const rule: JsonMap = {};
      if (r.host !== undefined) rule.host = r.host;
      if (isMap(r.http)) {
        rule.http = {
          paths: maps(r.http.paths).map((p) => {
            const path: JsonMap = {};
            if (p.path !== undefined) path.path = p.path;
            path.pathType = p.pathType ?? 'ImplementationSpecific';
            path.backend = backend(p.backend) ?? null;
            return path;
          }),
        };
      }
      return rule;
    });
  }
  return dump({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta, spec }).trimEnd();
}
