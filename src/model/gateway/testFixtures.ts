// Test support: Gateway API objects written as YAML (ported from the upstream conformance suite),
// defaulted as the API server would store them (the CRDs' defaults), handed over as manifests with
// a fake source, plus the conformance suite's infrastructure (its namespace, backends and Gateway).

import { load, loadAll } from 'js-yaml';
import { manifest } from '../cluster/testFixtures';
import type { Gateway, GatewayClass, HTTPRoute, Manifest, Namespace, ReferenceGrant, Secret, Service } from '../manifest/types';
import { buildGatewayApiModel, type GatewayApiInput } from './buildModel';
import { ENVOY_GATEWAY_CONTROLLER } from '../envoygateway/naming';
import { routeRequest } from './routeRequest';
import type { GatewayApiModel, GatewayRequest } from './types';

export const INFRA = 'gateway-conformance-infra';
export const CLASS = 'eg';

type Obj = Record<string, unknown> & { kind: string };

/** The CRDs' defaults: listener allowedRoutes from Same, match path PathPrefix `/`, header/query type Exact, backendRef group "" kind Service weight 1. */
function defaulted(o: Obj): Obj {
  if (o.kind === 'Gateway') {
    const g = o as unknown as Gateway;
    g.spec.gatewayClassName = g.spec.gatewayClassName === '{GATEWAY_CLASS_NAME}' ? CLASS : g.spec.gatewayClassName;
    for (const l of g.spec.listeners) l.allowedRoutes = { namespaces: { from: 'Same' }, ...l.allowedRoutes };
  }
  if (o.kind === 'HTTPRoute') {
    const r = o as unknown as HTTPRoute;
    r.spec.rules = (r.spec.rules ?? [{}]).map((rule) => ({
      ...rule,
      matches: (rule.matches ?? [{}]).map((m) => ({
        ...m,
        path: { type: 'PathPrefix', value: '/', ...m.path },
        ...(m.headers ? { headers: m.headers.map((h) => ({ type: 'Exact', ...h })) } : {}),
        ...(m.queryParams ? { queryParams: m.queryParams.map((q) => ({ type: 'Exact', ...q })) } : {}),
      })),
      ...(rule.backendRefs ? { backendRefs: rule.backendRefs.map((b) => ({ group: '', kind: 'Service', weight: 1, ...b })) } : {}),
    }));
  }
  return o;
}

export function objects(yaml: string): Manifest[] {
  return (loadAll(yaml) as (Obj | null)[]).filter((o): o is Obj => !!o).map((o) => manifest(defaulted(o) as never));
}

/** A Service `name` with port 8080, as the conformance backends are. */
export function backend(name: string, namespace = INFRA, port = 8080): Service {
  return load(`
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${namespace}}
spec: {type: ClusterIP, sessionAffinity: None, selector: {app: ${name}}, ports: [{protocol: TCP, port: ${port}, targetPort: 3000}]}
status: {loadBalancer: {}}
`) as Service;
}

/** conformance/base/manifests.yaml: the infra namespace, Envoy Gateway's class, the Gateway `same-namespace`, and the backends v1–v3. */
export const BASE = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: ${CLASS}}
spec: {controllerName: ${ENVOY_GATEWAY_CONTROLLER}}
---
apiVersion: v1
kind: Namespace
metadata: {name: ${INFRA}, labels: {gateway-conformance: infra}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: same-namespace, namespace: ${INFRA}}
spec:
  gatewayClassName: "{GATEWAY_CLASS_NAME}"
  listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Same}}}]
`;

const INFRA_BACKENDS = ['infra-backend-v1', 'infra-backend-v2', 'infra-backend-v3'].map((n) => backend(n));

/** The model of the base plus `yaml`; every Gateway gets an address unless `addresses` says otherwise. */
export function modelOf(yaml: string, extra: Partial<Pick<GatewayApiInput, 'services' | 'secrets' | 'addresses'>> = {}): GatewayApiModel {
  const ms = objects(BASE + '\n---\n' + yaml);
  const of = <K extends string>(kind: K) => ms.filter((m) => m.object.kind === kind);
  const gateways = of('Gateway') as Manifest<Gateway>[];
  return buildGatewayApiModel({
    classes: of('GatewayClass') as Manifest<GatewayClass>[],
    gateways,
    routes: of('HTTPRoute') as Manifest<HTTPRoute>[],
    grants: of('ReferenceGrant').map((m) => m.object as ReferenceGrant),
    secrets: [...(of('Secret').map((m) => m.object) as Secret[]), ...(extra.secrets ?? [])],
    services: [...INFRA_BACKENDS, ...(of('Service').map((m) => m.object) as Service[]), ...(extra.services ?? [])],
    namespaces: of('Namespace').map((m) => m.object as Namespace),
    addresses:
      extra.addresses ??
      Object.fromEntries(gateways.map((g, i) => [`${g.object.metadata.namespace}/${g.object.metadata.name}`, [`192.168.1.${200 + i}`]])),
  });
}

export interface Sent {
  host?: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  port?: number;
  scheme?: 'http' | 'https';
}

/** What a request gets, said as the conformance tables say it: the backend's name, or the status. */
export function verdict(model: GatewayApiModel, gateway: string, req: Sent, seed = 0): string | number {
  const d = routeRequest(model, gateway.includes('/') ? gateway : `${INFRA}/${gateway}`, gatewayRequest(req), seed);
  return d.status === 200 && d.backend ? d.backend.service.split('/')[1]! : d.status;
}

export function gatewayRequest(req: Sent): GatewayRequest {
  const r: GatewayRequest = { scheme: req.scheme ?? 'http', host: req.host ?? 'example.com', path: req.path, port: req.port ?? 80 };
  if (req.method) r.method = req.method;
  if (req.headers) r.headers = Object.entries(req.headers).map(([name, value]) => ({ name, value }));
  return r;
}
