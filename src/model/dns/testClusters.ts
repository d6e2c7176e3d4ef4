// Clusters for the DNS tests, derived from YAML exactly as the app derives them.

import type { ClusterState } from '../cluster/types';
import type { Pod } from '../manifest/types';
import { deriveModel } from '../model';
import { namespaceOf } from '../k8s';

export function clusterOf(...documents: string[]): ClusterState {
  const model = deriveModel([{ name: 'test.yaml', text: documents.join('\n---\n') }]);
  const problems = model.diagnostics.filter((d) => d.severity === 'error');
  if (problems.length) throw new Error(`test YAML: ${problems.map((d) => d.code).join(', ')}`);
  return model.state;
}

export function podOf(state: ClusterState, name: string, namespace = 'default'): Pod {
  const pod = state.pods.find((p) => p.metadata.name === name && namespaceOf(p) === namespace);
  if (!pod) throw new Error(`no pod ${namespace}/${name}`);
  return pod;
}

/** A pod to resolve names from; `spec` is YAML indented under `spec:`. */
export function clientPod(name = 'client', namespace = 'default', spec = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
${spec}  containers:
  - name: main
    image: busybox`;
}
