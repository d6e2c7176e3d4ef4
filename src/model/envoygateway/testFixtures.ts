// Gateway API objects for Envoy Gateway's tests, as the decoder would hand them over.

import { manifest } from '../cluster/testFixtures';
import type { Gateway, GatewayClass, Listener, Manifest } from '../manifest/types';
import { ENVOY_GATEWAY_CONTROLLER } from './naming';

export function gatewayClass(name = 'eg', controllerName = ENVOY_GATEWAY_CONTROLLER): Manifest<GatewayClass> {
  return manifest({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name }, spec: { controllerName } });
}

export function gateway(name: string, listeners: Partial<Listener>[], namespace = 'default', className = 'eg'): Manifest<Gateway> {
  return manifest({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name, namespace },
    spec: {
      gatewayClassName: className,
      listeners: listeners.map((l, i) => ({ name: `l${i}`, port: 80, protocol: 'HTTP', ...l })),
    },
  });
}
