// What a learner reads on a Gateway and its HTTPRoutes, as `kubectl describe` would show it:
// the Gateway's address and conditions, each listener with its attachedRoutes and conditions,
// and each route's conditions for this Gateway. Plain data, so the worker can send it to the page.

import { namespacedName } from '../k8s';
import type { GatewayCondition } from '../manifest/types';
import type { GatewayApiModel } from './types';

export interface ConditionFact {
  type: string;
  ok: boolean;
  reason: string;
}

export interface GatewayStatusFact {
  /** `namespace/name` */
  key: string;
  addresses: string[];
  conditions: ConditionFact[];
  listeners: { name: string; protocol: string; port: number; hostname?: string; attachedRoutes: number; conditions: ConditionFact[] }[];
  /** The HTTPRoutes that name this Gateway as a parent, with the conditions written for it. */
  routes: { route: string; section?: string; conditions: ConditionFact[] }[];
}

const facts = (cs: GatewayCondition[] | undefined): ConditionFact[] =>
  (cs ?? []).map((c) => ({ type: c.type, ok: c.status === 'True', reason: c.reason }));

export function gatewayStatusFacts(api: GatewayApiModel): GatewayStatusFact[] {
  return api.gateways.map(({ key, gateway }) => {
    const status = gateway.status;
    const listenerStatus = new Map((status?.listeners ?? []).map((l) => [l.name, l]));
    const routes: GatewayStatusFact['routes'] = [];
    for (const route of api.routes) {
      const ns = route.metadata.namespace ?? 'default';
      for (const p of route.status?.parents ?? []) {
        if (`${p.parentRef.namespace ?? ns}/${p.parentRef.name}` !== key) continue;
        const fact: GatewayStatusFact['routes'][number] = { route: namespacedName(route), conditions: facts(p.conditions) };
        if (p.parentRef.sectionName) fact.section = p.parentRef.sectionName;
        routes.push(fact);
      }
    }
    return {
      key,
      addresses: (status?.addresses ?? []).map((a) => a.value),
      conditions: facts(status?.conditions),
      listeners: gateway.spec.listeners.map((l) => {
        const s = listenerStatus.get(l.name);
        const out: GatewayStatusFact['listeners'][number] = {
          name: l.name,
          protocol: l.protocol,
          port: l.port,
          attachedRoutes: s?.attachedRoutes ?? 0,
          conditions: facts(s?.conditions),
        };
        if (l.hostname) out.hostname = l.hostname;
        return out;
      }),
      routes,
    };
  });
}
