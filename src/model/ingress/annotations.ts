// The nginx.ingress.kubernetes.io/* annotations that change where a request goes (ingress-nginx
// v1.15.1, internal/ingress/annotations: rewrite, backendprotocol, serviceupstream, canary). A value
// the parser cannot read falls back to the default, as it does there.

import type { BackendProtocol, CanaryPolicy, ControllerOptions } from './types';
import type { Ingress } from '../manifest/types';

const PREFIX = 'nginx.ingress.kubernetes.io/';
const PROTOCOLS: readonly BackendProtocol[] = ['HTTP', 'HTTPS', 'AUTO_HTTP', 'GRPC', 'GRPCS', 'FCGI'];

export interface IngressAnnotations {
  rewriteTarget?: string;
  useRegex: boolean;
  sslRedirect: boolean;
  forceSslRedirect: boolean;
  preserveTrailingSlash: boolean;
  backendProtocol: BackendProtocol;
  serviceUpstream: boolean;
  /** canary: "true" — the Ingress is an alternative backend for its main Ingress's host and path. */
  canary?: CanaryPolicy;
  /** The canary annotation is written at all, true or not (the webhook's overlap check asks). */
  canaryAnnotated: boolean;
}

/** Go's strconv.Atoi, which parser.GetIntAnnotation uses. */
function parseInt10(v: string | undefined): number | undefined {
  return v !== undefined && /^[+-]?\d{1,18}$/.test(v) ? Number(v) : undefined;
}

// parser/validators.go: canary-by-header, -value and -by-cookie take BasicCharsRegex (spaces
// ignored), canary-by-header-pattern IsValidRegex; anything else falls back to "".
const BASIC_CHARS = /^[/\-._~a-zA-Z0-9:]*$/;
const REGEX_CHARS = /^[/\-._~a-zA-Z0-9:^$[\](){}*+?|&=\\]*$/;
const checked = (v: string | undefined, re: RegExp, dropSpaces: boolean): string =>
  v !== undefined && re.test(dropSpaces ? v.replaceAll(' ', '') : v) ? v : '';

function canaryPolicy(get: (name: string) => string | undefined): CanaryPolicy | undefined {
  if (parseBool(get('canary')) !== true) return undefined;
  return {
    weight: parseInt10(get('canary-weight')) ?? 0,
    weightTotal: parseInt10(get('canary-weight-total')) ?? 100,
    header: checked(get('canary-by-header'), BASIC_CHARS, true),
    headerValue: checked(get('canary-by-header-value'), BASIC_CHARS, true),
    headerPattern: checked(get('canary-by-header-pattern'), REGEX_CHARS, false),
    cookie: checked(get('canary-by-cookie'), BASIC_CHARS, true),
  };
}

/** Go's strconv.ParseBool, which parser.GetBoolAnnotation uses. */
export function parseBool(v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

export function ingressAnnotations(ing: Ingress, options: ControllerOptions): IngressAnnotations {
  const a = ing.metadata.annotations ?? {};
  const get = (name: string): string | undefined => a[PREFIX + name];
  const protocol = get('backend-protocol')?.toUpperCase() as BackendProtocol | undefined;
  const target = get('rewrite-target');
  const canary = canaryPolicy(get);
  return {
    rewriteTarget: target === '' ? undefined : target,
    useRegex: parseBool(get('use-regex')) ?? false,
    sslRedirect: parseBool(get('ssl-redirect')) ?? options.sslRedirect,
    forceSslRedirect: parseBool(get('force-ssl-redirect')) ?? false,
    preserveTrailingSlash: parseBool(get('preserve-trailing-slash')) ?? false,
    backendProtocol: protocol && PROTOCOLS.includes(protocol) ? protocol : 'HTTP',
    serviceUpstream: parseBool(get('service-upstream')) ?? false,
    ...(canary ? { canary } : {}),
    canaryAnnotated: get('canary') !== undefined,
  };
}

/**
 * canary/main.go: a canary-* annotation without canary "true" is "configured but not enabled"; the
 * parser's error drops them all, silently, and the Ingress is a main one. The first one written, if so.
 */
export function canaryNotEnabled(ing: Ingress, a: IngressAnnotations): string | undefined {
  if (a.canary) return undefined;
  const get = (name: string) => ing.metadata.annotations?.[PREFIX + name];
  const weight = parseInt10(get('canary-weight'));
  if (weight !== undefined && weight > 0) return PREFIX + 'canary-weight';
  const named = ['canary-by-header', 'canary-by-header-value', 'canary-by-header-pattern', 'canary-by-cookie'].find((n) => get(n));
  return named && PREFIX + named;
}

/** Annotation values ingress-nginx cannot parse: reported, then the default applies. */
export function badBooleanAnnotations(ing: Ingress): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const name of ['use-regex', 'ssl-redirect', 'force-ssl-redirect', 'preserve-trailing-slash', 'service-upstream', 'canary']) {
    const v = ing.metadata.annotations?.[PREFIX + name];
    if (v !== undefined && parseBool(v) === undefined) out.push({ name: PREFIX + name, value: v });
  }
  return out;
}
