// `packetwalk envoy-config`: what Envoy Gateway (v1.9.0, internal/xds/translator with the default
// xDS name scheme) gives one Gateway's Envoy. HTTP listeners on one port share an Envoy listener
// and a route configuration, both named after the first; an HTTPS listener gets its own route
// configuration (its own filter chain, chosen by SNI). Within a route configuration, one virtual
// host per hostname in the order the sorted routes first name it.

import type { GatewayApiModel, GatewayView, ResolvedBackend } from '../gateway/types';
import type { HTTPRoute, HTTPRouteFilter, Listener } from '../manifest/types';
import { locality, type BackendIndex } from './backends';
import type { EnvoyCluster, EnvoyConfig, EnvoyListener, EnvoyRoute, EnvoyRouteConfig, EnvoyVirtualHost } from './configTypes';
import { containerPort, ENVOY_GATEWAY_CONTROLLER, ENVOY_GATEWAY_NAMESPACE, listenerName, proxyName, ruleClusterName } from './naming';
import { listenerRoutes, sortRoutes, type IrRoute } from './routeTable';

type HeaderAdd = NonNullable<EnvoyRoute['requestHeadersToAdd']>[number];

function headerEdits(filter: HTTPRouteFilter['requestHeaderModifier']): { add: HeaderAdd[]; remove: string[] } {
  const add: HeaderAdd[] = [
    ...(filter?.set ?? []).map((h) => ({ header: { key: h.name, value: h.value }, appendAction: 'OVERWRITE_IF_EXISTS_OR_ADD' as const })),
    ...(filter?.add ?? []).map((h) => ({ header: { key: h.name, value: h.value }, appendAction: 'APPEND_IF_EXISTS_OR_ADD' as const })),
  ];
  return { add, remove: filter?.remove ?? [] };
}

// Go's regexp.QuoteMeta.
const quoteMeta = (text: string) => text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');

/**
 * ReplacePrefixMatch: Envoy's prefix_rewrite, except that replacing a prefix by `/` (or nothing)
 * becomes a regex rewrite, so `/prefix/x` does not turn into `//x`; a rewrite drops a trailing `/`.
 */
function prefixReplacement(r: IrRoute, replacement: string, rewrite: boolean) {
  if (r.path.type === 'PathPrefix' && (replacement === '' || replacement === '/'))
    return { regexRewrite: { pattern: `^${quoteMeta(r.path.value)}\\/*`, substitution: '/' } };
  return { prefixRewrite: rewrite ? replacement.replace(/\/$/, '') : replacement };
}

function pathMatch(r: IrRoute): EnvoyRoute['match'] {
  if (r.path.type === 'Exact') return { path: r.path.value };
  if (r.path.type === 'RegularExpression') return { safeRegex: r.path.value };
  // Envoy's path-separated prefix matches whole path elements, as the spec's PathPrefix does.
  return r.path.value === '/' ? { prefix: '/' } : { pathSeparatedPrefix: r.path.value.replace(/\/$/, '') };
}

/** The Envoy route for one IR route: its match, and what the rule's filters and backends make of it. */
function envoyRoute(
  r: IrRoute,
  listener: Listener,
  backends: ResolvedBackend[],
  index: BackendIndex,
  clusters: Map<string, EnvoyCluster>,
): EnvoyRoute {
  const match = pathMatch(r);
  if (r.headers.length) match.headers = r.headers;
  if (r.queryParameters.length) match.queryParameters = r.queryParameters;
  const out: EnvoyRoute = { name: r.name, match };
  const filters = r.rule.filters ?? [];
  const redirect = filters.find((f) => f.type === 'RequestRedirect')?.requestRedirect;
  const rewrite = filters.find((f) => f.type === 'URLRewrite')?.urlRewrite;
  if (redirect) {
    // No port given: the scheme's well-known port if a scheme is given, else the listener's; 80 and 443 are left out of Location.
    const port = redirect.port ?? (redirect.scheme === 'https' ? 443 : redirect.scheme === 'http' ? 80 : listener.port);
    const prefix = redirect.path?.type === 'ReplacePrefixMatch' ? (redirect.path.replacePrefixMatch ?? '') : undefined;
    out.redirect = {
      ...(redirect.scheme ? { schemeRedirect: redirect.scheme } : {}),
      ...(redirect.hostname ? { hostRedirect: redirect.hostname } : {}),
      ...(port !== 80 && port !== 443 ? { portRedirect: port } : {}),
      ...(redirect.path?.type === 'ReplaceFullPath' ? { pathRedirect: redirect.path.replaceFullPath ?? '' } : {}),
      ...(prefix !== undefined ? prefixReplacement(r, prefix, false) : {}),
      responseCode: redirect.statusCode ?? 302,
    };
  } else {
    const ns = r.route.metadata.namespace ?? 'default';
    const name = ruleClusterName(ns, r.route.metadata.name, r.ruleIndex);
    const localities = backends.flatMap((b) => locality(index, b) ?? []);
    if (localities.length === 0) {
      // No backend to send it to (none given, none found, or not permitted): Envoy answers 500 itself.
      out.directResponse = { status: 500 };
    } else {
      if (!clusters.has(name)) clusters.set(name, { name, type: 'EDS', localities });
      out.route = {
        cluster: name,
        ...(rewrite?.path?.type === 'ReplacePrefixMatch' ? prefixReplacement(r, rewrite.path.replacePrefixMatch ?? '', true) : {}),
        ...(rewrite?.path?.type === 'ReplaceFullPath'
          ? { regexRewrite: { pattern: '^/.*$', substitution: rewrite.path.replaceFullPath ?? '/' } }
          : {}),
        ...(rewrite?.hostname ? { hostRewriteLiteral: rewrite.hostname } : {}),
      };
    }
  }
  const req = headerEdits(filters.find((f) => f.type === 'RequestHeaderModifier')?.requestHeaderModifier);
  const res = headerEdits(filters.find((f) => f.type === 'ResponseHeaderModifier')?.responseHeaderModifier);
  if (req.add.length) out.requestHeadersToAdd = req.add;
  if (req.remove.length) out.requestHeadersToRemove = req.remove;
  if (res.add.length) out.responseHeadersToAdd = res.add;
  if (res.remove.length) out.responseHeadersToRemove = res.remove;
  return out;
}

