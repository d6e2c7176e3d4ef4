// metav1.Condition as the controller writes it in status: Gateway API's types and reasons
// (apis/v1/gateway_types.go, httproute_types.go, shared_types.go) with Envoy Gateway's messages.

import type { GatewayCondition } from '../manifest/types';

export function condition(type: string, ok: boolean, reason: string, message: string, generation?: number): GatewayCondition {
  const c: GatewayCondition = { type, status: ok ? 'True' : 'False', reason, message };
  if (generation !== undefined) c.observedGeneration = generation;
  return c;
}
