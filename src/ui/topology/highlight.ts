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
}

export function highlightOf(trace: Trace | null, step: Step | undefined): Highlight {
  const from = trace?.spec.from;
  return {
    ...(step ? { node: step.at.node, element: step.at.element, pod: step.at.pod, hook: step.at.hook } : {}),
    service: trace?.outcome.service,
    target: trace?.outcome.pod,
    source: from?.kind === 'pod' ? `${from.namespace}/${from.name}` : undefined,
  };
}
