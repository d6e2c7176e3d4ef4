// Builders for reconcile tests: manifests as the parser would hand them over, with a fake SourceRef.

import type { SourcePos, SourceRef } from '../diagnostics';
import type { Deployment, KubeObject, Manifest, Pod, PodSpec, Service, ServicePort } from '../manifest/types';

/** A SourceRef whose positions encode the object's index and the field path, so tests can check where a diagnostic points. */
export function fakeSource(file = 'test.yaml', line = 1): SourceRef {
  const pos = (l: number): SourcePos => ({ file, offset: 0, line: l, col: 1 });
  return { file, pos: pos(line), at: (path: string) => ({ ...pos(line), col: path.length + 1, file: `${file}#${path}` }) };
}

let nextLine = 1;

export function manifest<T extends KubeObject>(object: T, line = nextLine++): Manifest<T> {
  return { object, source: fakeSource('test.yaml', line) };
}

export function deployment(
  name: string,
  replicas: number,
  labels: Record<string, string>,
  spec: Partial<PodSpec> = {},
  namespace?: string,
): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: {
      replicas,
      selector: { matchLabels: { ...labels } },
      template: { metadata: { labels: { ...labels } }, spec: { containers: [{ name, image: `${name}:1` }], ...spec } },
    },
  };
}

export function service(
  name: string,
  selector: Record<string, string> | undefined,
  ports: Partial<ServicePort>[],
  spec: Partial<Service['spec']> = {},
): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'ClusterIP',
      sessionAffinity: 'None',
      ...(selector ? { selector } : {}),
      ports: ports.map((p) => ({ protocol: 'TCP', port: 80, targetPort: p.port ?? 80, ...p })),
      ...spec,
    },
    status: { loadBalancer: {} },
  };
}

export function pod(name: string, labels: Record<string, string>, spec: Partial<PodSpec> = {}, status: Pod['status'] = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels },
    spec: { containers: [{ name: 'main', image: 'busybox' }], ...spec },
    status,
  };
}

/** The seed article's example: `hostnames` (3 replicas, containerPort 9376) and its Service 80 -> 9376. */
export function hostnames(): Manifest[] {
  return [
    manifest(service('hostnames', { app: 'hostnames' }, [{ name: 'default', port: 80, targetPort: 9376 }])),
    manifest(
      deployment(
        'hostnames',
        3,
        { app: 'hostnames' },
        {
          containers: [{ name: 'hostnames', image: 'k8s.gcr.io/serve_hostname', ports: [{ containerPort: 9376, protocol: 'TCP' }] }],
        },
      ),
    ),
  ];
}
