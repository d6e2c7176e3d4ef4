import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GatewayView } from '../gateway/types';
import type { Gateway, HTTPRoute, Listener } from '../manifest/types';
import { deriveModel } from '../model';
import { envoyConfig } from './configDump';

const dir = new URL('./testdata/', import.meta.url);
const model = deriveModel([{ name: 'two-routes.yaml', text: readFileSync(new URL('two-routes.yaml', dir), 'utf8') }]);
const index = { services: model.state.services, endpointSlices: model.state.endpointSlices, grants: [] };

function route(name: string, created: string, rules: NonNullable<HTTPRoute['spec']['rules']>): HTTPRoute {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name, namespace: 'default', creationTimestamp: created },
    spec: { parentRefs: [{ name: 'eg' }], hostnames: ['www.example.com'], rules },
  };
}

// `web` is older than `backend`: where their paths tie, its routes come first.
const web = route('web', '2026-01-01T00:00:00Z', [
  { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'web', port: 80 }] },
  {
    matches: [{ path: { type: 'PathPrefix', value: '/old' } }],
    filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }],
  },
]);
const backend = route('backend', '2026-02-01T00:00:00Z', [
  {
    matches: [{ path: { type: 'PathPrefix', value: '/api/' } }],
    filters: [
      { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } },
      { type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'Cache-Control', value: 'no-store' }] } },
    ],
    backendRefs: [
      { name: 'api', port: 8080, weight: 90 },
      { name: 'api-canary', port: 8080, weight: 10 },
    ],
  },
  { matches: [{ path: { type: 'Exact', value: '/login' }, method: 'POST' }], backendRefs: [{ name: 'missing', port: 80 }] },
]);

function view(listeners: Listener[], attached: Record<string, string[]>): GatewayView {
  const gateway: Gateway = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'eg', namespace: 'default' },
    spec: { gatewayClassName: 'eg', listeners },
  };
  return {
    key: 'default/eg',
    gateway,
    controllerName: 'gateway.envoyproxy.io/gatewayclass-controller',
    listeners: listeners.map((listener) => ({
      listener,
      ready: true,
      routes: (attached[listener.name] ?? []).map((r) => ({ route: r, hostnames: [listener.hostname ?? 'www.example.com'] })),
    })),
  };
}

describe('envoyConfig', () => {
  it('one Gateway, two routes: the listener, the route table in Envoy Gateway order, clusters of pod IPs', () => {
    const config = envoyConfig(
      { routes: [backend, web] },
      view([{ name: 'http', port: 80, protocol: 'HTTP' }], { http: ['default/backend', 'default/web'] }),
      index,
    );
    if (process.env.UPDATE_GOLDEN) writeFileSync(new URL('two-routes.envoy.json', dir), JSON.stringify(config, null, 2) + '\n');
    const golden = JSON.parse(readFileSync(new URL('two-routes.envoy.json', dir), 'utf8'));
    expect(config).toEqual(golden);
  });

  it('shares one Envoy listener and route configuration among HTTP listeners on a port; HTTPS gets its own', () => {
    const config = envoyConfig(
      { routes: [web] },
      view(
        [
          { name: 'a', port: 80, protocol: 'HTTP', hostname: 'a.example.com' },
          { name: 'b', port: 80, protocol: 'HTTP', hostname: 'b.example.com' },
          { name: 'tls', port: 443, protocol: 'HTTPS' },
        ],
        { a: ['default/web'], b: ['default/web'], tls: ['default/web'] },
      ),
      index,
    );
    expect(config.listeners).toEqual([
      { name: 'default/eg/a', address: '0.0.0.0:10080', routeConfigs: ['default/eg/a'] },
      { name: 'default/eg/tls', address: '0.0.0.0:10443', routeConfigs: ['default/eg/tls'] },
    ]);
    expect(config.routeConfigs.map((c) => [c.name, c.virtualHosts.map((v) => v.name)])).toEqual([
      ['default/eg/a', ['default/eg/a/a_example_com', 'default/eg/b/b_example_com']],
      ['default/eg/tls', ['default/eg/tls/www_example_com']],
    ]);
    expect(config.clusters.map((c) => c.name)).toEqual(['httproute/default/web/rule/0']);
  });
});
