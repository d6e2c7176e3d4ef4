// Status as the spec and Envoy Gateway write it, and the request outcomes those conditions imply:
// the conformance suite's status checks, then the bad input a learner pastes.

import { describe, expect, it } from 'vitest';
import type { GatewayCondition } from '../manifest/types';
import { backend, INFRA, modelOf, verdict } from './testFixtures';
import type { GatewayApiModel } from './types';

const WEB = 'gateway-conformance-web-backend';

function gateway(model: GatewayApiModel, name: string) {
  return model.gateways.find((g) => g.key === `${INFRA}/${name}`)!.gateway;
}
function listener(model: GatewayApiModel, gw: string, name: string) {
  return gateway(model, gw).status!.listeners!.find((l) => l.name === name)!;
}
function cond(conditions: GatewayCondition[] | undefined, type: string): string {
  const c = conditions?.find((x) => x.type === type);
  return c ? `${c.status} ${c.reason}` : 'absent';
}
/** The route's condition of `type` for its first parent, as `True Accepted`. */
function routeCond(model: GatewayApiModel, name: string, type: string, namespace = INFRA): string {
  const r = model.routes.find((x) => x.metadata.name === name && x.metadata.namespace === namespace)!;
  return cond(r.status?.parents[0]?.conditions, type);
}
const codes = (model: GatewayApiModel) => model.diagnostics.map((d) => d.code);

const gw = (name: string, listeners: string, namespace = INFRA) => `
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  gatewayClassName: "{GATEWAY_CLASS_NAME}"
  listeners:
${listeners}`;
const route = (name: string, spec: string, namespace = INFRA) => `
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: ${namespace}}
spec:
${spec}`;
const selectorInfra = `{kinds: [{kind: HTTPRoute}], namespaces: {from: Selector, selector: {matchLabels: {kubernetes.io/metadata.name: ${INFRA}}}}}`;

