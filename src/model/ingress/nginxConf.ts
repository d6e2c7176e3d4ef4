// The routing part of the controller's /etc/nginx/nginx.conf, rendered the way ingress-nginx
// v1.15.1's rootfs/etc/nginx/template/nginx.tmpl renders it (server_name, listen, location
// modifiers and quoting, the per-location `set` lines, rewrite and proxy_pass from template.go).
// Directives that do not decide where a request goes (timeouts, headers, logging) are left out.
// Upstreams are not in nginx.conf: the Lua balancer holds them, so they are listed as comments.

import { CATCH_ALL, DEFAULT_UPSTREAM, INGRESS_NGINX_VERSION, NO_TLS_REDIRECT_LOCATIONS } from './controllerOptions';
import { sanitizeQuoted } from './servers';
import type { IngressModel, NginxLocation, NginxServer, Upstream } from './types';
import type { Ingress } from '../manifest/types';

const BACKLOG = 4096; // net.core.somaxconn on current kernels
const I = '    ';

const q = (s: string): string => JSON.stringify(s); // Go's %q for the ASCII these names are made of

function upstreamComment(up: Upstream): string[] {
  const what = up.service
    ? ` (Service ${up.service} port ${up.port}${up.serviceUpstream ? ', service-upstream: its ClusterIP' : ''})`
    : " (the controller's own 404 server)";
  const lines = [`${I}# ${up.name}${what}${up.canary ? `, canary Ingress ${up.canary.ingress}` : ''}:`];
  // As the controller posts them to the balancer (/configuration/backends): a main upstream's
  // canaries, and a canary's traffic shaping policy.
  if (up.alternatives?.length) lines.push(`${I}#     alternativeBackends: ${up.alternatives.join(', ')}`);
  if (up.canary) lines.push(`${I}#     trafficShapingPolicy: ${JSON.stringify(up.canary.policy)}`);
  if (up.endpoints.length === 0) lines.push(`${I}#     (no endpoints: requests get 503)`);
  for (const e of up.endpoints) lines.push(`${I}#     server ${e.address}:${e.port};`);
  return lines;
}

function listens(hostname: string): string[] {
  const opts = hostname === CATCH_ALL ? ` default_server reuseport backlog=${BACKLOG}` : '';
  return [`listen 80${opts} ;`, `listen [::]:80${opts} ;`, `listen 443${opts} ssl;`, `listen [::]:443${opts} ssl;`];
}

/** template.go getIngressInformation: which Service the location names in $service_name/$service_port. */
function serviceInfo(loc: NginxLocation, ing: Ingress | undefined, hostname: string): { name: string; port: string } {
  let name = '';
  let port = '';
  const def = ing?.spec.defaultBackend?.service;
  if (def) {
    name = def.name;
    port = String(def.port.number ?? def.port.name ?? '');
  }
  for (const rule of ing?.spec.rules ?? []) {
    if ((rule.host || CATCH_ALL) !== hostname) continue;
    const p = rule.http?.paths.find((x) => (x.path || '/') === loc.ingressPath && x.backend.service);
    if (p?.backend.service)
      return { name: p.backend.service.name, port: String(p.backend.service.port.number ?? p.backend.service.port.name ?? '') };
  }
  return { name, port };
}

function proxyPass(loc: NginxLocation): string[] {
  const [directive, scheme] =
    loc.upstream === DEFAULT_UPSTREAM
      ? ['proxy_pass', 'http://']
      : (
          {
            HTTP: ['proxy_pass', 'http://'],
            HTTPS: ['proxy_pass', 'https://'],
            AUTO_HTTP: ['proxy_pass', '$scheme://'],
            GRPC: ['grpc_pass', 'grpc://'],
            GRPCS: ['grpc_pass', 'grpcs://'],
            FCGI: ['fastcgi_pass', ''],
          } as const
        )[loc.backendProtocol];
  const pass = `${directive} ${scheme}upstream_balancer;`;
  if (loc.rewriteTarget === undefined || loc.rewriteTarget === loc.path) return [pass];
  return [`rewrite "(?i)${sanitizeQuoted(loc.path)}" ${loc.rewriteTarget} break;`, pass];
}

