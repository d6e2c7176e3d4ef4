import { describe, expect, it } from 'vitest';
import { reconcile } from '../cluster/reconcile';
import type { ConfigMap, Deployment, Manifest, MetalLBObject, Service } from '../manifest/types';
import { parseManifests } from '../manifest/parse';
import { runMetalLB } from '../metallb';
import { envoyGatewayObjects } from './objects';
import { gateway, gatewayClass } from './testFixtures';

const POOL =
  'apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: lan, namespace: metallb-system}\nspec: {addresses: [192.168.1.240/28]}\n---\n' +
  'apiVersion: metallb.io/v1beta1\nkind: L2Advertisement\nmetadata: {name: lan, namespace: metallb-system}\n';

const kinds = (manifests: Manifest[]) => envoyGatewayObjects(manifests, { serviceType: 'LoadBalancer' }).map((a) => a.object);

describe('envoyGatewayObjects', () => {
  it('installs nothing without a GatewayClass naming Envoy Gateway, nor for a Gateway of another class', () => {
    expect(kinds([gatewayClass('other', 'example.com/gateway'), gateway('eg', [{}], 'default', 'other')])).toEqual([]);
    const objects = kinds([gatewayClass(), gateway('eg', [{}]), gateway('theirs', [{}], 'default', 'other')]);
    expect(objects.map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual([
      'Namespace/envoy-gateway-system',
      'Service/envoy-gateway',
      'Deployment/envoy-gateway',
      'Service/envoy-default-eg-e41e7b31',
      'Deployment/envoy-default-eg-e41e7b31',
    ]);
  });

  it("gives the proxy Envoy Gateway's labels, one Service port per listener port aimed at Envoy's unprivileged port", () => {
    const objects = kinds([
      gatewayClass(),
      gateway('eg', [
        { name: 'http', port: 80, protocol: 'HTTP' },
        { name: 'http-foo', port: 80, protocol: 'HTTP', hostname: 'foo.example.com' },
        { name: 'https', port: 443, protocol: 'HTTPS' },
        { name: 'alt', port: 8080, protocol: 'HTTP' },
      ]),
    ]);
    const svc = objects.find((o): o is Service => o.kind === 'Service' && o.metadata.name.startsWith('envoy-default'))!;
    const labels = {
      'app.kubernetes.io/name': 'envoy',
      'app.kubernetes.io/component': 'proxy',
      'app.kubernetes.io/managed-by': 'envoy-gateway',
      'gateway.envoyproxy.io/owning-gateway-name': 'eg',
      'gateway.envoyproxy.io/owning-gateway-namespace': 'default',
    };
    expect(svc.metadata).toMatchObject({ namespace: 'envoy-gateway-system', labels });
    expect(svc.spec).toMatchObject({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', selector: labels });
    expect(svc.spec.ports.map((p) => `${p.name} ${p.port}->${p.targetPort}`)).toEqual([
      'http-80 80->10080',
      'https-443 443->10443',
      'http-8080 8080->8080',
    ]);
    const deploy = objects.find((o): o is Deployment => o.kind === 'Deployment' && o.metadata.name === svc.metadata.name)!;
    expect(deploy.spec.selector.matchLabels).toEqual(labels);
    expect(deploy.spec.template.spec.containers[0].image).toBe('docker.io/envoyproxy/envoy:distroless-v1.39.0');
  });

  it('reconciles into scheduled Envoy pods with IPs in the EndpointSlice, and MetalLB gives the Service an address from the pool', () => {
    const parsed = parseManifests([{ name: 'pool.yaml', text: POOL }]);
    const addons = kinds([gatewayClass(), gateway('eg', [{ name: 'http', port: 80 }])]);
    const state = reconcile([...parsed.manifests], { addons });
    const envoy = state.pods.filter((p) => p.metadata.labels?.['gateway.envoyproxy.io/owning-gateway-name'] === 'eg');
    expect(envoy).toHaveLength(1);
    expect(envoy[0].metadata.name).toMatch(/^envoy-default-eg-e41e7b31-[a-z0-9]+-[a-z0-9]{5}$/);
    expect(envoy[0].spec.nodeName).toBeTruthy();
    const slice = state.endpointSlices.find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'envoy-default-eg-e41e7b31')!;
    expect(slice.endpoints.map((e) => e.addresses[0])).toEqual([envoy[0].status.podIP]);
    expect(slice.ports?.map((p) => p.port)).toEqual([10080]);
    const lb = runMetalLB({
      services: state.services,
      nodes: state.nodes,
      endpointSlices: state.endpointSlices,
      hosts: state.hosts,
      objects: parsed.manifests.filter((m): m is Manifest<MetalLBObject | ConfigMap> => m.object.kind !== 'Service'),
    });
    const svc = lb.services.find((s) => s.metadata.name === 'envoy-default-eg-e41e7b31')!;
    expect(svc.status.loadBalancer.ingress).toEqual([{ ip: '192.168.1.240', ipMode: 'VIP' }]);
    expect(svc.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
  });
});
