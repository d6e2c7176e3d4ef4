// Envoy Gateway as a cluster component (v1.9.0): the controller as its Helm chart installs it
// (release `eg` in envoy-gateway-system) and, per Gateway of one of its GatewayClasses, the Envoy
// proxy Deployment and Service its infrastructure manager creates
// (internal/infrastructure/kubernetes/proxy/resource_provider.go with the default EnvoyProxy).
// RBAC, ServiceAccounts, ConfigMaps, the certgen Job and the shutdown-manager sidecar carry no
// packets and are left out.

import type { Deployment, Gateway, GatewayClass, KubeObject, Labels, Manifest, Namespace, Service, ServicePort } from '../manifest/types';
import type { SourceRef } from '../diagnostics';
import {
  ENVOY_GATEWAY_CONTROLLER,
  ENVOY_GATEWAY_NAMESPACE,
  ENVOY_GATEWAY_VERSION,
  OWNING_GATEWAY_NAME,
  OWNING_GATEWAY_NAMESPACE,
  containerPort,
  proxyName,
  servicePortName,
} from './naming';

export interface EnvoyGatewayConfig {
  /** LoadBalancer (MetalLB gives it an address) when a pool exists, else NodePort (see the README). */
  serviceType: 'LoadBalancer' | 'NodePort';
}

export const ENVOY_PROXY_IMAGE = 'docker.io/envoyproxy/envoy:distroless-v1.39.0';
const CONTROLLER = 'envoy-gateway';
const CONTROLLER_SELECTOR: Labels = {
  'control-plane': CONTROLLER,
  'app.kubernetes.io/name': 'gateway-helm',
  'app.kubernetes.io/instance': 'eg',
};
// The chart's ports: xDS to the proxies, rate limit, Wasm modules, metrics, the topology webhook.
const CONTROLLER_PORTS: [string, number][] = [
  ['grpc', 18000],
  ['ratelimit', 18001],
  ['wasm', 18002],
  ['metrics', 19001],
  ['webhook', 9443],
];

/** The labels on every object of one Gateway's proxy; its Service selects its pods by all of them. */
export function proxyLabels(gateway: { namespace: string; name: string }): Labels {
  return {
    'app.kubernetes.io/name': 'envoy',
    'app.kubernetes.io/component': 'proxy',
    'app.kubernetes.io/managed-by': 'envoy-gateway',
    [OWNING_GATEWAY_NAME]: gateway.name,
    [OWNING_GATEWAY_NAMESPACE]: gateway.namespace,
  };
}

/** Whether `object` installs Envoy Gateway: a GatewayClass naming its controller. */
export function bringsEnvoyGateway(object: KubeObject): boolean {
  return object.kind === 'GatewayClass' && (object as GatewayClass).spec?.controllerName === ENVOY_GATEWAY_CONTROLLER;
}

/** One Service port per distinct listener port and layer-4 protocol, first listener's protocol naming it. */
function proxyPorts(gateway: Gateway): ServicePort[] {
  const ports: ServicePort[] = [];
  for (const l of gateway.spec.listeners ?? []) {
    const protocol = l.protocol === 'UDP' ? 'UDP' : 'TCP';
    if (ports.some((p) => p.port === l.port && p.protocol === protocol)) continue;
    ports.push({ name: servicePortName(l.protocol, l.port), protocol, port: l.port, targetPort: containerPort(l.port) });
  }
  return ports;
}

function proxyService(gateway: Gateway, type: EnvoyGatewayConfig['serviceType']): Service {
  const ns = gateway.metadata.namespace ?? 'default';
  const labels = proxyLabels({ namespace: ns, name: gateway.metadata.name });
  // Addresses the Gateway asks for become the Service's externalIPs.
  const asked = (gateway.spec.addresses ?? []).flatMap((a) => ((a.type ?? 'IPAddress') === 'IPAddress' && a.value ? [a.value] : []));
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: proxyName(ns, gateway.metadata.name), namespace: ENVOY_GATEWAY_NAMESPACE, labels: { ...labels } },
    spec: {
      type,
      // The EnvoyProxy default keeps client source IPs: only nodes running an Envoy pod answer.
      externalTrafficPolicy: 'Local',
      sessionAffinity: 'None',
      selector: { ...labels },
      ports: proxyPorts(gateway),
      ...(asked.length ? { externalIPs: asked } : {}),
    },
    status: { loadBalancer: {} },
  };
}