function locationBlock(loc: NginxLocation, ing: Ingress | undefined, hostname: string): string[] {
  const svc = serviceInfo(loc, ing, hostname);
  const body = [
    `set $namespace      ${q(ing?.metadata.namespace ?? '')};`,
    `set $ingress_name   ${q(ing?.metadata.name ?? '')};`,
    `set $service_name   ${q(svc.name)};`,
    `set $service_port   ${q(svc.port)};`,
    `set $location_path  ${q(loc.ingressPath)};`,
    '',
    `set $force_ssl_redirect "${loc.forceSslRedirect}";`,
    `set $ssl_redirect "${loc.sslRedirect}";`,
    `set $force_no_ssl_redirect "${NO_TLS_REDIRECT_LOCATIONS.some((p) => loc.path.startsWith(p))}";`,
    `set $preserve_trailing_slash "${loc.preserveTrailingSlash}";`,
    `set $use_port_in_redirects "false";`,
    '',
    'rewrite_by_lua_file /etc/nginx/lua/nginx/ngx_rewrite.lua;',
    '',
    'port_in_redirect off;',
    '',
    `set $proxy_upstream_name ${q(loc.upstream)};`,
    '',
    ...proxyPass(loc),
  ];
  return [`${I}${I}location ${loc.text} {`, ...body.map((l) => (l ? `${I}${I}${I}${l}` : '')), `${I}${I}}`, ''];
}

function serverBlock(server: NginxServer, ingresses: Map<string, Ingress>): string[] {
  const head = [`server_name ${q(server.serverName)} ;`, '', ...listens(server.hostname), '', 'set $proxy_upstream_name "-";', ''];
  if (server.tls && server.hostname !== CATCH_ALL)
    head.push('# a TLS certificate is configured for this host: http requests get the ssl-redirect', '');
  const lines = [`${I}## start server ${server.hostname}`, `${I}server {`, ...head.map((l) => (l ? `${I}${I}${l}` : ''))];
  for (const loc of server.locations)
    lines.push(...locationBlock(loc, loc.ingress ? ingresses.get(loc.ingress) : undefined, server.hostname));
  lines.pop(); // no blank line before the closing brace
  lines.push(`${I}}`, `${I}## end server ${server.hostname}`, '');
  return lines;
}

export function nginxConf(model: IngressModel): string {
  const ingresses = new Map(model.ingresses.map((s) => [s.key, s.ingress]));
  const upstreams = [...model.upstreams.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const lines = [
    `# ingress-nginx ${INGRESS_NGINX_VERSION}: the routing part of /etc/nginx/nginx.conf in the controller pod.`,
    '# Locations are listed in the order nginx.conf holds them; nginx takes an `=` match first, then the',
    '# longest prefix, and when a server uses regex locations (`~*`) the first one that matches.',
    '',
    'http {',
    `${I}# Backends are not written here: the Lua balancer holds them and changes them without a reload`,
    `${I}# (\`kubectl ingress-nginx backends\` lists them). Their servers are pod IPs from EndpointSlices, not Service IPs:`,
    ...upstreams.flatMap(upstreamComment),
    `${I}upstream upstream_balancer {`,
    `${I}${I}server 0.0.0.1; # placeholder`,
    '',
    `${I}${I}balancer_by_lua_file /etc/nginx/lua/nginx/ngx_conf_balancer.lua;`,
    '',
    `${I}${I}keepalive 320;`,
    `${I}${I}keepalive_time 1h;`,
    `${I}${I}keepalive_timeout  60s;`,
    `${I}${I}keepalive_requests 10000;`,
    `${I}}`,
    '',
    ...model.servers.flatMap((s) => serverBlock(s, ingresses)),
    `${I}# backend for when default-backend-service is not configured or it does not have endpoints`,
    `${I}server {`,
    `${I}${I}listen 8181 default_server reuseport backlog=${BACKLOG};`,
    `${I}${I}listen [::]:8181 default_server reuseport backlog=${BACKLOG};`,
    `${I}${I}set $proxy_upstream_name "internal";`,
    '',
    `${I}${I}access_log off;`,
    '',
    `${I}${I}location / {`,
    `${I}${I}${I}return 404;`,
    `${I}${I}}`,
    `${I}}`,
    '}',
  ];
  return `${lines.join('\n')}\n`;
}
