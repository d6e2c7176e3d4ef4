// The objects every fresh kubeadm v1.33 + flannel v0.26 cluster already has, before the learner applies anything.

import { nowhere, type SourceRef } from '../diagnostics';
import type { DaemonSet, Deployment, KubeObject, Namespace, Service } from '../manifest/types';
import { nthAddress } from '../net';
import type { SystemWorkloads } from './dumpBuiltins';
import type { ClusterConfig } from './types';

/** Where built-in and defaulted objects "come from": no file. */
export const NO_SOURCE: SourceRef = { file: '', pos: nowhere(), at: () => nowhere() };

export const CONTROL_PLANE_ROLE = 'node-role.kubernetes.io/control-plane';

function namespace(name: string, labels: Record<string, string> = {}): Namespace {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } } };
}

/** The API server's own Service takes the first address of the service range. */
function kubernetesService(config: ClusterConfig): Service {
  const ip = nthAddress(config.serviceCIDR, 1);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: ip,
      clusterIPs: [ip],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      sessionAffinity: 'None',
      ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 6443 }],
    },
    status: { loadBalancer: {} },
  };
}

function kubeDnsService(config: ClusterConfig): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: config.dnsServiceIP,
      clusterIPs: [config.dnsServiceIP],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      sessionAffinity: 'None',
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 },
        { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
        { name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153 },
      ],
    },
    status: { loadBalancer: {} },
  };
}

function coreDns(): Deployment {
  const labels = { 'k8s-app': 'kube-dns' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { ...labels } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { ...labels } },
      template: {
        metadata: { labels: { ...labels } },
        spec: {
          dnsPolicy: 'Default',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: CONTROL_PLANE_ROLE, effect: 'NoSchedule' },
          ],
          containers: [
            {
              name: 'coredns',
              image: 'registry.k8s.io/coredns/coredns:v1.12.1',
              args: ['-conf', '/etc/coredns/Corefile'],
              ports: [
                { name: 'dns', containerPort: 53, protocol: 'UDP' },
                { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
                { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
              ],
              readinessProbe: { httpGet: { path: '/ready', port: 8181 } },
            },
          ],
        },
      },
    },
  };
}

function kubeProxy(): DaemonSet {
  const labels = { 'k8s-app': 'kube-proxy' };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { ...labels } },
    spec: {
      selector: { matchLabels: { ...labels } },
      template: {
        metadata: { labels: { ...labels } },
        spec: {
          hostNetwork: true,
          dnsPolicy: 'ClusterFirst',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [{ operator: 'Exists' }],
          containers: [
            {
              name: 'kube-proxy',
              image: 'registry.k8s.io/kube-proxy:v1.33.1',
              command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
            },
          ],
        },
      },
    },
  };
}

function flannel(): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-flannel-ds', namespace: 'kube-flannel', labels: { tier: 'node', app: 'flannel', 'k8s-app': 'flannel' } },
    spec: {
      selector: { matchLabels: { app: 'flannel' } },
      template: {
        metadata: { labels: { tier: 'node', app: 'flannel' } },
        spec: {
          hostNetwork: true,
          dnsPolicy: 'ClusterFirst',
          tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }],
          containers: [
            {
              name: 'kube-flannel',
              image: 'ghcr.io/flannel-io/flannel:v0.26.7',
              command: ['/opt/bin/flanneld'],
              args: ['--ip-masq', '--kube-subnet-mgr'],
            },
          ],
        },
      },
    },
  };
}

/**
 * Fresh objects each call: the reconciler fills them in place. `system` leaves out the DaemonSets
 * (and flannel's namespace) a pasted cluster shows it does not run (dumpBuiltins.ts).
 */
export function builtinObjects(config: ClusterConfig, system: SystemWorkloads = { kubeProxy: true, flannel: true }): KubeObject[] {
  return [
    namespace('default'),
    namespace('kube-system'),
    namespace('kube-public'),
    namespace('kube-node-lease'),
    ...(system.flannel ? [namespace('kube-flannel', { 'k8s-app': 'flannel', 'pod-security.kubernetes.io/enforce': 'privileged' })] : []),
    kubernetesService(config),
    kubeDnsService(config),
    coreDns(),
    ...(system.kubeProxy ? [kubeProxy()] : []),
    ...(system.flannel ? [flannel()] : []),
  ];
}