function proxyDeployment(gateway: Gateway): Deployment {
  const ns = gateway.metadata.namespace ?? 'default';
  const labels = proxyLabels({ namespace: ns, name: gateway.metadata.name });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: proxyName(ns, gateway.metadata.name), namespace: ENVOY_GATEWAY_NAMESPACE, labels: { ...labels } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { ...labels } },
      template: {
        metadata: { labels: { ...labels } },
        spec: {
          containers: [
            {
              name: 'envoy',
              image: ENVOY_PROXY_IMAGE,
              // Listener ports are not declared: the Service targets them by number.
              ports: [
                { name: 'metrics', containerPort: 19001, protocol: 'TCP' },
                { name: 'readiness', containerPort: 19003, protocol: 'TCP' },
              ],
              readinessProbe: { httpGet: { path: '/ready', port: 19003 } },
            },
          ],
        },
      },
    },
  };
}

function controllerObjects(): KubeObject[] {
  const labels = { ...CONTROLLER_SELECTOR, 'app.kubernetes.io/version': ENVOY_GATEWAY_VERSION, 'app.kubernetes.io/managed-by': 'Helm' };
  const namespace: Namespace = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ENVOY_GATEWAY_NAMESPACE, labels: { 'kubernetes.io/metadata.name': ENVOY_GATEWAY_NAMESPACE } },
  };
  const service: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: CONTROLLER, namespace: ENVOY_GATEWAY_NAMESPACE, labels: { ...labels } },
    spec: {
      type: 'ClusterIP',
      sessionAffinity: 'None',
      selector: { ...CONTROLLER_SELECTOR },
      ports: CONTROLLER_PORTS.map(([name, port]) => ({ name, protocol: 'TCP' as const, port, targetPort: port })),
    },
    status: { loadBalancer: {} },
  };
  const deployment: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: CONTROLLER, namespace: ENVOY_GATEWAY_NAMESPACE, labels: { ...labels } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { ...CONTROLLER_SELECTOR } },
      template: {
        metadata: { labels: { ...CONTROLLER_SELECTOR } },
        spec: {
          containers: [
            {
              name: CONTROLLER,
              image: `docker.io/envoyproxy/gateway:${ENVOY_GATEWAY_VERSION}`,
              args: ['server', '--config-path=/config/envoy-gateway.yaml'],
              ports: CONTROLLER_PORTS.map(([name, port]) => ({ name, containerPort: port, protocol: 'TCP' as const })),
              readinessProbe: { httpGet: { path: '/readyz', port: 8081 } },
            },
          ],
        },
      },
    },
  };
  return [namespace, service, deployment];
}

/**
 * Fresh objects each call: nothing unless a GatewayClass names Envoy Gateway's controller; then
 * the controller (its messages point at that GatewayClass), and a proxy Deployment and Service for
 * each Gateway of such a class (theirs point at the Gateway).
 */
export function envoyGatewayObjects(manifests: Manifest[], config: EnvoyGatewayConfig): { object: KubeObject; source: SourceRef }[] {
  const classes = manifests.filter((m) => bringsEnvoyGateway(m.object));
  if (classes.length === 0) return [];
  const ours = new Set(classes.map((m) => m.object.metadata?.name));
  const served = manifests.filter(
    (m): m is Manifest<Gateway> => m.object.kind === 'Gateway' && ours.has((m.object as Gateway).spec?.gatewayClassName),
  );
  return [
    ...controllerObjects().map((object) => ({ object, source: classes[0].source })),
    ...served.flatMap((m) =>
      [proxyService(m.object, config.serviceType), proxyDeployment(m.object)].map((object) => ({ object, source: m.source })),
    ),
  ];
}
