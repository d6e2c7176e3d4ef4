// HTTPRouteFilter (apis/v1/httproute_types.go): the fields of each filter type and the CEL rules on a
// filter list, written the same way on a rule and on a backendRef (Gateway API v1.4.0 standard).

import { arr, int, obj, oneOf, port, str, strings, type FieldSpec } from '../fieldSpec';
import type { HTTPHeaderFilter, HTTPPathModifier, HTTPRouteFilter } from '../types';
import type { Checks } from './gatewayChecks';
import {
  HEADER_NAME,
  PRECISE_HOSTNAME,
  backendObjectRefFields,
  checkBackendObjectRef,
  checkGroupKindName,
  groupKindNameFields,
} from './gatewayChecks';

const FILTER_TYPES = [
  'RequestHeaderModifier',
  'ResponseHeaderModifier',
  'RequestMirror',
  'RequestRedirect',
  'URLRewrite',
  'ExtensionRef',
] as const;

/** Each filter type and the field that must be set with it, and only with it. */
const FIELD_OF: Record<(typeof FILTER_TYPES)[number], keyof HTTPRouteFilter> = {
  RequestHeaderModifier: 'requestHeaderModifier',
  ResponseHeaderModifier: 'responseHeaderModifier',
  RequestMirror: 'requestMirror',
  RequestRedirect: 'requestRedirect',
  URLRewrite: 'urlRewrite',
  ExtensionRef: 'extensionRef',
};

/** The types that may appear once in a list ("… filter cannot be repeated"). */
const ONCE = ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect', 'URLRewrite'];

const header = obj({ name: str({ required: true }), value: str({ required: true }) });
const headerFilter = obj({ set: arr(header), add: arr(header), remove: strings() });
const pathModifier = obj({
  type: oneOf(['ReplaceFullPath', 'ReplacePrefixMatch'], { required: true }),
  replaceFullPath: str(),
  replacePrefixMatch: str(),
});

export const filterFields: FieldSpec = obj({
  type: oneOf(FILTER_TYPES, { required: true }),
  requestHeaderModifier: headerFilter,
  responseHeaderModifier: headerFilter,
  requestMirror: obj({
    backendRef: obj(backendObjectRefFields, { required: true }),
    percent: int(0, 100),
    fraction: obj({ numerator: int(0, undefined, { required: true }), denominator: int(1) }),
  }),
  requestRedirect: obj({ scheme: oneOf(['http', 'https']), hostname: str(), path: pathModifier, port: port(), statusCode: int() }),
  urlRewrite: obj({ hostname: str(), path: pathModifier }),
  extensionRef: obj(groupKindNameFields),
});

/** Standard channel: 303, 307 and 308 are experimental. */
const STATUS_CODES = [301, 302];

function checkHeaderFilter(f: HTTPHeaderFilter, at: string, k: Checks): void {
  for (const list of ['set', 'add'] as const) {
    const headers = f[list];
    if (!headers) continue;
    k.maxItems(headers, 16, `${at}.${list}`);
    headers.forEach((h, i) => {
      k.string(h.name, HEADER_NAME, `${at}.${list}.${i}.name`);
      if (h.value.length > 4096) k.error('gatewayApi.tooLong', { max: 4096 }, `${at}.${list}.${i}.value`);
    });
    k.unique(
      headers.map((h) => h.name),
      `${at}.${list}`,
      'name',
    );
  }
  if (f.remove) {
    k.maxItems(f.remove, 16, `${at}.remove`);
    k.unique(f.remove, `${at}.remove`);
  }
}

