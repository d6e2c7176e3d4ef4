// ingress-nginx as a cluster component: the objects its static deploy.yaml (controller v1.15.1,
// deploy/static/provider/cloud and .../baremetal) creates that matter to a packet: the namespace,
// the controller Deployment (ports http 80, https 443, webhook 8443), its Services and the
// IngressClass `nginx`. RBAC, the ConfigMap, the admission Jobs and webhook config are left out.

import type { Deployment, IngressClass, KubeObject, Labels, Namespace, Service } from '../manifest/types';
import { DEFAULT_CONTROLLER_OPTIONS, INGRESS_NGINX_VERSION } from './controllerOptions';

export const INGRESS_NGINX_NAMESPACE = 'ingress-nginx';
export const CONTROLLER_NAME = 'ingress-nginx-controller';

export interface IngressNginxConfig {
  /** LoadBalancer (the cloud manifest; MetalLB gives it an IP) or NodePort (the bare-metal manifest). */
  serviceType: 'LoadBalancer' | 'NodePort';
  /** Marks the IngressClass `nginx` as the cluster default (the Helm chart's ingressClassResource.default). */
  defaultClass?: boolean;
}

const VERSION = INGRESS_NGINX_VERSION.slice(1);
const SELECTOR: Labels = {
  'app.kubernetes.io/component': 'controller',
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/name': 'ingress-nginx',
};
const LABELS: Labels = { ...SELECTOR, 'app.kubernetes.io/part-of': 'ingress-nginx', 'app.kubernetes.io/version': VERSION };

function controllerService(type: IngressNginxConfig['serviceType']): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: CONTROLLER_NAME, namespace: INGRESS_NGINX_NAMESPACE, labels: { ...LABELS } },
    spec: {
      type,
      // The cloud manifest keeps client source IPs: only nodes running the controller answer.
      ...(type === 'LoadBalancer' ? { externalTrafficPolicy: 'Local' as const } : {}),
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      sessionAffinity: 'None',
      selector: { ...SELECTOR },
      ports: [
        { name: 'http', protocol: 'TCP', port: 80, targetPort: 'http', appProtocol: 'http' },
        { name: 'https', protocol: 'TCP', port: 443, targetPort: 'https', appProtocol: 'https' },
      ],
    },
    status: { loadBalancer: {} },
  };
}

function admissionService(): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `${CONTROLLER_NAME}-admission`, namespace: INGRESS_NGINX_NAMESPACE, labels: { ...LABELS } },
    spec: {
      type: 'ClusterIP',
      sessionAffinity: 'None',
      selector: { ...SELECTOR },
      ports: [{ name: 'https-webhook', protocol: 'TCP', port: 443, targetPort: 'webhook', appProtocol: 'https' }],
    },
    status: { loadBalancer: {} },
  };
}

function controllerDeployment(): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: CONTROLLER_NAME, namespace: INGRESS_NGINX_NAMESPACE, labels: { ...LABELS } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { ...SELECTOR } },
      template: {
        metadata: { labels: { ...LABELS } },
        spec: {
          dnsPolicy: 'ClusterFirst',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          containers: [
            {
              name: 'controller',
              image: `registry.k8s.io/ingress-nginx/controller:${INGRESS_NGINX_VERSION}`,
              args: [
                '/nginx-ingress-controller',
                `--publish-service=$(POD_NAMESPACE)/${CONTROLLER_NAME}`,
                '--election-id=ingress-nginx-leader',
                '--controller-class=k8s.io/ingress-nginx',
                '--ingress-class=nginx',
                `--configmap=$(POD_NAMESPACE)/${CONTROLLER_NAME}`,
                '--validating-webhook=:8443',
                '--validating-webhook-certificate=/usr/local/certificates/cert',
                '--validating-webhook-key=/usr/local/certificates/key',
              ],
              ports: [
                { name: 'http', containerPort: 80, protocol: 'TCP' },
                { name: 'https', containerPort: 443, protocol: 'TCP' },
                { name: 'webhook', containerPort: 8443, protocol: 'TCP' },
              ],
              readinessProbe: { httpGet: { path: '/healthz', port: 10254 } },
            },
          ],
        },
      },
    },
  };
}

function ingressClass(isDefault: boolean): IngressClass {
  const annotations = isDefault ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {};
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name: 'nginx', labels: { ...LABELS }, ...annotations },
    spec: { controller: 'k8s.io/ingress-nginx' },
  };
}

/** Fresh objects each call, in the order the manifest applies them. */
export function ingressNginxObjects(config: IngressNginxConfig): KubeObject[] {
  const namespace: Namespace = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: INGRESS_NGINX_NAMESPACE,
      labels: {
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/name': 'ingress-nginx',
        'kubernetes.io/metadata.name': INGRESS_NGINX_NAMESPACE,
      },
    },
  };
  return [
    namespace,
    controllerService(config.serviceType),
    admissionService(),
    controllerDeployment(),
    ingressClass(config.defaultClass ?? false),
  ];
}

/**
 * Whether `object` installs the controller: an Ingress (the controller comes with the first), an
 * IngressClass of ingress-nginx, or the controller Deployment of its deploy manifest. Installed, it
 * answers what no Ingress claims with its default server's 404.
 */
export function bringsIngressNginx(object: KubeObject): boolean {
  if (object.kind === 'Ingress') return true;
  if (object.kind === 'IngressClass') return (object as IngressClass).spec?.controller === DEFAULT_CONTROLLER_OPTIONS.controllerClass;
  return object.kind === 'Deployment' && object.metadata.name === CONTROLLER_NAME && object.metadata.namespace === INGRESS_NGINX_NAMESPACE;
}
