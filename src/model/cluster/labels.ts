// Label selectors, and an index so a Service finds its pods without scanning every pod.

import type { LabelSelector, Labels, Pod } from '../manifest/types';
import { namespaceOf } from '../k8s';

/** A Service-style selector (equality on every pair). Empty selects nothing here: the API stores `{}` as no selector. */
export function matchesMap(labels: Labels | undefined, selector: Labels): boolean {
  for (const [key, value] of Object.entries(selector)) if (labels?.[key] !== value) return false;
  return true;
}

/** metav1.LabelSelector semantics: matchLabels AND every matchExpression. */
export function matchesSelector(labels: Labels | undefined, selector: LabelSelector | undefined): boolean {
  if (!selector) return false;
  if (selector.matchLabels && !matchesMap(labels, selector.matchLabels)) return false;
  for (const req of selector.matchExpressions ?? []) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, req.key);
    const value = labels?.[req.key];
    const inValues = has && (req.values ?? []).includes(value!);
    if (req.operator === 'In' && !inValues) return false;
    if (req.operator === 'NotIn' && inValues) return false;
    if (req.operator === 'Exists' && !has) return false;
    if (req.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** Pods by namespace and by `key=value`, for selectors that are plain label maps. */
export class PodLabelIndex {
  private readonly byPair = new Map<string, Pod[]>();

  constructor(pods: Pod[]) {
    for (const pod of pods) {
      const ns = namespaceOf(pod);
      for (const [key, value] of Object.entries(pod.metadata.labels ?? {})) {
        const bucket = `${ns}\u0000${key}=${value}`;
        const list = this.byPair.get(bucket);
        if (list) list.push(pod);
        else this.byPair.set(bucket, [pod]);
      }
    }
  }

  /** Pods in `namespace` whose labels carry every pair of `selector`, in index order. */
  select(namespace: string, selector: Labels): Pod[] {
    const pairs = Object.entries(selector);
    if (pairs.length === 0) return [];
    let smallest: Pod[] | undefined;
    for (const [key, value] of pairs) {
      const list = this.byPair.get(`${namespace}\u0000${key}=${value}`);
      if (!list) return [];
      if (!smallest || list.length < smallest.length) smallest = list;
    }
    return smallest!.filter((pod) => matchesMap(pod.metadata.labels, selector));
  }
}
