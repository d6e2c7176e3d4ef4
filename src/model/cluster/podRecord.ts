// A pod on its way through the controllers, the scheduler and the CNI.

import type { SourceRef } from '../diagnostics';
import type { Pod } from '../manifest/types';
import type { Origin } from './types';

/** The object the learner (or the cluster) wrote that a pod is made from; diagnostics point at it. */
export interface PodOwner {
  kind: string;
  namespace: string;
  name: string;
  origin: Origin;
  source: SourceRef;
}

export interface PodRecord {
  pod: Pod;
  origin: Origin;
  /** Where the pod's own text is: its manifest if the learner wrote it, else its owner's. */
  source: SourceRef;
  owner: PodOwner;
  /** Siblings spread together by the scheduler: the controlling object's key, or the pod's own. */
  group: string;
  /** A DaemonSet pod is made for one node and bound to it. */
  pinnedNode?: string;
  /** Written in the manifests: keeps its nodeName, podIP and status as given. */
  given: boolean;
}

export function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}
