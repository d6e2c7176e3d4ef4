// Test helper: YAML text -> the controller's model, through the real parser and reconciler.

import { reconcile } from '../cluster/reconcile';
import { parseManifests } from '../manifest/parse';
import type { Ingress, IngressClass, Manifest } from '../manifest/types';
import { buildIngressModel } from './buildModel';
import { ingressNginxObjects } from './controller';
import type { ControllerOptions, IngressModel } from './types';

export function modelFrom(
  yaml: string,
  options: Partial<ControllerOptions> = {},
  defaultClass = false,
): IngressModel & { parseDiagnostics: ReturnType<typeof parseManifests>['diagnostics'] } {
  const parsed = parseManifests([{ name: 'test.yaml', text: yaml }]);
  const state = reconcile(parsed.manifests);
  const ingresses = parsed.manifests.filter((m): m is Manifest<Ingress> => m.object.kind === 'Ingress');
  const builtinClass = ingressNginxObjects({ serviceType: 'NodePort', defaultClass }).filter(
    (o): o is IngressClass => o.kind === 'IngressClass',
  );
  const classes = [...builtinClass, ...parsed.manifests.map((m) => m.object).filter((o): o is IngressClass => o.kind === 'IngressClass')];
  const model = buildIngressModel({ ingresses, classes, services: state.services, endpointSlices: state.endpointSlices, options });
  return { ...model, parseDiagnostics: parsed.diagnostics };
}

/** A Deployment with `replicas` pods labelled app=NAME and a Service NAME port 80 -> 8080. */
export function app(name: string, replicas = 2, namespace = 'default'): string {
  return `
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  selector: {app: ${name}}
  ports: [{name: http, port: 80, targetPort: 8080}]
---`;
}