function checkPathModifier(p: HTTPPathModifier, at: string, k: Checks): void {
  for (const [type, field] of [
    ['ReplaceFullPath', 'replaceFullPath'],
    ['ReplacePrefixMatch', 'replacePrefixMatch'],
  ] as const) {
    // `replacePrefixMatch: ""` is set (it strips the prefix), though an empty string decodes as unset.
    const set = p[field] !== undefined || k.c.written(`${at}.${field}`);
    if (set) p[field] ??= '';
    if (p.type === type && !set) k.rule('gatewayApi.pathModifierField', at, { field, type });
    if (set && p.type !== type) k.rule('gatewayApi.pathModifierType', at, { field, type });
    if ((p[field]?.length ?? 0) > 1024) k.error('gatewayApi.tooLong', { max: 1024 }, `${at}.${field}`);
  }
}

/** One filter: defaults, its field's contents, and "filter.X must be nil/specified" for its type. */
function checkFilter(f: HTTPRouteFilter, at: string, k: Checks): void {
  for (const [type, field] of Object.entries(FIELD_OF)) {
    const set = f[field] !== undefined;
    if (set && f.type !== type) k.rule('gatewayApi.filterFieldForbidden', at, { field, type });
    if (!set && f.type === type) k.rule('gatewayApi.filterFieldRequired', at, { field, type });
  }
  if (f.requestHeaderModifier) checkHeaderFilter(f.requestHeaderModifier, `${at}.requestHeaderModifier`, k);
  if (f.responseHeaderModifier) checkHeaderFilter(f.responseHeaderModifier, `${at}.responseHeaderModifier`, k);
  const redirect = f.requestRedirect;
  if (redirect) {
    redirect.statusCode ??= 302;
    if (!STATUS_CODES.includes(redirect.statusCode))
      k.error('field.enum', { value: redirect.statusCode, allowed: STATUS_CODES.join(', ') }, `${at}.requestRedirect.statusCode`);
    k.string(redirect.hostname, PRECISE_HOSTNAME, `${at}.requestRedirect.hostname`);
    if (redirect.path) checkPathModifier(redirect.path, `${at}.requestRedirect.path`, k);
  }
  const rewrite = f.urlRewrite;
  if (rewrite) {
    k.string(rewrite.hostname, PRECISE_HOSTNAME, `${at}.urlRewrite.hostname`);
    if (rewrite.path) checkPathModifier(rewrite.path, `${at}.urlRewrite.path`, k);
  }
  const mirror = f.requestMirror;
  if (mirror) {
    checkBackendObjectRef(mirror.backendRef, `${at}.requestMirror.backendRef`, k);
    if (mirror.percent !== undefined && mirror.fraction) k.rule('gatewayApi.mirrorPercentFraction', `${at}.requestMirror`);
    if (mirror.fraction) {
      mirror.fraction.denominator ??= 100;
      if (mirror.fraction.numerator > mirror.fraction.denominator) k.rule('gatewayApi.fractionNumerator', `${at}.requestMirror.fraction`);
    }
  }
  if (f.extensionRef) checkGroupKindName(f.extensionRef, `${at}.extensionRef`, k);
}

/** A filter list (a rule's or a backendRef's) and its list-wide rules. */
export function checkFilters(filters: HTTPRouteFilter[], at: string, k: Checks): void {
  k.maxItems(filters, 16, at);
  filters.forEach((f, i) => checkFilter(f, `${at}.${i}`, k));
  const types = filters.map((f) => f.type);
  if (types.includes('RequestRedirect') && types.includes('URLRewrite')) k.rule('gatewayApi.redirectAndRewrite', at);
  for (const type of ONCE) if (types.filter((t) => t === type).length > 1) k.rule('gatewayApi.filterRepeated', at, { type });
}

/** Whether a filter list has a redirect or rewrite by replacePrefixMatch (which needs one PathPrefix match). */
export function replacesPrefix(filters: HTTPRouteFilter[] | undefined, kind: 'requestRedirect' | 'urlRewrite'): boolean {
  // exists_one: a second such filter is already an error of its own ("cannot be repeated").
  return (
    filters?.filter((f) => {
      const path = f[kind]?.path;
      return path?.type === 'ReplacePrefixMatch' && path.replacePrefixMatch !== undefined;
    }).length === 1
  );
}