describe('conformance/tests/gateway-with-attached-routes.go', () => {
  const ref = (name: string, section = '') => `{kind: Gateway, name: ${name}, namespace: ${INFRA}${section}}`;
  const model = modelOf(
    gw('gateway-with-one-attached-route', `  - {name: http, port: 80, protocol: HTTP, allowedRoutes: ${selectorInfra}}`) +
      route(
        'http-route-1',
        `  parentRefs: [${ref('gateway-with-one-attached-route')}]\n  rules: [{backendRefs: [{name: infra-backend-v1, port: 8080}]}]`,
      ) +
      gw(
        'gateway-with-two-attached-routes',
        `  - {name: http, port: 80, protocol: HTTP, hostname: foo.example.com, allowedRoutes: ${selectorInfra}}`,
      ) +
      route(
        'http-route-2',
        `  parentRefs: [${ref('gateway-with-two-attached-routes')}]\n  rules: [{backendRefs: [{name: infra-backend-v1, port: 8080}]}]`,
      ) +
      route(
        'http-route-3',
        `  parentRefs: [${ref('gateway-with-two-attached-routes')}]\n  rules: [{backendRefs: [{name: infra-backend-v1, port: 8080}]}]`,
      ) +
      route(
        'http-route-not-accepted',
        `  hostnames: [not-accepted.test.com]\n  parentRefs: [${ref('gateway-with-two-attached-routes')}]\n  rules: [{backendRefs: [{name: infra-backend-v1, port: 8080}]}]`,
      ) +
      gw(
        'unresolved-gateway-with-one-attached-unresolved-route',
        `  - {name: tls, port: 443, protocol: HTTPS, allowedRoutes: ${selectorInfra}, tls: {certificateRefs: [{group: "", kind: Secret, name: does-not-exist}], mode: Terminate}}`,
      ) +
      route(
        'http-route-4',
        `  parentRefs: [${ref('unresolved-gateway-with-one-attached-unresolved-route', ', sectionName: tls')}]\n  rules: [{backendRefs: [{name: does-not-exist, port: 8080}]}]`,
      ),
  );
  it('counts one attached route, and two on the listener with a hostname', () => {
    expect(listener(model, 'gateway-with-one-attached-route', 'http').attachedRoutes).toBe(1);
    expect(listener(model, 'gateway-with-two-attached-routes', 'http').attachedRoutes).toBe(2);
    expect(listener(model, 'gateway-with-one-attached-route', 'http').supportedKinds).toEqual([
      { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' },
    ]);
  });
  it('refuses the route whose hostname the listener does not share', () => {
    expect(routeCond(model, 'http-route-not-accepted', 'Accepted')).toBe('False NoMatchingListenerHostname');
    expect(codes(model)).toContain('gateway.route.notAttached');
  });
  it('counts the route on a listener whose certificate does not resolve, which is not programmed', () => {
    const l = listener(model, 'unresolved-gateway-with-one-attached-unresolved-route', 'tls');
    expect(l.attachedRoutes).toBe(1);
    expect(cond(l.conditions, 'ResolvedRefs')).toBe('False InvalidCertificateRef');
    expect(cond(l.conditions, 'Programmed')).toBe('False Invalid');
    expect(routeCond(model, 'http-route-4', 'Accepted')).toBe('True Accepted');
    expect(routeCond(model, 'http-route-4', 'ResolvedRefs')).toBe('False BackendNotFound');
  });
});

describe('conformance/tests/httproute-invalid-*.go', () => {
  const rule = (backend: string) => `  rules: [{backendRefs: [${backend}]}]`;
  const model = modelOf(
    route(
      'invalid-cross-namespace-backend-ref',
      `  parentRefs: [{name: same-namespace}]\n  hostnames: [cross.test]\n${rule(`{name: web-backend, namespace: ${WEB}, port: 8080}`)}`,
    ) +
      route(
        'invalid-nonexistent-backend-ref',
        `  parentRefs: [{name: same-namespace}]\n  hostnames: [missing.test]\n${rule(`{name: nonexistent, namespace: ${INFRA}, port: 8080}`)}`,
      ) +
      route(
        'invalid-backend-ref-unknown-kind',
        `  parentRefs: [{name: same-namespace}]\n  hostnames: [kind.test]\n${rule('{group: unknownkind.example.com, kind: NonExistent, name: infra-backend-v1, port: 8080}')}`,
      ) +
      route(
        'httproute-listener-not-matching-section-name',
        `  parentRefs: [{name: same-namespace, namespace: ${INFRA}, port: 80, sectionName: http1}]\n${rule('{name: infra-backend-v1, kind: Service, port: 8080}')}`,
      ) +
      route(
        'httproute-listener-not-matching-route-port',
        `  parentRefs: [{name: same-namespace, namespace: ${INFRA}, port: 81}]\n${rule('{name: infra-backend-v1, port: 8080}')}`,
      ) +
      route(
        'invalid-cross-namespace-parent-ref',
        `  parentRefs: [{name: same-namespace, namespace: ${INFRA}}]\n${rule('{name: web-backend, port: 8080}')}`,
        WEB,
      ) +
      gw(
        'gateway-with-one-not-matching-port-and-section-name-route',
        '  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {kinds: [{kind: HTTPRoute}], namespaces: {from: All}}}',
      ) +
      route(
        'httproute-listener-section-name-not-matching-port',
        `  parentRefs: [{name: gateway-with-one-not-matching-port-and-section-name-route, namespace: ${INFRA}, sectionName: http, port: 81}]\n${rule('{name: infra-backend-v1, kind: Service, port: 8080}')}`,
      ),
    { services: [] },
  );
  it.each([
    ['invalid-cross-namespace-backend-ref', 'cross.test', 'False RefNotPermitted', 'gateway.backend.notPermitted'],
    ['invalid-nonexistent-backend-ref', 'missing.test', 'False BackendNotFound', 'gateway.backend.notFound'],
    ['invalid-backend-ref-unknown-kind', 'kind.test', 'False InvalidKind', 'gateway.backend.invalidKind'],
  ])('%s: accepted, ResolvedRefs %s, and its requests get 500', (name, host, resolved, code) => {
    expect(routeCond(model, name, 'Accepted')).toBe('True Accepted');
    expect(routeCond(model, name, 'ResolvedRefs')).toBe(resolved);
    expect(codes(model)).toContain(code);
    expect(verdict(model, 'same-namespace', { host, path: '/' })).toBe(500);
  });
  it.each([
    ['httproute-listener-not-matching-section-name', INFRA, 'False NoMatchingParent'],
    ['httproute-listener-not-matching-route-port', INFRA, 'False NoMatchingParent'],
    ['httproute-listener-section-name-not-matching-port', INFRA, 'False NoMatchingParent'],
    ['invalid-cross-namespace-parent-ref', WEB, 'False NotAllowedByListeners'],
  ])('%s is not accepted: %s', (name, namespace, accepted) => {
    expect(routeCond(model, name, 'Accepted', namespace)).toBe(accepted);
  });
  it('says where each problem is written', () => {
    const d = model.diagnostics.find((x) => x.code === 'gateway.backend.notFound')!;
    expect(d.file).toBe('test.yaml#spec.rules.0.backendRefs.0');
    expect(d.params).toMatchObject({ route: `${INFRA}/invalid-nonexistent-backend-ref`, service: `${INFRA}/nonexistent`, port: 8080 });
  });
});

describe('conformance/tests/httproute-reference-grant.go', () => {
  const web = route(
    'reference-grant',
    `  parentRefs: [{name: same-namespace}]\n  rules: [{backendRefs: [{name: web-backend, namespace: ${WEB}, port: 8080}]}]`,
  );
  const grant = `
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: reference-grant, namespace: ${WEB}}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: ${INFRA}}]
  to: [{group: "", kind: Service, name: web-backend}]`;
  const svc = { services: [backend('web-backend', WEB)] };
  it('reaches the backend in the other namespace through the grant', () => {
    const model = modelOf(web + grant, svc);
    expect(routeCond(model, 'reference-grant', 'ResolvedRefs')).toBe('True ResolvedRefs');
    expect(verdict(model, 'same-namespace', { path: '/' })).toBe('web-backend');
  });
  it('answers 500 once the grant is gone', () => {
    const model = modelOf(web, svc);
    expect(routeCond(model, 'reference-grant', 'ResolvedRefs')).toBe('False RefNotPermitted');
    expect(verdict(model, 'same-namespace', { path: '/' })).toBe(500);
  });
});

describe('bad input: the conditions the spec prescribes, and what requests get', () => {
  // envoyproxy/gateway internal/gatewayapi/testdata/gateway-with-two-listeners-with-same-port-and-hostname,
  // …-and-incompatible-protocol, …-on-same-udp-port and gateway-with-conflicting-listeners-one-invalid-ref.
  const tlsSecret = (name: string) => `
---
apiVersion: v1
kind: Secret
metadata: {name: ${name}, namespace: ${INFRA}}
type: kubernetes.io/tls
dataKeys: [tls.crt, tls.key]`;
  const anyRoute = (gateway: string, section = '') =>
    route(
      `to-${gateway}`,
      `  parentRefs: [{name: ${gateway}${section}}]\n  rules: [{backendRefs: [{name: infra-backend-v1, port: 8080}]}]`,
    );

  it('marks two listeners on one port with one hostname HostnameConflict: routes still count, nothing is served', () => {
    const model = modelOf(
      gw(
        'same-host',
        '  - {name: http-1, port: 80, protocol: HTTP, hostname: foo.com}\n  - {name: http-2, port: 80, protocol: HTTP, hostname: foo.com}',
      ) + anyRoute('same-host'),
    );
    for (const name of ['http-1', 'http-2']) {
      const l = listener(model, 'same-host', name);
      expect(l.conditions.map((c) => `${c.type} ${c.status} ${c.reason}`)).toEqual([
        'Conflicted True HostnameConflict',
        'Programmed False Invalid',
        'ResolvedRefs True ResolvedRefs',
      ]);
      expect(l.conditions[0]!.message).toBe(
        `All listeners for a given port must use a unique hostname, conflicting listeners: ${INFRA}/same-host/http-1, ${INFRA}/same-host/http-2`,
      );
      expect(l.attachedRoutes).toBe(1);
    }
    expect(gateway(model, 'same-host').status!.conditions![0]).toMatchObject({
      status: 'False',
      reason: 'ListenersNotValid',
      message: 'No listeners are valid: http-1, http-2',
    });
    expect(verdict(model, 'same-host', { host: 'foo.com', path: '/' })).toBe(0);
    expect(codes(model).filter((c) => c === 'gateway.listener.conflict')).toHaveLength(2);
  });

  it('marks HTTP and HTTPS on one port ProtocolConflict, and a second UDP listener on a port', () => {
    const model = modelOf(
      gw(
        'mixed-port',
        `  - {name: http-1, port: 80, protocol: HTTP, hostname: foo.com}
  - {name: http-2, port: 80, protocol: HTTPS, hostname: bar.com, tls: {certificateRefs: [{name: tls-secret-1}]}}
  - {name: udp1, port: 162, protocol: UDP}
  - {name: udp2, port: 162, protocol: UDP}
  - {name: web, port: 8080, protocol: HTTP}`,
      ) + tlsSecret('tls-secret-1'),
    );
    expect(cond(listener(model, 'mixed-port', 'http-1').conditions, 'Conflicted')).toBe('True ProtocolConflict');
    expect(cond(listener(model, 'mixed-port', 'http-2').conditions, 'Conflicted')).toBe('True ProtocolConflict');
    expect(cond(listener(model, 'mixed-port', 'udp1').conditions, 'Conflicted')).toBe('absent');
    expect(listener(model, 'mixed-port', 'udp2').conditions[0]).toMatchObject({
      type: 'Conflicted',
      reason: 'ProtocolConflict',
      message: 'Only one UDP listener is allowed in a given port',
    });
    expect(cond(listener(model, 'mixed-port', 'web').conditions, 'Programmed')).toBe('True Programmed');
    expect(gateway(model, 'mixed-port').status!.conditions![0]).toMatchObject({
      status: 'True',
      message: 'Listeners not valid: http-1, http-2, udp2',
    });
  });

  it('leaves a listener with a missing certificate out of the conflict: the valid one on the same port and hostname serves', () => {
    const listeners = `  - {name: invalid-https, port: 443, protocol: HTTPS, hostname: "*.example.com", tls: {mode: Terminate, certificateRefs: [{name: non-existent-secret}]}}
  - {name: valid-https, port: 443, protocol: HTTPS, hostname: "*.example.com", tls: {mode: Terminate, certificateRefs: [{name: tls-secret-1}]}}`;
    const model = modelOf(
      gw('one-invalid-ref', listeners) + tlsSecret('tls-secret-1') + anyRoute('one-invalid-ref', ', sectionName: valid-https'),
    );
    const invalid = listener(model, 'one-invalid-ref', 'invalid-https');
    expect(invalid.conditions.map((c) => `${c.type} ${c.status} ${c.reason}`)).toEqual([
      'ResolvedRefs False InvalidCertificateRef',
      'Accepted True Accepted',
      'Programmed False Invalid',
    ]);
    expect(invalid.conditions[0]!.message).toBe(
      `No valid secrets exist: certificate refs 0: Secret ${INFRA}/non-existent-secret does not exist.`,
    );
    const valid = listener(model, 'one-invalid-ref', 'valid-https');
    expect(cond(valid.conditions, 'Programmed')).toBe('True Programmed');
    expect(valid.attachedRoutes).toBe(1);
    expect(verdict(model, 'one-invalid-ref', { host: 'shop.example.com', path: '/', port: 443, scheme: 'https' })).toBe('infra-backend-v1');
  });

  it('refuses a certificate in another namespace without a ReferenceGrant (RefNotPermitted), and takes it with one', () => {
    const listenerYaml = `  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: shop-cert, namespace: certs}]}}`;
    const secret = `
---
apiVersion: v1
kind: Secret
metadata: {name: shop-cert, namespace: certs}
type: kubernetes.io/tls
dataKeys: [tls.crt, tls.key]`;
    const grant = `
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: gateways-read-certs, namespace: certs}
spec:
  from: [{group: gateway.networking.k8s.io, kind: Gateway, namespace: ${INFRA}}]
  to: [{group: "", kind: Secret}]`;
    const without = modelOf(gw('tls', listenerYaml) + secret);
    expect(cond(listener(without, 'tls', 'https').conditions, 'ResolvedRefs')).toBe('False RefNotPermitted');
    expect(codes(without)).toContain('gateway.listener.certificateNotPermitted');
    const withGrant = modelOf(gw('tls', listenerYaml) + secret + grant);
    expect(cond(listener(withGrant, 'tls', 'https').conditions, 'ResolvedRefs')).toBe('True ResolvedRefs');
    expect(cond(listener(withGrant, 'tls', 'https').conditions, 'Programmed')).toBe('True Programmed');
  });

  it('leaves a GatewayClass of another controller, and its Gateways, without status, and says so', () => {
    const model = modelOf(`
---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: other}
spec: {controllerName: example.com/other-controller}
${gw('elsewhere', '  - {name: http, port: 80, protocol: HTTP}').replace('"{GATEWAY_CLASS_NAME}"', 'other')}`);
    expect(model.classes.find((c) => c.metadata.name === 'other')!.status).toBeUndefined();
    expect(model.classes.find((c) => c.metadata.name === 'eg')!.status!.conditions![0]).toMatchObject({ type: 'Accepted', status: 'True' });
    expect(gateway(model, 'elsewhere').status).toBeUndefined();
    expect(model.diagnostics.find((d) => d.code === 'gateway.class.otherController')).toMatchObject({
      severity: 'info',
      params: { class: 'other' },
    });
  });

  it('writes the Gateway Programmed with its address, or AddressNotAssigned without one', () => {
    const withAddress = modelOf('');
    expect(gateway(withAddress, 'same-namespace').status!.addresses).toEqual([{ type: 'IPAddress', value: '192.168.1.200' }]);
    expect(cond(gateway(withAddress, 'same-namespace').status!.conditions, 'Programmed')).toBe('True Programmed');
    const none = modelOf('', { addresses: {} });
    expect(gateway(none, 'same-namespace').status!.addresses).toBeUndefined();
    expect(cond(gateway(none, 'same-namespace').status!.conditions, 'Programmed')).toBe('False AddressNotAssigned');
    expect(codes(none)).toContain('gateway.gateway.noAddress');
  });

  it('drops the rule whose regular expression does not compile (UnsupportedValue), as Envoy Gateway does; the route still attaches', () => {
    // envoyproxy/gateway internal/gatewayapi/testdata/httproute-with-invalid-regex.out.yaml
    const model = modelOf(
      route(
        'bad-regex',
        `  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{path: {type: RegularExpression, value: "*.foo.bar.com"}}, {path: {type: PathPrefix, value: /also-dropped}}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /kept}}]
    backendRefs: [{name: infra-backend-v2, port: 8080}]`,
      ),
    );
    const parent = model.routes.find((r) => r.metadata.name === 'bad-regex')!.status!.parents[0]!;
    expect(parent.conditions[0]).toMatchObject({
      type: 'Accepted',
      status: 'False',
      reason: 'UnsupportedValue',
      message: 'Failed to process route rule 0: regex "*.foo.bar.com" is invalid.',
    });
    expect(routeCond(model, 'bad-regex', 'ResolvedRefs')).toBe('True ResolvedRefs');
    expect(listener(model, 'same-namespace', 'http').attachedRoutes).toBe(1);
    expect(verdict(model, 'same-namespace', { path: '/also-dropped' })).toBe(404);
    expect(verdict(model, 'same-namespace', { path: '/kept' })).toBe('infra-backend-v2');
    expect(model.diagnostics.find((d) => d.code === 'gateway.route.invalidRegex')!.file).toBe(
      'test.yaml#spec.rules.0.matches.0.path.value',
    );
  });

  it('marks a listener with a protocol Envoy Gateway does not serve UnsupportedProtocol, and keeps the others', () => {
    const model = modelOf(gw('mixed', '  - {name: sctp, port: 90, protocol: SCTP}\n  - {name: http, port: 80, protocol: HTTP}'));
    expect(listener(model, 'mixed', 'sctp').conditions[0]).toMatchObject({
      type: 'Accepted',
      status: 'False',
      reason: 'UnsupportedProtocol',
      message: 'Protocol SCTP is unsupported, must be HTTP, HTTPS, TCP or UDP.',
    });
    expect(cond(listener(model, 'mixed', 'http').conditions, 'Accepted')).toBe('True Accepted');
    expect(codes(model)).toContain('gateway.listener.protocol');
  });

  it('admits routes by allowedRoutes: All, or a Selector on the namespace labels', () => {
    const model = modelOf(
      gw(
        'shared',
        `  - {name: all, port: 80, protocol: HTTP, hostname: all.test, allowedRoutes: {namespaces: {from: All}}}
  - {name: labelled, port: 80, protocol: HTTP, hostname: team.test, allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {team: shop}}}}}`,
      ) +
        `
---
apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {team: shop}}` +
        route(
          'from-shop',
          `  parentRefs: [{name: shared, namespace: ${INFRA}}]\n  rules: [{backendRefs: [{name: infra-backend-v1, namespace: ${INFRA}, port: 8080}]}]`,
          'shop',
        ) +
        route(
          'from-other',
          `  parentRefs: [{name: shared, namespace: ${INFRA}, sectionName: labelled}]\n  rules: [{backendRefs: [{name: x, port: 8080}]}]`,
          'other',
        ),
    );
    expect(listener(model, 'shared', 'all').attachedRoutes).toBe(1);
    expect(listener(model, 'shared', 'labelled').attachedRoutes).toBe(1);
    expect(routeCond(model, 'from-other', 'Accepted', 'other')).toBe('False NotAllowedByListeners');
  });
});
