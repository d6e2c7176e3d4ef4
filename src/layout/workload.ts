// Which workload a pod belongs to, read from its ownerReferences the way kubectl does.

import type { Pod } from '../model';

export function workloadOf(pod: Pod): string {
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller) ?? pod.metadata.ownerReferences?.[0];
  if (!owner) return pod.metadata.name;
  // A Deployment's pods are owned by a ReplicaSet named `<deployment>-<pod-template-hash>`.
  const hash = pod.metadata.labels?.['pod-template-hash'];
  if (owner.kind === 'ReplicaSet' && hash && owner.name.endsWith(`-${hash}`)) {
    return owner.name.slice(0, -hash.length - 1);
  }
  return owner.name;
}
