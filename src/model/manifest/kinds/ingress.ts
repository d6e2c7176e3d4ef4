// networking.k8s.io/v1 Ingress and IngressClass: fields and the ValidateIngressCreate /
// ValidateIngressClass checks that a field spec cannot express (Kubernetes v1.33,
// pkg/apis/networking/validation). An Ingress the API server would reject is dropped.

import type { DiagnosticCode, DiagnosticParams } from '../../diagnostics';
import { arr, ignoring, obj, oneOf, port, required, str, strings, type FieldSpec } from '../fieldSpec';
import { isDns1123Subdomain, isIP } from '../formats';
import { dump } from 'js-yaml';
import { LEGACY_INGRESS_VERSIONS, legacyIngressFields, legacyIngressToV1 } from './ingressLegacy';
import type { FinishContext, KindDecoder } from './kindDecoder';
import { objectMeta } from './meta';
import type { Ingress, IngressBackend, IngressClass } from '../types';

const PATH_TYPES = ['Exact', 'Prefix', 'ImplementationSpecific'] as const;
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];
const WILDCARD_HOST = /^\*\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

const backend: FieldSpec = obj({
  service: obj({
    name: str({ format: 'dns1035Label' }),
    port: obj({ name: str({ format: 'portName' }), number: port() }),
  }),
  resource: obj({ apiGroup: str(), kind: required(str()), name: required(str()) }),
});

const ingressFields = {
  apiVersion: str(),
  kind: str(),
  metadata: objectMeta(),
  spec: obj({
    ingressClassName: str({ format: 'dns1123Subdomain' }),
    defaultBackend: backend,
    tls: arr(obj({ hosts: strings(), secretName: str({ format: 'dns1123Subdomain' }) })),
    rules: arr(
      obj({
        host: str(),
        http: obj({
          paths: arr(obj({ path: str(), pathType: oneOf(PATH_TYPES), backend: required(backend) })),
        }),
      }),
    ),
  }),
  status: obj({ loadBalancer: obj({ ingress: arr(obj({ ip: str(), hostname: str(), ...ignoring('ports') })) }) }),
};

/** validateIngressBackend: returns false when it reported an error. */
function checkBackend(b: IngressBackend, path: string, c: FinishContext): boolean {
  if (b.service && b.resource) return report(c, 'ingress.backendBoth', {}, path);
  if (b.resource) return true;
  if (!b.service) return report(c, 'ingress.backendRequired', {}, path);
  let ok = true;
  if (!b.service.name) ok = report(c, 'field.required', {}, `${path}.service.name`);
  const p = (b.service.port ??= {});
  if (p.name !== undefined && p.number !== undefined) ok = report(c, 'ingress.portBoth', {}, path);
  else if (p.name === undefined && p.number === undefined)
    ok = report(c, 'ingress.portRequired', {}, c.written(`${path}.service.port`) ? `${path}.service.port` : `${path}.service`);
  return ok;
}

function report(c: FinishContext, code: DiagnosticCode, params: Record<string, string | number>, path: string): false {
  c.report('error', code, params, path);
  return false;
}

function checkHost(host: string, path: string, c: FinishContext): boolean {
  let ok = true;
  if (isIP(host)) ok = report(c, 'ingress.hostIsIP', { value: host }, path);
  if (host.includes('*')) return WILDCARD_HOST.test(host) ? ok : report(c, 'ingress.wildcardHost', { value: host }, path);
  return isDns1123Subdomain(host) ? ok : report(c, 'field.dns1123Subdomain', { value: host }, path);
}

