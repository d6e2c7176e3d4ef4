// The spec's precedence rules (apis/v1/httproute_types.go, HTTPRouteRule) and path-element prefixes,
// each shown by which backend a request reaches.

import { describe, expect, it } from 'vitest';
import { INFRA, modelOf, verdict } from './testFixtures';

const route = (name: string, created: string, rules: string, hostnames = '') => `
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: ${INFRA}, creationTimestamp: "${created}"}
spec:
  parentRefs: [{name: same-namespace}]${hostnames}
  rules:
${rules}`;
const to = (backend: string, match: string) => `  - matches: [${match}]\n    backendRefs: [{name: infra-backend-${backend}, port: 8080}]`;

describe('HTTPRouteRule precedence across routes (httproute_types.go)', () => {
  it('prefers an Exact path over any prefix, and the longest prefix', () => {
    const model = modelOf(
      route(
        'a',
        '2026-01-01T00:00:00Z',
        [to('v1', '{path: {type: PathPrefix, value: /shop}}'), to('v2', '{path: {type: Exact, value: /shop/cart}}')].join('\n'),
      ) + route('b', '2026-01-01T00:00:00Z', to('v3', '{path: {type: PathPrefix, value: /shop/cart}}')),
    );
    expect(verdict(model, 'same-namespace', { path: '/shop/cart' })).toBe('infra-backend-v2');
    expect(verdict(model, 'same-namespace', { path: '/shop/cart/1' })).toBe('infra-backend-v3');
    expect(verdict(model, 'same-namespace', { path: '/shop/cartoon' })).toBe('infra-backend-v1');
  });

  it('breaks a tie by the oldest route, then by namespace/name', () => {
    const same = '{path: {type: PathPrefix, value: /}}';
    const older = modelOf(route('zeta', '2025-01-01T00:00:00Z', to('v1', same)) + route('alpha', '2026-01-01T00:00:00Z', to('v2', same)));
    expect(verdict(older, 'same-namespace', { path: '/' })).toBe('infra-backend-v1');
    const sameAge = modelOf(route('zeta', '2026-01-01T00:00:00Z', to('v1', same)) + route('alpha', '2026-01-01T00:00:00Z', to('v2', same)));
    expect(verdict(sameAge, 'same-namespace', { path: '/' })).toBe('infra-backend-v2');
  });

  it('serves the most specific hostname first: a wildcard route does not take what an exact-host route names', () => {
    const model = modelOf(
      route('wild', '2025-01-01T00:00:00Z', to('v1', '{path: {type: PathPrefix, value: /}}'), '\n  hostnames: ["*.example.com"]') +
        route('exact', '2026-01-01T00:00:00Z', to('v2', '{path: {type: PathPrefix, value: /api}}'), '\n  hostnames: [foo.example.com]'),
    );
    expect(verdict(model, 'same-namespace', { host: 'foo.example.com', path: '/api/x' })).toBe('infra-backend-v2');
    expect(verdict(model, 'same-namespace', { host: 'bar.example.com', path: '/api/x' })).toBe('infra-backend-v1');
    expect(verdict(model, 'same-namespace', { host: 'a.b.example.com', path: '/' })).toBe('infra-backend-v1');
    // Envoy's virtual host for foo.example.com holds only the exact route: its other paths get 404.
    expect(verdict(model, 'same-namespace', { host: 'foo.example.com', path: '/' })).toBe(404);
    expect(verdict(model, 'same-namespace', { host: 'example.com', path: '/' })).toBe(404);
  });
});

describe('PathPrefix by path elements (HTTPPathMatch)', () => {
  const model = modelOf(
    route(
      'p',
      '2026-01-01T00:00:00Z',
      [to('v1', '{path: {type: PathPrefix, value: /foo/}}'), to('v2', '{path: {type: Exact, value: /}}')].join('\n'),
    ),
  );
  it.each([
    ['/foo', 'infra-backend-v1'],
    ['/foo/', 'infra-backend-v1'],
    ['/foo/bar', 'infra-backend-v1'],
    ['/foobar', 404],
    ['/', 'infra-backend-v2'],
    ['/bar', 404],
  ])('%s → %s', (path, want) => {
    expect(verdict(model, 'same-namespace', { path })).toBe(want);
  });
});
