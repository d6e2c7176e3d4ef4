// Why no route on a Gateway serves a request's Host: the status a learner should read. A route
// that names the host but was refused (e.g. NoMatchingListenerHostname, NotAllowedByListeners)
// says its reason; a route attached elsewhere whose names the listener does not take says so.

import type { Explanation } from '../explainKeys';
import { namespacedName } from '../k8s';
import { hostMatches } from './hostnames';
import type { GatewayApiModel } from './types';

export function unservedHost(model: GatewayApiModel, gatewayKey: string, host: string, port: number): Explanation {
  let outside: string | undefined;
  for (const route of model.routes) {
    const names = route.spec.hostnames ?? [];
    if (names.length > 0 && !names.some((n) => hostMatches(n, host))) continue;
    const ns = route.metadata.namespace ?? 'default';
    for (const parent of route.status?.parents ?? []) {
      if (`${parent.parentRef.namespace ?? ns}/${parent.parentRef.name}` !== gatewayKey) continue;
      const accepted = parent.conditions.find((c) => c.type === 'Accepted');
      if (accepted?.status === 'False')
        return { key: 'explain.gateway.noHostRefused', params: { host, port, route: namespacedName(route), reason: accepted.reason } };
      outside ??= namespacedName(route);
    }
  }
  return outside
    ? { key: 'explain.gateway.noHostOutside', params: { host, port, route: outside } }
    : { key: 'explain.gateway.noHost', params: { host, port } };
}
