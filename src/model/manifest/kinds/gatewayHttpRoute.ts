// gateway.networking.k8s.io/v1 HTTPRoute (Gateway API v1.4.0, standard channel): the CRD's
// defaults (a rule matching every path when none is written, PathPrefix "/" for a match without a
// path, Exact header and query matches, backendRefs to a Service with weight 1, parentRefs to a
// Gateway) and its CEL rules (config/crd/standard/gateway.networking.k8s.io_httproutes.yaml). A
// RegularExpression is not checked here: the API server accepts any, the implementation judges it.

import { arr, ignored, int, obj, oneOf, required, str, strings } from '../fieldSpec';
import { GATEWAY_GROUP } from '../gatewayTypes';
import type { HTTPRoute, HTTPRouteMatch, HTTPRouteRule, ParentReference } from '../types';
import {
  Checks,
  GROUP,
  HEADER_NAME,
  HOSTNAME,
  KIND,
  NAMESPACE,
  OBJECT_NAME,
  SECTION_NAME,
  backendObjectRefFields,
  checkBackendObjectRef,
  conditions,
  fillConditions,
  parentRefFields,
} from './gatewayChecks';
import { checkFilters, filterFields, replacesPrefix } from './gatewayFilters';
import type { KindDecoder } from './kindDecoder';
import { objectMeta } from './meta';

const MATCH_TYPES = ['Exact', 'RegularExpression'] as const;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'] as const;
const nameValueMatch = obj({ type: oneOf(MATCH_TYPES), name: str({ required: true }), value: str({ required: true }) });

const match = obj({
  path: obj({ type: oneOf(['Exact', 'PathPrefix', 'RegularExpression']), value: str() }),
  headers: arr(nameValueMatch),
  queryParams: arr(nameValueMatch),
  method: oneOf(METHODS),
});

const rule = obj({
  name: str(),
  matches: arr(match),
  filters: arr(filterFields),
  backendRefs: arr(obj({ ...backendObjectRefFields, weight: int(0, 1_000_000), filters: arr(filterFields) })),
  timeouts: ignored,
});

// The path CEL rules for Exact and PathPrefix, in the CRD's order.
const PATH_CHARS = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$/;
const FORBIDDEN_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F', '#'];
const FORBIDDEN_SUFFIXES = ['/..', '/.'];

function checkMatch(m: HTTPRouteMatch, at: string, k: Checks): void {
  const path = (m.path ??= {});
  path.type ??= 'PathPrefix';
  path.value = k.orDefault(path.value, `${at}.path.value`, '/');
  const p = `${at}.path`;
  if (path.value.length > 1024) k.error('gatewayApi.tooLong', { max: 1024 }, `${p}.value`);
  else if (path.type !== 'RegularExpression') {
    if (!path.value.startsWith('/')) k.rule('gatewayApi.pathAbsolute', p);
    for (const sequence of FORBIDDEN_SEQUENCES) if (path.value.includes(sequence)) k.rule('gatewayApi.pathContains', p, { sequence });
    for (const suffix of FORBIDDEN_SUFFIXES) if (path.value.endsWith(suffix)) k.rule('gatewayApi.pathEndsWith', p, { suffix });
    if (!PATH_CHARS.test(path.value)) k.rule('gatewayApi.pathChars', p);
  }
  for (const [list, maxValue] of [
    ['headers', 4096],
    ['queryParams', 1024],
  ] as const) {
    const items = m[list];
    if (!items) continue;
    k.maxItems(items, 16, `${at}.${list}`);
    items.forEach((h, i) => {
      h.type ??= 'Exact';
      k.string(h.name, HEADER_NAME, `${at}.${list}.${i}.name`);
      if (h.value.length > maxValue) k.error('gatewayApi.tooLong', { max: maxValue }, `${at}.${list}.${i}.value`);
    });
    // A list map keyed by name: names compare as written (the API server does not fold case).
    k.unique(
      items.map((h) => h.name),
      `${at}.${list}`,
      'name',
    );
  }
}

const FILTER_NAME = { requestRedirect: 'RequestRedirect', urlRewrite: 'URLRewrite' };

