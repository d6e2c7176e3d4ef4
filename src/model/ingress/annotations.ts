// The nginx.ingress.kubernetes.io/* annotations that change where a request goes (ingress-nginx
// v1.15.1, internal/ingress/annotations: rewrite, backendprotocol, serviceupstream). A value the
// parser cannot read falls back to the default, as it does there.

import type { BackendProtocol, ControllerOptions } from './types';
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
  return {
    rewriteTarget: target === '' ? undefined : target,
    useRegex: parseBool(get('use-regex')) ?? false,
    sslRedirect: parseBool(get('ssl-redirect')) ?? options.sslRedirect,
    forceSslRedirect: parseBool(get('force-ssl-redirect')) ?? false,
    preserveTrailingSlash: parseBool(get('preserve-trailing-slash')) ?? false,
    backendProtocol: protocol && PROTOCOLS.includes(protocol) ? protocol : 'HTTP',
    serviceUpstream: parseBool(get('service-upstream')) ?? false,
  };
}

/** Annotation values ingress-nginx cannot parse: reported, then the default applies. */
export function badBooleanAnnotations(ing: Ingress): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const name of ['use-regex', 'ssl-redirect', 'force-ssl-redirect', 'preserve-trailing-slash', 'service-upstream']) {
    const v = ing.metadata.annotations?.[PREFIX + name];
    if (v !== undefined && parseBool(v) === undefined) out.push({ name: PREFIX + name, value: v });
  }
  return out;
}
