// Envoy's view of one Gateway, as `/config_dump` shows it once Envoy Gateway has translated the
// Gateway API objects: listeners, route configurations and clusters, simplified to the fields
// that decide where a request goes. Field names follow Envoy's v3 API (in camelCase).

export interface EnvoyConfig {
  /** `namespace/name` of the Gateway, and the proxy Deployment that runs this config. */
  gateway: string;
  proxy: string;
  listeners: EnvoyListener[];
  routeConfigs: EnvoyRouteConfig[];
  clusters: EnvoyCluster[];
}

export interface EnvoyListener {
  /** The first Gateway listener on this port names it: `<namespace>/<gateway>/<listener>`. */
  name: string;
  /** `0.0.0.0:<container port>`: the Service's port plus 10000 below 1024. */
  address: string;
  /** The route configuration each filter chain's HTTP connection manager reads (one per HTTPS listener, one for all HTTP ones). */
  routeConfigs: string[];
}

export interface EnvoyRouteConfig {
  name: string;
  virtualHosts: EnvoyVirtualHost[];
}

export interface EnvoyVirtualHost {
  name: string;
  domains: string[];
  /** In the order Envoy tries them: Envoy Gateway's precedence sort. */
  routes: EnvoyRoute[];
}

export interface EnvoyStringMatch {
  name: string;
  exact?: string;
  safeRegex?: string;
}

export interface EnvoyRoute {
  name: string;
  match: {
    prefix?: string;
    pathSeparatedPrefix?: string;
    path?: string;
    safeRegex?: string;
    headers?: EnvoyStringMatch[];
    queryParameters?: EnvoyStringMatch[];
  };
  /** Forward to a cluster (with rewrites), answer with a redirect, or answer directly (500: no usable backend). */
  route?: {
    cluster: string;
    prefixRewrite?: string;
    regexRewrite?: { pattern: string; substitution: string };
    hostRewriteLiteral?: string;
  };
  redirect?: {
    schemeRedirect?: string;
    hostRedirect?: string;
    portRedirect?: number;
    pathRedirect?: string;
    prefixRewrite?: string;
    regexRewrite?: { pattern: string; substitution: string };
    responseCode: number;
  };
  directResponse?: { status: number };
  requestHeadersToAdd?: {
    header: { key: string; value: string };
    appendAction: 'APPEND_IF_EXISTS_OR_ADD' | 'OVERWRITE_IF_EXISTS_OR_ADD';
  }[];
  requestHeadersToRemove?: string[];
  responseHeadersToAdd?: {
    header: { key: string; value: string };
    appendAction: 'APPEND_IF_EXISTS_OR_ADD' | 'OVERWRITE_IF_EXISTS_OR_ADD';
  }[];
  responseHeadersToRemove?: string[];
}

export interface EnvoyCluster {
  /** `httproute/<namespace>/<route>/rule/<index>`: one per rule, every backend of the rule a locality. */
  name: string;
  type: 'EDS';
  localities: EnvoyLocality[];
}

export interface EnvoyLocality {
  /** `namespace/service:port` of the backendRef. */
  backend: string;
  /** The backendRef's weight: the share of requests this locality gets. */
  loadBalancingWeight: number;
  /** Pod IP:port from the Service's EndpointSlices: Envoy connects to pods directly, not to the ClusterIP. */
  endpoints: string[];
}
