// Test helper: YAML through the real parser and reconciler, then MetalLB, as the app will run it.

import { reconcile } from '../cluster/reconcile';
import type { ConfigMap, Manifest, MetalLBObject } from '../manifest/types';
import { parseManifests } from '../manifest/parse';
import { lanSubnets, runMetalLB } from './runMetalLB';
import type { MetalLBResult } from './runMetalLB';
import { namespaceOf } from '../k8s';

const METALLB_KINDS = new Set(['IPAddressPool', 'L2Advertisement', 'BGPAdvertisement', 'BGPPeer', 'Community', 'ConfigMap']);

export interface Run extends MetalLBResult {
  parseDiagnostics: ReturnType<typeof parseManifests>['diagnostics'];
  /** The Service's first ingress IP, or `<pending>`. */
  ip(name: string, namespace?: string): string;
  /** Event messages for one Service as `Reason: params...`. */
  eventsOf(name: string, namespace?: string): { type: string; reason: string; params: Record<string, string | number> }[];
}

export function run(yaml: string, opts: { downNodes?: string[] } = {}): Run {
  const parsed = parseManifests([{ name: 'test.yaml', text: yaml }]);
  const state = reconcile(parsed.manifests);
  const objects = parsed.manifests.filter((m) => METALLB_KINDS.has(m.object.kind)) as Manifest<MetalLBObject | ConfigMap>[];
  const result = runMetalLB({
    services: state.services,
    nodes: state.nodes,
    endpointSlices: state.endpointSlices,
    namespaces: state.namespaces,
    hosts: state.hosts,
    objects,
    sources: state.sources,
    downNodes: opts.downNodes,
    lanSubnets: lanSubnets(state.config),
  });
  return {
    ...result,
    parseDiagnostics: parsed.diagnostics,
    ip(name, namespace = 'default') {
      const svc = result.services.find((s) => s.metadata.name === name && namespaceOf(s) === namespace);
      return svc?.status.loadBalancer.ingress?.[0]?.ip ?? '<pending>';
    },
    eventsOf(name, namespace = 'default') {
      return result.events
        .filter((e) => e.object === `Service/${namespace}/${name}`)
        .map((e) => ({ type: e.type, reason: e.reason, params: e.message.params }));
    },
  };
}

/** A pool in metallb-system with an L2Advertisement for it. */
export function l2Pool(name: string, addresses: string[], extra = ''): string {
  return `apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: {name: ${name}, namespace: metallb-system}
spec:
  addresses: [${addresses.join(', ')}]
${extra}---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata: {name: ${name}-l2, namespace: metallb-system}
spec: {ipAddressPools: [${name}]}
---
`;
}

/** A LoadBalancer Service (and a 1-replica Deployment behind it unless `backend` is false). */
export function lbService(
  name: string,
  opts: {
    ports?: string;
    annotations?: Record<string, string>;
    spec?: string;
    namespace?: string;
    labels?: Record<string, string>;
    backend?: boolean;
    replicas?: number;
  } = {},
): string {
  const ns = opts.namespace ?? 'default';
  const annotations = opts.annotations ? `\n  annotations: ${JSON.stringify(opts.annotations)}` : '';
  const labels = opts.labels ? `\n  labels: ${JSON.stringify(opts.labels)}` : '';
  const backend =
    opts.backend === false
      ? ''
      : `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  replicas: ${opts.replicas ?? 1}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]}
---
`;
  return `${backend}apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}${annotations}${labels}
spec:
  type: LoadBalancer
  selector: {app: ${name}}
  ports: ${opts.ports ?? '[{port: 80, targetPort: 80}]'}
${opts.spec ?? ''}---
`;
}
