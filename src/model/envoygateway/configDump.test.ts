import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GatewayView } from '../gateway/types';
import type { Gateway, HTTPRoute, Listener } from '../manifest/types';
import { deriveModel } from '../model';
import { envoyConfig, envoyConfigs } from './configDump';

const dir = new URL('./testdata/', import.meta.url);
const model = deriveModel([{ name: 'two-routes.yaml', text: readFileSync(new URL('two-routes.yaml', dir), 'utf8') }]);
const index = { services: model.state.services, endpointSlices: model.state.endpointSlices };

describe('envoyConfig', () => {
  it('one Gateway, two routes: the listener, the route table in Envoy Gateway order, clusters of pod IPs', () => {
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const configs = envoyConfigs(model.gatewayApi!, index);
    expect(configs).toHaveLength(1);
    if (process.env.UPDATE_GOLDEN) writeFileSync(new URL('two-routes.envoy.json', dir), JSON.stringify(configs[0], null, 2) + '\n');
    expect(configs[0]).toEqual(JSON.parse(readFileSync(new URL('two-routes.envoy.json', dir), 'utf8')));
  });

  it('shares one Envoy listener and route configuration among HTTP listeners on a port; HTTPS gets its own', () => {
    const web = model.gatewayApi!.routes.find((r) => r.metadata.name === 'web') as HTTPRoute;
    const listeners: Listener[] = [
      { name: 'a', port: 80, protocol: 'HTTP', hostname: 'a.example.com' },
      { name: 'b', port: 80, protocol: 'HTTP', hostname: 'b.example.com' },
      { name: 'tls', port: 443, protocol: 'HTTPS' },
    ];
    const gateway: Gateway = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'eg', namespace: 'default' },
      spec: { gatewayClassName: 'eg', listeners },
    };
    const view: GatewayView = {
      key: 'default/eg',
      gateway,
      controllerName: 'gateway.envoyproxy.io/gatewayclass-controller',
      listeners: listeners.map((listener) => ({
        listener,
        ready: true,
        routes: [{ route: 'default/web', hostnames: [listener.hostname ?? 'www.example.com'] }],
      })),
    };
    const config = envoyConfig({ routes: [web], backends: { 'default/web': model.gatewayApi!.backends['default/web']! } }, view, index);
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
