// The Gateway API as its controller sees it once routes are attached: each Gateway's listeners,
// the routes each one holds, the status the controller writes, and what one request gets.
// The spec's semantics live in this directory; Envoy Gateway's own choices (names, the Envoy
// config) in ../envoygateway.

import type { Diagnostic } from '../diagnostics';
import type { Explanation } from '../explainKeys';
import type { HttpHeader, HttpRequest } from '../http/request';
import type { Gateway, GatewayClass, HTTPRoute, Listener, ReferenceGrant } from '../manifest/types';

export interface GatewayApiModel {
  classes: GatewayClass[];
  /** Every Gateway with its `status` as the controller writes it (conditions, addresses, listeners). */
  gateways: GatewayView[];
  /** Every HTTPRoute with `status.parents` filled for the parents this controller owns. */
  routes: HTTPRoute[];
  grants: ReferenceGrant[];
  /** Each HTTPRoute's (`namespace/name`) rules, each rule's backendRefs as resolved. */
  backends: Record<string, ResolvedBackend[][]>;
  diagnostics: Diagnostic[];
}

/** The ResolvedRefs reasons a backend can carry: the spec's, and Envoy Gateway's own PortNotFound. */
export type BackendProblem = 'InvalidKind' | 'RefNotPermitted' | 'BackendNotFound' | 'PortNotFound';

export interface ResolvedBackend {
  /** `namespace/name` of the Service. */
  service: string;
  port: number;
  /** 1 unless the route says otherwise; 0 takes no traffic. */
  weight: number;
  /** Why this backend cannot take traffic (its share of requests gets 500). */
  problem?: BackendProblem;
  /** The ResolvedRefs message Envoy Gateway writes for that problem. */
  message?: string;
  /** Where in the route it is written, e.g. `spec.rules.0.backendRefs.1`. */
  path: string;
}

export interface GatewayView {
  /** `namespace/name` */
  key: string;
  gateway: Gateway;
  /** The controller of its GatewayClass, e.g. `gateway.envoyproxy.io/gatewayclass-controller`. */
  controllerName: string;
  listeners: ListenerView[];
}

export interface ListenerView {
  listener: Listener;
  /** Conflicted or invalid listeners accept no routes (their status says why). */
  ready: boolean;
  /** The routes attached to this listener, in the order precedence is decided (not yet sorted). */
  routes: AttachedRoute[];
}

export interface AttachedRoute {
  /** `namespace/name` of the HTTPRoute. */
  route: string;
  /** The route's hostnames intersected with the listener's: what this attachment serves. */
  hostnames: string[];
}

/** What the Gateway does with one request: the route and rule that took it, and the effect of its filters. */
export interface RouteDecision {
  /** 200 when a backend serves it; a redirect's code; 404 when no route matches; 500 when the backend reference is not usable; 0 when no listener takes the port (the connection is refused). */
  status: number;
  /** `namespace/name` of the Gateway. */
  gateway: string;
  listener?: string;
  /** `namespace/name` of the HTTPRoute that matched. */
  route?: string;
  /** Index of the rule in `spec.rules`, and of the match in the rule's `matches`. */
  rule?: number;
  match?: number;
  /** The backend chosen by weight: a Service, its port, and the weights it was chosen among. */
  backend?: { service: string; port: number; weight: number; totalWeight: number };
  /** A RequestRedirect's Location. */
  location?: string;
  /** What URLRewrite made of the request, when it changed it. */
  rewritten?: { host?: string; path?: string };
  /** The request's headers after RequestHeaderModifier, and what ResponseHeaderModifier adds to the reply. */
  requestHeaders?: HttpHeader[];
  responseHeaders?: HttpHeader[];
  reason: Explanation;
}

/** A request arriving at a Gateway's listener port (the Host and path decide the rest). */
export interface GatewayRequest extends HttpRequest {
  /** The port the client connected to: which listeners can take it. */
  port: number;
}
