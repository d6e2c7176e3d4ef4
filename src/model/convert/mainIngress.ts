// ingress2gateway's getNonCanaryIngress: a rule's annotations are read from its first Ingress that
// is not a canary (the first one at all when every one is).

import { parseBool } from '../ingress/annotations';
import type { Ingress, Manifest } from '../manifest/types';
import { annotation } from './context';

export function mainIngress(sources: Manifest<Ingress>[] | undefined): Manifest<Ingress> | undefined {
  if (!sources?.length) return undefined;
  return sources.find((m) => !parseBool(annotation(m, 'canary'))) ?? sources[0];
}
