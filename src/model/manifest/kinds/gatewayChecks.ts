// What the Gateway API CRDs (v1.4.0, standard channel, config/crd/standard/*.yaml) check beyond a
// field's type: OpenAPI patterns, lengths and list sizes, and their CEL rules. A field spec says
// types and enums; these run in `finish`, where a failure drops the object as the API server
// refuses it. Each check reports at its field, in the API server's own wording.

import type { DiagnosticCode, DiagnosticParams } from '../../diagnostics';
import { arr, int, obj, oneOf, port, str, type FieldSpec } from '../fieldSpec';
import type { GatewayCondition } from '../types';
import type { FinishContext } from './kindDecoder';

// apis/v1/shared_types.go and object_reference_types.go kubebuilder markers.
const SUBDOMAIN = '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';

/** A pattern with the length limits its type has. */
export interface Pattern {
  re?: RegExp;
  /** The pattern as the CRD writes it, for the message. */
  source?: string;
  minLength?: number;
  maxLength: number;
}

const pattern = (source: string, maxLength: number): Pattern => ({ re: new RegExp(source), source, minLength: 1, maxLength });

/** SectionName, listener and rule names: a DNS subdomain. */
export const SECTION_NAME = pattern(`^${SUBDOMAIN}$`, 253);
/** Hostname: a DNS subdomain, `*.` allowed only as its first label. */
export const HOSTNAME = pattern(`^(\\*\\.)?${SUBDOMAIN}$`, 253);
/** PreciseHostname (redirect and rewrite): no wildcard. */
export const PRECISE_HOSTNAME = SECTION_NAME;
export const GROUP: Pattern = { ...pattern(`^$|^${SUBDOMAIN}$`, 253), minLength: 0 };
export const KIND = pattern('^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$', 63);
export const NAMESPACE = pattern('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', 63);
export const OBJECT_NAME: Pattern = { minLength: 1, maxLength: 253 };
/** HTTPHeaderName: an RFC 7230 token. */
export const HEADER_NAME = pattern("^[A-Za-z0-9!#$%&'*+\\-.^_\\x60|~]+$", 256);
/** GatewayController: a domain-prefixed path. */
export const CONTROLLER = pattern(`^${SUBDOMAIN}\\/[A-Za-z0-9\\/\\-._~%!$&'()*+,;=:]+$`, 253);
export const PROTOCOL = pattern(`^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$|${SUBDOMAIN}\\/[A-Za-z0-9]+$`, 255);
export const ADDRESS_TYPE = pattern(`^Hostname|IPAddress|NamedAddress|${SUBDOMAIN}\\/[A-Za-z0-9\\/\\-._~%!$&'()*+,;=:]+$`, 253);

/** Collects a decoder's reports and whether any was an error (the object is then refused). */
export class Checks {
  ok = true;
  constructor(readonly c: FinishContext) {}

  error(code: DiagnosticCode, params: DiagnosticParams, path: string): void {
    this.c.report('error', code, params, path);
    this.ok = false;
  }

  /** A CEL rule's message, reported on the object it is written on. */
  rule(code: DiagnosticCode, path: string, params: DiagnosticParams = {}): void {
    this.error(code, params, path);
  }

  string(value: string | undefined, p: Pattern, path: string): void {
    if (value === undefined) return;
    if (value.length > p.maxLength) this.error('gatewayApi.tooLong', { max: p.maxLength }, path);
    else if (value.length < (p.minLength ?? 0)) this.error('gatewayApi.tooShort', { min: p.minLength ?? 0 }, path);
    else if (p.re && !p.re.test(value)) this.error('gatewayApi.pattern', { value, pattern: p.source ?? '' }, path);
  }

  /** A required string the API accepts as "" (a group): present, even if empty. */
  requiredEmptyOk(value: string | undefined, p: Pattern, path: string): string | undefined {
    if (value === undefined && !this.c.written(path)) {
      this.error('field.required', {}, path);
      return undefined;
    }
    this.string(value, p, path);
    return value ?? '';
  }

  /** The CRD's default for a field left out; a field written as "" (decoded as unset) stays "" for its pattern to judge. */
  orDefault(value: string | undefined, path: string, fallback: string): string {
    return value ?? (this.c.written(path) ? '' : fallback);
  }

  maxItems(list: readonly unknown[] | undefined, max: number, path: string): void {
    if (list && list.length > max) this.error('gatewayApi.tooMany', { count: list.length, max }, path);
  }

  /** x-kubernetes-list-type map/set: each key once. */
  unique(keys: readonly string[], path: string, key?: string): void {
    const seen = new Set<string>();
    keys.forEach((k, i) => {
      if (seen.has(k)) this.error('field.duplicate', { value: k }, key ? `${path}.${i}.${key}` : `${path}.${i}`);
      seen.add(k);
    });
  }
}

/** ParentReference (apis/v1/shared_types.go): group and kind default to a Gateway. */
export const parentRefFields: FieldSpec = obj({
  group: str(),
  kind: str(),
  namespace: str(),
  name: str({ required: true }),
  sectionName: str(),
  port: port(),
});

/** BackendObjectReference's fields (apis/v1/object_reference_types.go). */
export const backendObjectRefFields = {
  group: str(),
  kind: str(),
  name: str({ required: true }),
  namespace: str(),
  port: port(),
};

export interface BackendObjectRef {
  group?: string;
  kind?: string;
  name: string;
  namespace?: string;
  port?: number;
}

/** Defaults group "" and kind Service, then the patterns and "Must have port for Service reference". */
export function checkBackendObjectRef(ref: BackendObjectRef, path: string, k: Checks): void {
  ref.group ??= '';
  ref.kind = k.orDefault(ref.kind, `${path}.kind`, 'Service');
  k.string(ref.group, GROUP, `${path}.group`);
  k.string(ref.kind, KIND, `${path}.kind`);
  k.string(ref.name, OBJECT_NAME, `${path}.name`);
  k.string(ref.namespace, NAMESPACE, `${path}.namespace`);
  if (ref.group === '' && ref.kind === 'Service' && ref.port === undefined) k.rule('gatewayApi.servicePort', path);
}

/** LocalObjectReference-like refs with a required group that may be "" (parametersRef, extensionRef). */
export const groupKindNameFields = { group: str(), kind: str({ required: true }), name: str({ required: true }) };

export function checkGroupKindName(ref: { group?: string; kind: string; name: string }, path: string, k: Checks): void {
  ref.group = k.requiredEmptyOk(ref.group, GROUP, `${path}.group`);
  k.string(ref.kind, KIND, `${path}.kind`);
  k.string(ref.name, OBJECT_NAME, `${path}.name`);
}

/**
 * metav1.Condition, as a cluster's dump writes it in status (kept: the dump is what the cluster said).
 * Status is lenient: `kubectl apply` ignores it (a status subresource), so nothing in it refuses an object.
 */
export const conditions: FieldSpec = arr(
  obj({
    type: str({ required: true }),
    status: oneOf(['True', 'False', 'Unknown'], { required: true }),
    reason: str(),
    message: str(),
    observedGeneration: int(0),
    lastTransitionTime: str(),
  }),
);

/** The condition fields a dump may leave empty ("" reads as unset), written back as the API has them. */
export function fillConditions(list: GatewayCondition[] | undefined): GatewayCondition[] {
  for (const c of list ?? []) {
    c.reason ??= '';
    c.message ??= '';
  }
  return list ?? [];
}