/** validateHTTPIngressPath, for a path whose pathType is set. */
function checkPath(value: string | undefined, pathType: string, path: string, c: FinishContext): boolean {
  const v = value ?? '';
  if (pathType === 'ImplementationSpecific')
    return v === '' || v.startsWith('/') ? true : report(c, 'ingress.pathNotAbsolute', { value: v, pathType }, path);
  let ok = v.startsWith('/') || report(c, 'ingress.pathNotAbsolute', { value: v, pathType }, path);
  for (const seq of INVALID_PATH_SEQUENCES) if (v.includes(seq)) ok = report(c, 'ingress.pathSequence', { value: v, sequence: seq }, path);
  for (const suffix of INVALID_PATH_SUFFIXES) if (v.endsWith(suffix)) ok = report(c, 'ingress.pathSuffix', { value: v, suffix }, path);
  return ok;
}

export const ingressDecoder: KindDecoder<Ingress> = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  namespaced: true,
  fields: ingressFields,
  legacy: {
    apiVersions: LEGACY_INGRESS_VERSIONS,
    fields: legacyIngressFields,
    migrate: (old): { code: DiagnosticCode; params: DiagnosticParams; replacement?: object[] } => {
      const v1 = legacyIngressToV1(old);
      // A part is shown to read, never offered to apply: it would drop the rest of the rules.
      return v1.shown < v1.total
        ? { code: 'ingress.legacyVersion.first', params: { v1: dump(v1.object).trimEnd(), shown: v1.shown, total: v1.total } }
        : { code: 'ingress.legacyVersion', params: {}, replacement: [v1.object] };
    },
  },
  finish(ing, c) {
    const spec = (ing.spec ??= {});
    let ok = true;
    if (!spec.rules?.length && !spec.defaultBackend) ok = report(c, 'ingress.rulesOrDefault', {}, c.written('spec') ? 'spec' : 'metadata');
    if (spec.defaultBackend) ok = checkBackend(spec.defaultBackend, 'spec.defaultBackend', c) && ok;
    spec.rules?.forEach((rule, i) => {
      if (rule.host !== undefined) ok = checkHost(rule.host, `spec.rules.${i}.host`, c) && ok;
      if (!rule.http) return;
      rule.http.paths ??= [];
      if (rule.http.paths.length === 0) ok = report(c, 'field.required', {}, `spec.rules.${i}.http.paths`);
      rule.http.paths.forEach((p, j) => {
        const at = `spec.rules.${i}.http.paths.${j}`;
        if (p.pathType === undefined) ok = report(c, 'ingress.pathTypeRequired', {}, at);
        else ok = checkPath(p.path, p.pathType, `${at}.path`, c) && ok;
        ok = checkBackend(p.backend, `${at}.backend`, c) && ok;
      });
    });
    spec.tls?.forEach((t, i) => t.hosts?.forEach((h, j) => (ok = checkHost(h, `spec.tls.${i}.hosts.${j}`, c) && ok)));
    const annotated = ing.metadata.annotations?.[CLASS_ANNOTATION];
    if (annotated !== undefined && spec.ingressClassName !== undefined && annotated !== spec.ingressClassName)
      ok = report(c, 'ingress.classAnnotationMismatch', { value: annotated, className: spec.ingressClassName }, 'spec.ingressClassName');
    return ok ? ing : undefined;
  },
};

const DOMAIN_PREFIXED_PATH = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/\S+$/;

export const ingressClassDecoder: KindDecoder<IngressClass> = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'IngressClass',
  namespaced: false,
  fields: {
    apiVersion: str(),
    kind: str(),
    metadata: objectMeta(),
    spec: obj({
      controller: str(),
      parameters: obj({
        apiGroup: str(),
        kind: required(str()),
        name: required(str()),
        namespace: str(),
        scope: oneOf(['Cluster', 'Namespace']),
      }),
    }),
  },
  finish(ic, c) {
    ic.spec ??= {};
    const controller = ic.spec.controller;
    // IsDomainPrefixedPath: `example.com/name`, the form `k8s.io/ingress-nginx` has.
    if (controller !== undefined && (controller.length > 250 || !DOMAIN_PREFIXED_PATH.test(controller))) {
      c.report('error', 'ingress.classController', { value: controller }, 'spec.controller');
      return undefined;
    }
    return ic;
  },
};