/** Envoy's configuration for one Gateway of Envoy Gateway's, from the controller's view of it. */
export function envoyConfig(api: Pick<GatewayApiModel, 'routes' | 'backends'>, view: GatewayView, index: BackendIndex): EnvoyConfig {
  const [ns, gw] = view.key.split('/') as [string, string];
  const routes = new Map<string, HTTPRoute>(api.routes.map((r) => [`${r.metadata.namespace ?? 'default'}/${r.metadata.name}`, r]));
  const listeners: EnvoyListener[] = [];
  const routeConfigs = new Map<string, EnvoyRouteConfig>();
  const tls = new Set<string>();
  const clusters = new Map<string, EnvoyCluster>();
  for (const lv of view.listeners) {
    const l = lv.listener;
    if (!lv.ready || (l.protocol !== 'HTTP' && l.protocol !== 'HTTPS')) continue;
    const name = listenerName(ns, gw, l.name);
    const address = `0.0.0.0:${containerPort(l.port)}`;
    let xds = listeners.find((x) => x.address === address);
    if (!xds) listeners.push((xds = { name, address, routeConfigs: [] }));
    // Plain HTTP listeners on a port share the default filter chain's route configuration.
    const configName = l.protocol === 'HTTPS' ? name : (xds.routeConfigs.find((c) => !tls.has(c)) ?? name);
    if (l.protocol === 'HTTPS') tls.add(name);
    let config = routeConfigs.get(configName);
    if (!config) {
      config = { name: configName, virtualHosts: [] };
      routeConfigs.set(configName, config);
      xds.routeConfigs.push(configName);
    }
    const attached = lv.routes.flatMap((a) => {
      const route = routes.get(a.route);
      return route ? [{ route, hostnames: a.hostnames }] : [];
    });
    const hosts = new Map<string, EnvoyVirtualHost>();
    for (const r of sortRoutes(listenerRoutes(attached))) {
      let vhost = hosts.get(r.hostname);
      if (!vhost) {
        vhost = { name: `${name}/${r.hostname.replaceAll('.', '_')}`, domains: [r.hostname], routes: [] };
        hosts.set(r.hostname, vhost);
        config.virtualHosts.push(vhost);
      }
      const backends = api.backends[`${r.route.metadata.namespace ?? 'default'}/${r.route.metadata.name}`]?.[r.ruleIndex] ?? [];
      vhost.routes.push(envoyRoute(r, l, backends, index, clusters));
    }
  }
  return {
    gateway: view.key,
    proxy: `${ENVOY_GATEWAY_NAMESPACE}/${proxyName(ns, gw)}`,
    listeners,
    routeConfigs: [...routeConfigs.values()],
    clusters: [...clusters.values()],
  };
}

/** Envoy's configuration for every Gateway Envoy Gateway serves, in the model's order. */
export function envoyConfigs(api: Pick<GatewayApiModel, 'routes' | 'gateways' | 'backends'>, index: BackendIndex): EnvoyConfig[] {
  return api.gateways.filter((g) => g.controllerName === ENVOY_GATEWAY_CONTROLLER).map((g) => envoyConfig(api, g, index));
}
