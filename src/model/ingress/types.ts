// What the model of ingress-nginx (controller v1.15.1) makes of Ingress and IngressClass
// objects (their types are in manifest/types.ts, next to the parser).

import type { Diagnostic, SourceRef } from '../diagnostics';
import type { Ingress, PathType } from '../manifest/types';
import type { Explanation } from '../explainKeys';

/** An object with where it was written (a Manifest fits); built-ins have no source. */
export interface Sourced<T> {
  object: T;
  source?: SourceRef;
}

/** The controller's flags and ConfigMap values that change routing (defaults of the static deploy.yaml). */
export interface ControllerOptions {
  /** --controller-class: the IngressClasses this controller serves. */
  controllerClass: string;
  /** --ingress-class: the accepted value of the legacy kubernetes.io/ingress.class annotation. */
  ingressClass: string;
  /** --watch-ingress-without-class */
  watchIngressWithoutClass: boolean;
  /** ConfigMap http-redirect-code */
  httpRedirectCode: 301 | 302 | 307 | 308;
  /** ConfigMap ssl-redirect: the default of the ssl-redirect annotation. */
  sslRedirect: boolean;
  /** ConfigMap strict-validate-path-type (the admission webhook's path check). */
  strictValidatePathType: boolean;
}

/** One HTTP request as the controller's nginx receives it. */
export type { HttpRequest } from '../http/request';

export type BackendProtocol = 'HTTP' | 'HTTPS' | 'AUTO_HTTP' | 'GRPC' | 'GRPCS' | 'FCGI';

/** One upstream server: a ready pod's IP and target port from the Service's EndpointSlices. */
export interface UpstreamEndpoint {
  address: string;
  port: number;
  /** `namespace/name` of the pod behind it, when the slice says. */
  pod?: string;
  node?: string;
}

/** An upstream as ingress-nginx names it (`ns-svc-port`) with the endpoints its Lua balancer holds. */
export interface Upstream {
  name: string;
  /** `NS/NAME` of the Service, when there is one. */
  service?: string;
  /** The port as the Ingress wrote it (number or name). */
  port?: number | string;
  endpoints: UpstreamEndpoint[];
  /** Why the upstream is empty, when it is (message key + params). */
  empty?: Reason;
  /** nginx.ingress.kubernetes.io/service-upstream: the Service's ClusterIP is the one endpoint. */
  serviceUpstream?: boolean;
  /** Made by a canary Ingress (NoServer): it gets no location, only a place among a main upstream's alternatives. */
  noServer?: boolean;
  /** The canary Ingress (`NS/NAME`) that made it and its traffic shaping policy. */
  canary?: { ingress: string; policy: CanaryPolicy };
  /** AlternativeBackends: canary upstreams merged into this one; the balancer consults only the first. */
  alternatives?: string[];
}

/** canary/main.go Config: the traffic shaping policy the Lua balancer reads. */
export interface CanaryPolicy {
  weight: number;
  /** canary-weight-total; the balancer uses it only above 100. */
  weightTotal: number;
  header: string;
  headerValue: string;
  headerPattern: string;
  cookie: string;
}

/** Why, as a message key and its parameters. */
export type Reason = Explanation;

/** A location block as ingress-nginx renders it, in the order it appears in nginx.conf. */
export interface NginxLocation {
  /** The location's path after ingress-nginx's normalisation (`/foo/` for Prefix `/foo`). */
  path: string;
  /** How nginx matches it: `=` exact, a prefix, or a `~*` case-insensitive regex. */
  modifier: '=' | '' | '~*';
  /** The text after `location`, e.g. `= "/foo"`, `"/foo/"`, `~* "^/foo"`. */
  text: string;
  /** The Ingress path it came from (`$location_path`); "/" for a server's root location. */
  ingressPath: string;
  pathType: PathType;
  /** `NS/NAME` of the Ingress that owns it, if any. */
  ingress?: string;
  /** Which rule/path of that Ingress, when it came from one. */
  ruleIndex?: number;
  pathIndex?: number;
  /** True for a root location nobody claimed: it serves the default backend. */
  isDefaultBackend: boolean;
  upstream: string;
  rewriteTarget?: string;
  useRegex: boolean;
  sslRedirect: boolean;
  forceSslRedirect: boolean;
  preserveTrailingSlash: boolean;
  backendProtocol: BackendProtocol;
}

