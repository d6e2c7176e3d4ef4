// The model reads each Gateway's addresses from the Service Envoy Gateway makes for it.

import { describe, expect, it } from 'vitest';
import type { Node, Service } from '../manifest/types';
import { OWNING_GATEWAY_NAME, OWNING_GATEWAY_NAMESPACE } from '../envoygateway/naming';
import { gatewayApiOf } from './fromCluster';
import { backend, BASE, INFRA, objects } from './testFixtures';

function envoyService(ip: string | undefined, type: Service['spec']['type'] = 'LoadBalancer'): Service {
  const s = backend('envoy-gateway-conformance-infra-same-namespace-1a2b3c4d', 'envoy-gateway-system', 80);
  s.spec.type = type;
  s.metadata.labels = { [OWNING_GATEWAY_NAME]: 'same-namespace', [OWNING_GATEWAY_NAMESPACE]: INFRA };
  if (ip) s.status.loadBalancer.ingress = [{ ip }];
  return s;
}

describe('gatewayApiOf', () => {
  it('gives the Gateway the IP MetalLB gave its Envoy Service, and Programmed', () => {
    const model = gatewayApiOf(objects(BASE), { services: [envoyService('192.168.1.240')], namespaces: [] })!;
    const gw = model.gateways[0]!.gateway;
    expect(gw.status!.addresses).toEqual([{ type: 'IPAddress', value: '192.168.1.240' }]);
    expect(gw.status!.conditions!.find((c) => c.type === 'Programmed')!.status).toBe('True');
  });
  it('leaves the Gateway not Programmed while its LoadBalancer Service has no IP', () => {
    const gw = gatewayApiOf(objects(BASE), { services: [envoyService(undefined)], namespaces: [] })!.gateways[0]!.gateway;
    expect(gw.status!.addresses).toBeUndefined();
    expect(gw.status!.conditions!.find((c) => c.type === 'Programmed')).toMatchObject({ status: 'False', reason: 'AddressNotAssigned' });
  });
  it("gives a Gateway behind a NodePort Service every node's address, ExternalIP before InternalIP, as Envoy Gateway does", () => {
    const node = (name: string, addresses: Node['status']['addresses']): Node => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name },
      spec: {},
      status: { addresses },
    });
    const nodes = [
      node('a', [{ type: 'InternalIP', address: '192.168.1.11' }]),
      node('b', [
        { type: 'InternalIP', address: '192.168.1.12' },
        { type: 'ExternalIP', address: '203.0.113.12' },
      ]),
    ];
    const gw = gatewayApiOf(objects(BASE), { services: [envoyService(undefined, 'NodePort')], namespaces: [], nodes })!.gateways[0]!
      .gateway;
    expect(gw.status!.addresses!.map((a) => a.value)).toEqual(['192.168.1.11', '203.0.113.12']);
    expect(gw.status!.conditions!.find((c) => c.type === 'Programmed')!.status).toBe('True');
  });
  it('is not built when the paste has no Gateway API object', () => {
    expect(gatewayApiOf(objects(`apiVersion: v1\nkind: Namespace\nmetadata: {name: a}`), { services: [], namespaces: [] })).toBeUndefined();
  });
});
