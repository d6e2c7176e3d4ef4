// Where one parentRef of an HTTPRoute lands (httproute_types.go / shared_types.go, ParentReference
// and RouteConditionReason): the listeners it names by sectionName and port, those whose
// allowedRoutes admit the route's namespace and kind, and those whose hostname it shares.

import { matchesSelector } from '../cluster/labels';
import { namespaceOf } from '../k8s';
import type { HTTPRoute, Namespace, ParentReference } from '../manifest/types';
import { GATEWAY_GROUP } from '../manifest/gatewayTypes';
import { intersectHostnames } from './hostnames';
import type { ListenerCheck } from './listeners';

export type NotAccepted = 'NoMatchingParent' | 'NoReadyListeners' | 'NotAllowedByListeners' | 'NoMatchingListenerHostname';

export interface Attachment {
  /** Index in the Gateway's listeners, and the hostnames the route serves there. */
  listeners: { index: number; hostnames: string[] }[];
  /** Why the route attached to none of them. */
  refused?: NotAccepted;
}

export const REFUSED_MESSAGE: Record<NotAccepted, string> = {
  NoMatchingParent: 'No listeners match this parent ref',
  NoReadyListeners: 'There are no ready listeners for this parent ref',
  NotAllowedByListeners: 'No listeners included by this parent ref allowed this attachment.',
  NoMatchingListenerHostname: "There were no hostname intersections between the HTTPRoute and this parent ref's Listener(s).",
};

/** Whether a parentRef names a Gateway (its group and kind default to the Gateway API's Gateway). */
export function refersToGateway(ref: ParentReference): boolean {
  return (ref.group ?? GATEWAY_GROUP) === GATEWAY_GROUP && (ref.kind ?? 'Gateway') === 'Gateway';
}

export function attach(
  route: HTTPRoute,
  ref: ParentReference,
  gatewayNamespace: string,
  listeners: ListenerCheck[],
  namespaces: Namespace[],
): Attachment {
  const named = listeners
    .map((l, index) => ({ l, index }))
    .filter(
      ({ l }) =>
        (ref.sectionName === undefined || l.listener.name === ref.sectionName) && (ref.port === undefined || l.listener.port === ref.port),
    );
  if (named.length === 0) return { listeners: [], refused: 'NoMatchingParent' };
  const usable = named.filter(({ l }) => l.attachable);
  if (usable.length === 0) return { listeners: [], refused: 'NoReadyListeners' };
  const routeNs = namespaceOf(route);
  const allowed = usable.filter(({ l }) => admits(l, routeNs, gatewayNamespace, namespaces));
  if (allowed.length === 0) return { listeners: [], refused: 'NotAllowedByListeners' };
  const hosted = allowed
    .map(({ l, index }) => ({ index, hostnames: intersectHostnames(l.listener.hostname, route.spec.hostnames) }))
    .filter((a) => a.hostnames.length > 0);
  if (hosted.length === 0) return { listeners: [], refused: 'NoMatchingListenerHostname' };
  return { listeners: hosted };
}

/** allowedRoutes: the kind HTTPRoute among the supported kinds, and the namespace `from` Same (the default), All, or a Selector. */
function admits(l: ListenerCheck, routeNs: string, gatewayNs: string, namespaces: Namespace[]): boolean {
  if (!l.supportedKinds.some((k) => k.kind === 'HTTPRoute')) return false;
  const from = l.listener.allowedRoutes?.namespaces?.from ?? 'Same';
  if (from === 'All') return true;
  if (from === 'Same') return routeNs === gatewayNs;
  const ns = namespaces.find((n) => n.metadata.name === routeNs);
  // The API server labels every namespace with its own name.
  const labels = { ...ns?.metadata.labels, 'kubernetes.io/metadata.name': routeNs };
  return matchesSelector(labels, l.listener.allowedRoutes?.namespaces?.selector);
}