function checkRule(r: HTTPRouteRule, at: string, k: Checks): void {
  k.string(r.name, SECTION_NAME, `${at}.name`);
  const matches = (r.matches ??= [{}]);
  k.maxItems(matches, 64, `${at}.matches`);
  matches.forEach((m, i) => checkMatch(m, `${at}.matches.${i}`, k));
  if (r.filters) checkFilters(r.filters, `${at}.filters`, k);
  const backends = r.backendRefs ?? [];
  k.maxItems(backends, 16, `${at}.backendRefs`);
  backends.forEach((b, i) => {
    const p = `${at}.backendRefs.${i}`;
    checkBackendObjectRef(b, p, k);
    b.weight ??= 1;
    if (b.filters) checkFilters(b.filters, `${p}.filters`, k);
  });
  if (backends.length > 0 && r.filters?.some((f) => f.requestRedirect)) k.rule('gatewayApi.redirectWithBackends', at);
  const onePrefix = matches.length === 1 && matches[0].path?.type === 'PathPrefix';
  for (const kind of ['requestRedirect', 'urlRewrite'] as const) {
    if (replacesPrefix(r.filters, kind) && !onePrefix) k.rule('gatewayApi.replacePrefixMatch', at, { filter: FILTER_NAME[kind] });
    if (backends.filter((b) => replacesPrefix(b.filters, kind)).length === 1 && !onePrefix)
      k.rule('gatewayApi.backendReplacePrefixMatch', at, { filter: FILTER_NAME[kind] });
  }
}

/** The parentRefs CEL rules: two references to one parent must each name a different section. */
function checkParentRefs(refs: ParentReference[], k: Checks): void {
  k.maxItems(refs, 32, 'spec.parentRefs');
  const sections = new Map<string, { named: boolean; names: Set<string> }>();
  refs.forEach((ref, i) => {
    const p = `spec.parentRefs.${i}`;
    ref.group = k.orDefault(ref.group, `${p}.group`, GATEWAY_GROUP);
    ref.kind = k.orDefault(ref.kind, `${p}.kind`, 'Gateway');
    k.string(ref.group, GROUP, `${p}.group`);
    k.string(ref.kind, KIND, `${p}.kind`);
    k.string(ref.name, OBJECT_NAME, `${p}.name`);
    k.string(ref.namespace, NAMESPACE, `${p}.namespace`);
    k.string(ref.sectionName, SECTION_NAME, `${p}.sectionName`);
    const parent = `${ref.group}/${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
    const seen = sections.get(parent);
    const section = ref.sectionName ?? '';
    if (!seen) sections.set(parent, { named: section !== '', names: new Set([section]) });
    else if (seen.named !== (section !== '')) k.rule('gatewayApi.sectionNameRequired', 'spec.parentRefs');
    else if (seen.names.has(section)) k.rule('gatewayApi.sectionNameUnique', 'spec.parentRefs');
    else seen.names.add(section);
  });
}

export const httpRouteDecoder: KindDecoder<HTTPRoute> = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'HTTPRoute',
  namespaced: true,
  fields: {
    apiVersion: str(),
    kind: str(),
    metadata: objectMeta(),
    spec: obj({ parentRefs: arr(parentRefFields), hostnames: strings(), rules: arr(rule) }, { required: true }),
    status: obj({ parents: arr(obj({ parentRef: required(parentRefFields), controllerName: str(), conditions })) }),
  },
  finish(route, c) {
    const k = new Checks(c);
    const spec = route.spec;
    if (spec.parentRefs) checkParentRefs(spec.parentRefs, k);
    if (spec.hostnames) {
      k.maxItems(spec.hostnames, 16, 'spec.hostnames');
      spec.hostnames.forEach((h, i) => k.string(h, HOSTNAME, `spec.hostnames.${i}`));
    }
    const rules = (spec.rules ??= [{}]);
    k.maxItems(rules, 16, 'spec.rules');
    rules.forEach((r, i) => checkRule(r, `spec.rules.${i}`, k));
    const total = rules.reduce((n, r) => n + (r.matches?.length ?? 0), 0);
    if (total >= 128) k.rule('gatewayApi.totalMatches', 'spec.rules', { count: total });
    for (const parent of route.status?.parents ?? []) {
      parent.controllerName ??= '';
      parent.conditions = fillConditions(parent.conditions);
    }
    return k.ok ? route : undefined;
  },
};
