// Which nginx.ingress.kubernetes.io/* annotations the conversion reads. ingress2gateway v1.1.0
// (ingressnginx/annotations.go) knows more than PacketWalk converts; the rest of its list is named
// as such in a note, and one it does not know at all gets its "Unsupported annotation" note.

import { NGINX } from './context';

/** Read by the steps in this directory (a few only to warn that they have no equivalent). */
export const CONVERTED = new Set(
  [
    'canary',
    'canary-weight',
    'canary-weight-total',
    'canary-by-header',
    'canary-by-header-value',
    'canary-by-header-pattern',
    'canary-by-cookie',
    'rewrite-target',
    'x-forwarded-prefix',
    'permanent-redirect',
    'permanent-redirect-code',
    'temporal-redirect',
    'temporal-redirect-code',
    'proxy-redirect-from',
    'proxy-redirect-to',
    'backend-protocol',
    'use-regex',
    'ssl-redirect',
  ].map((a) => NGINX + a),
);

/** ingress2gateway converts these (into filters, policies or other route kinds); PacketWalk does not yet. */
export const NOT_BUILT = new Set(
  [
    'app-root',
    'from-to-www-redirect',
    'upstream-vhost',
    'connection-proxy-header',
    'custom-headers',
    'proxy-connect-timeout',
    'proxy-send-timeout',
    'proxy-read-timeout',
    'proxy-body-size',
    'client-body-buffer-size',
    'enable-cors',
    'cors-allow-origin',
    'cors-allow-headers',
    'cors-allow-methods',
    'cors-allow-credentials',
    'cors-expose-headers',
    'cors-max-age',
    'whitelist-source-range',
    'denylist-source-range',
    'proxy-ssl-verify',
    'proxy-ssl-secret',
    'proxy-ssl-name',
    'proxy-ssl-server-name',
    'proxy-ssl-verify-depth',
    'proxy-ssl-protocols',
    'affinity',
    'session-cookie-expires',
    'ssl-passthrough',
  ].map((a) => NGINX + a),
);
