// Which boxes the current step lights up: read straight from the step's location and
// the trace's outcome.

import type { Step, Trace } from '../../model/trace/types';

export interface Highlight {
  node?: string;
  element?: Step['at']['element'];
  pod?: string;
  hook?: string;
  /** The Service and pod the trace ends at, marked for the whole walk. */
  service?: string;
  target?: string;
  source?: string;
  /** At a routing step: the route the kernel chose. */
  route?: { dst: string; dev: string };
}

export function highlightOf(trace: Trace | null, step: Step | undefined): Highlight {
  const from = trace?.spec.from;
  return {
    ...(step ? { node: step.at.node, element: step.at.element, pod: step.at.pod, hook: step.at.hook } : {}),
    route: step ? chosenRoute(step) : undefined,
    service: trace?.outcome.service,
    target: trace?.outcome.pod,
    source: from?.kind === 'pod' ? `${from.namespace}/${from.name}` : undefined,
  };
}

/** The route a routing step names in its explanation (`route` is the destination, as `ip route` prints it). */
export function chosenRoute(step: Step): { dst: string; dev: string } | undefined {
  const { route, dev } = step.explain.params;
  if (step.at.element !== 'routing' || typeof route !== 'string' || !route) return undefined;
  return { dst: route, dev: typeof dev === 'string' ? dev : '' };
}
