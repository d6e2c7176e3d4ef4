// Whether a pod counts as ready, the one test the EndpointSlice controller and the views share.

import type { Pod } from '../manifest/types';

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}
