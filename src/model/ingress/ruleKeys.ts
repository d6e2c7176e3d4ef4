// How the controller names a rule path and reads its pathType, shared by the server builder and
// the canary merge.

import type { PathType } from '../manifest/types';

/** One rule path (or the defaultBackend) of one Ingress: the key of its decision-table row. */
export const rowKey = (ingress: string, ruleIndex?: number, pathIndex?: number): string =>
  ruleIndex === undefined ? `${ingress}#default` : `${ingress}#${ruleIndex}.${pathIndex}`;

/** ingress-nginx treats ImplementationSpecific as Prefix (k8s.SetDefaultNGINXPathType). */
export const nginxPathType = (t: PathType): PathType => (t === 'ImplementationSpecific' ? 'Prefix' : t);