/** One nginx `server` block. */
export interface NginxServer {
  /** The Ingress host, or `_` for the catch-all server. */
  hostname: string;
  /** The `server_name` as rendered (wildcards become a one-label regex). */
  serverName: string;
  /** A TLS certificate is configured for this host (so ssl-redirect applies). */
  tls: boolean;
  /** Any location uses use-regex or rewrite-target: every location of the server is then a regex. */
  enforceRegex: boolean;
  locations: NginxLocation[];
}

/** The controller's whole routing view, built once and matched against many requests. */
export interface IngressModel {
  options: ControllerOptions;
  /** Sorted by hostname, `_` included, as nginx.conf lists them. */
  servers: NginxServer[];
  upstreams: Map<string, Upstream>;
  /** Every Ingress considered, in the controller's order, with whether it is served. */
  ingresses: IngressStatus[];
  diagnostics: Diagnostic[];
  /** Exact hostnames -> server; wildcard parent domains -> server (the index a request is matched with). */
  exactHosts: Map<string, NginxServer>;
  wildcardHosts: Map<string, NginxServer>;
  /** Hosts with a TLS certificate, as the Lua certificate store keys them (`*.example.com` for wildcards). */
  certificateHosts: Set<string>;
  /** Every rule path and default backend of every Ingress: the rows of a decision table. */
  rows: RuleRow[];
}

/** One rule path (or spec.defaultBackend) of one Ingress, with what the controller made of it. */
export interface RuleRow {
  ingress: string;
  ruleIndex?: number;
  pathIndex?: number;
  /** The rule's host as written ("" for none). */
  host: string;
  path: string;
  pathType: PathType | 'defaultBackend';
  backend: string;
  /** Whether ingress-nginx serves its Ingress, and why not. */
  served: boolean;
  notServed?: Reason;
  /** The server block it lives in (`_` without a host); undefined when the Ingress is not served. */
  server?: string;
  locations: NginxLocation[];
  /** `NS/NAME` of an earlier Ingress that already had this host, path and pathType (its location wins). */
  duplicateOf?: string;
  /** A canary Ingress's rule: the main upstreams it joined, or why ingress-nginx dropped it. */
  canary?: { primaries: string[]; ignored?: Reason };
}

export interface IngressStatus {
  key: string;
  ingress: Ingress;
  served: boolean;
  /** When not served: why (class not ours, rejected by the webhook). */
  reason?: Reason;
  /** The class ingress-nginx resolved for it (`_` when accepted without a class). */
  className?: string;
}

export type RuleVerdict = 'matched' | 'lost' | 'ignored';

/** One row of the decision table: a rule of an Ingress and why it did or did not win. */
export interface RuleDecision {
  ingress: string;
  /** Index into spec.rules and its paths; undefined for spec.defaultBackend. */
  ruleIndex?: number;
  pathIndex?: number;
  host: string;
  path: string;
  pathType: PathType | 'defaultBackend';
  /** `service:port` */
  backend: string;
  /** The nginx locations this rule became. */
  locations: string[];
  verdict: RuleVerdict;
  reason: Reason;
}

export interface BackendChoice {
  /** `NS/NAME` */
  service: string;
  port: number | string;
  upstream: string;
  protocol: BackendProtocol;
  /** Pod IP:port pairs (the Service's ClusterIP only with service-upstream). */
  endpoints: UpstreamEndpoint[];
}

export interface MatchResult {
  httpStatus: 200 | 301 | 302 | 307 | 308 | 404 | 503;
  /** The redirect target, for 301/302/307/308. */
  location?: string;
  /** `NS/NAME` of the Ingress whose location handled the request. */
  ingress?: string;
  /** The request's host (port dropped, lower-cased) and path (query dropped). */
  host: string;
  path: string;
  /** The server block and location nginx chose. */
  server: string;
  nginxLocation?: string;
  /** The matched rule as the Ingress wrote it. */
  rule?: { host: string; path: string; pathType: PathType | 'defaultBackend' };
  /** The URI sent upstream after rewrite-target. */
  upstreamUri?: string;
  backend?: BackendChoice;
  /** The location's upstream had a canary: whether the Lua balancer switched to it, and why. */
  canary?: CanaryDecision;
  reason: Reason;
  decisions: RuleDecision[];
}

export interface CanaryDecision {
  /** `NS/NAME` of the canary Ingress. */
  ingress: string;
  upstream: string;
  /** The main upstream whose balancer consulted it. */
  main: string;
  taken: boolean;
  reason: Reason;
}
