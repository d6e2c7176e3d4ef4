// The Gateway API's semantics at size: status for 1,000 HTTPRoutes on one Gateway, and one request
// routed through them (hostname, then precedence across every matching rule).
import { buildGatewayApiModel, routeRequest, type GatewayApiInput } from '../src/model/gateway';
import type { Gateway, GatewayClass, HTTPRoute, Manifest, Service } from '../src/model/manifest/types';
import { backend, BASE, INFRA, objects } from '../src/model/gateway/testFixtures';
import { measure, print } from './measure';

export function benchGatewayRouting(): void {
  const n = 1000;
  console.log(`\n# Gateway API: ${n} HTTPRoutes on one Gateway (100 hostnames, 3 rules each)`);
  const routes = Array.from(
    { length: n },
    (_, i) => `
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: route-${i}, namespace: ${INFRA}}
spec:
  parentRefs: [{name: same-namespace}]
  hostnames: [host-${i % 100}.example.test]
  rules:
  - matches: [{path: {type: PathPrefix, value: /app-${i}}}]
    backendRefs: [{name: svc-${i % 50}, port: 8080, weight: 3}, {name: svc-${(i + 1) % 50}, port: 8080}]
  - matches: [{path: {type: Exact, value: /app-${i}/health}, method: GET}]
    backendRefs: [{name: svc-${i % 50}, port: 8080}]
  - matches: [{headers: [{name: x-canary, value: "true"}], queryParams: [{name: v, value: "2"}]}]
    backendRefs: [{name: svc-${(i + 2) % 50}, port: 8080}]`,
  );
  const ms = objects(BASE + routes.join(''));
  const of = <T extends Manifest['object']>(kind: T['kind']) => ms.filter((m): m is Manifest<T> => m.object.kind === kind);
  const services: Service[] = Array.from({ length: 50 }, (_, i) => backend(`svc-${i}`));
  const input: GatewayApiInput = {
    classes: of<GatewayClass>('GatewayClass'),
    gateways: of<Gateway>('Gateway'),
    routes: of<HTTPRoute>('HTTPRoute'),
    grants: [],
    secrets: [],
    services,
    namespaces: [],
    addresses: { [`${INFRA}/same-namespace`]: ['192.168.1.240'] },
  };
  let model = buildGatewayApiModel(input);
  print(measure('build the model (listeners, attachment, status)', () => (model = buildGatewayApiModel(input)), 10, 2));
  const gw = `${INFRA}/same-namespace`;
  const req = { scheme: 'http' as const, host: 'host-42.example.test', path: '/app-942/x', port: 80 };
  print(
    measure('route one request (10 routes on its hostname)', () => routeRequest(model, gw, req, 7), 2000, 100),
    `→ ${routeRequest(model, gw, req, 7).route}`,
  );
  const miss = { ...req, host: 'nowhere.example.test' };
  print(measure('route one request for a hostname no route serves (404)', () => routeRequest(model, gw, miss, 7), 2000, 100));
}
