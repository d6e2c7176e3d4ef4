// Which boxes the current step lights up: read straight from the step's location, its
// stage and the trace's outcome.

import type { ServiceBox } from '../../layout/types';
import type { RouteChoice, Step, Trace } from '../../model';

export interface Highlight {
  node?: string;
  element?: Step['at']['element'];
  pod?: string;
  hook?: string;
  /** The Service whose rules handle the packet in this part of the walk (none when it goes to a pod IP directly). */
  service?: string;
  /** The pod the trace ends at, and where it started, marked for the whole walk. */
  target?: string;
  source?: string;
  /** At a routing step: the route the kernel chose. */
  route?: RouteChoice;
  /** At the router: the ECMP next hop it chose. */
  nextHop?: string;
  /** ingress-nginx reads the request or connects to the pod IP itself: no Service, no kube-proxy DNAT. */
  direct?: boolean;
}

/** The value of `aria-current` for a drawn place: "step" on the one where the current step is. */
export function currentIf(here: boolean): 'step' | undefined {
  return here ? 'step' : undefined;
}

export function highlightOf(trace: Trace | null, step: Step | undefined, services: ServiceBox[] = []): Highlight {
  const from = trace?.spec.from;
  const stage = step?.stage?.kind;
  const direct = stage === 'http' || stage === 'upstream';
  return {
    ...(step ? { node: step.at.node, element: step.at.element, pod: step.at.pod, hook: step.at.hook } : {}),
    route: step?.route,
    nextHop: step?.nextHop?.via,
    service: direct ? undefined : serviceOfStage(trace, step, services),
    direct,
    target: trace?.outcome.pod,
    source: from?.kind === 'pod' ? `${from.namespace}/${from.name}` : undefined,
  };
}

/**
 * The Service of the part of the walk the step is in. A DNS query goes to kube-dns; the client's
 * connection to ingress-nginx goes through the controller's Service: both are the Service whose
 * address was dialled (or, dialled on a node's NodePort, whose endpoint received the packet).
 */
function serviceOfStage(trace: Trace | null, step: Step | undefined, services: ServiceBox[]): string | undefined {
  if (!trace) return undefined;
  const stage = step?.stage;
  const isUrl = trace.spec.to.kind === 'url';
  if (!stage || (stage.kind === 'connect' && !isUrl)) return trace.outcome.service;
  if (stage.kind !== 'dns' && stage.kind !== 'connect') return undefined;
  const same = (s: Step) =>
    s.stage?.kind === stage.kind && (stage.kind !== 'dns' || (s.stage.kind === 'dns' && s.stage.query === stage.query));
  const part = trace.steps.filter(same);
  const dialled = part[0]?.before.dst;
  const byAddress = services.find(
    (b) => b.clusterIP === dialled || b.extras.some((e) => e.kind === 'loadBalancer' && e.ips.includes(dialled ?? '')),
  );
  if (byAddress) return byAddress.key;
  const delivered = part.find((s) => s.phase === 'request' && s.at.element === 'pod')?.after.dst;
  return services.find(
    (b) => (b.type === 'NodePort' || b.type === 'LoadBalancer') && b.endpoints.some((e) => e.address.split(':')[0] === delivered),
  )?.key;
}
