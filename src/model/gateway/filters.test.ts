// Filters as the spec's field docs define them (apis/v1/httproute_types.go), and the 500s the spec
// prescribes for a rule whose backends cannot be used.

import { describe, expect, it } from 'vitest';
import { replacePrefix } from './filters';
import { routeRequest } from './routeRequest';
import { gatewayRequest, INFRA, modelOf, verdict } from './testFixtures';

describe('ReplacePrefixMatch (HTTPPathModifier docs table)', () => {
  it.each([
    ['/foo/bar', '/foo', '/xyz', '/xyz/bar'],
    ['/foo/bar', '/foo', '/xyz/', '/xyz/bar'],
    ['/foo/bar', '/foo/', '/xyz', '/xyz/bar'],
    ['/foo/bar', '/foo/', '/xyz/', '/xyz/bar'],
    ['/foo', '/foo', '/xyz', '/xyz'],
    ['/foo/', '/foo', '/xyz', '/xyz/'],
    ['/foo/bar', '/foo', '', '/bar'],
    ['/foo/', '/foo', '', '/'],
    ['/foo', '/foo', '', '/'],
    ['/foo/', '/foo', '/', '/'],
    ['/foo', '/foo', '/', '/'],
  ])('%s matched by %s, replaced by "%s" → %s', (path, prefix, replacement, want) => {
    expect(replacePrefix(path, prefix, replacement)).toBe(want);
  });
});

const route = (rules: string) => `
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: ${INFRA}}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
${rules}`;

describe('backendRefs that cannot be used (HTTPBackendRef docs)', () => {
  it('answers 500 for the invalid backend’s share of requests and serves the rest', () => {
    const model = modelOf(route('  - backendRefs: [{name: infra-backend-v1, port: 8080, weight: 1}, {name: gone, port: 8080, weight: 1}]'));
    const got = new Set(Array.from({ length: 50 }, (_, seed) => verdict(model, 'same-namespace', { path: '/' }, seed)));
    expect(got).toEqual(new Set(['infra-backend-v1', 500]));
  });
  it('answers 500 when every backend has weight 0, and when the rule has no backend at all', () => {
    const zero = modelOf(route('  - backendRefs: [{name: infra-backend-v1, port: 8080, weight: 0}]'));
    expect(routeRequest(zero, `${INFRA}/same-namespace`, gatewayRequest({ path: '/' }), 0)).toMatchObject({
      status: 500,
      reason: { key: 'explain.gateway.zeroWeights' },
    });
    const none = modelOf(route('  - matches: [{path: {type: PathPrefix, value: /}}]'));
    expect(routeRequest(none, `${INFRA}/same-namespace`, gatewayRequest({ path: '/' }), 0)).toMatchObject({
      status: 500,
      reason: { key: 'explain.gateway.noBackends' },
    });
  });
  it('refuses the connection on a port no listener uses', () => {
    const model = modelOf('');
    expect(routeRequest(model, `${INFRA}/same-namespace`, gatewayRequest({ path: '/', port: 8080 }), 0)).toMatchObject({
      status: 0,
      reason: { key: 'explain.gateway.noListener' },
    });
  });
});

describe('URLRewrite hostname and ResponseHeaderModifier', () => {
  it('sends the backend the rewritten Host and adds the response headers', () => {
    const model = modelOf(
      route(`  - filters:
    - {type: URLRewrite, urlRewrite: {hostname: internal.example}}
    - {type: ResponseHeaderModifier, responseHeaderModifier: {set: [{name: X-Served-By, value: gateway}], add: [{name: Cache-Control, value: no-store}]}}
    backendRefs: [{name: infra-backend-v1, port: 8080}]`),
    );
    const d = routeRequest(model, `${INFRA}/same-namespace`, gatewayRequest({ host: 'shop.example', path: '/cart?id=1' }), 0);
    expect(d.rewritten).toEqual({ host: 'internal.example' });
    expect(d.responseHeaders).toEqual([
      { name: 'X-Served-By', value: 'gateway' },
      { name: 'Cache-Control', value: 'no-store' },
    ]);
    expect(d.reason).toEqual({
      key: 'explain.gateway.proxied',
      params: { route: `${INFRA}/r`, rule: 1, service: `${INFRA}/infra-backend-v1`, port: 8080, weight: 1, total: 1 },
    });
  });
});
