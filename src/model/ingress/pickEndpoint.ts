// The Lua balancer's default load-balance algorithm is round_robin: successive requests take
// successive endpoints, from wherever the balancer stands. A trace names its request by a seed n
// and takes endpoint n mod their count.

import type { UpstreamEndpoint } from './types';

export function pickEndpoint(endpoints: UpstreamEndpoint[], n = 0): UpstreamEndpoint | undefined {
  if (endpoints.length === 0) return undefined;
  return endpoints[((n % endpoints.length) + endpoints.length) % endpoints.length];
}
