// A walk in parts: the DNS queries before the connection, the connection, and through an
// Ingress the HTTP request and the controller's own connection upstream.

import { t, type Locale } from '../../i18n/i18n';
import type { Stage, Step } from '../../model';

export interface StageGroup {
  stage?: Stage;
  /** Indexes of the steps of this part, in order. */
  steps: number[];
}

const stageKey = (s: Stage | undefined) =>
  s ? (s.kind === 'dns' ? `dns:${s.query}:${s.qname}:${s.qtype}` : 'proxy' in s ? `${s.kind}:${s.proxy}` : s.kind) : '';

/** Consecutive steps of one stage form a group; a walk without stages is one group. */
export function groupByStage(steps: Step[]): StageGroup[] {
  const groups: StageGroup[] = [];
  steps.forEach((step, i) => {
    const last = groups.at(-1);
    if (last && stageKey(last.stage) === stageKey(step.stage)) last.steps.push(i);
    else groups.push({ stage: step.stage, steps: [i] });
  });
  return groups;
}

export function stageTitle(locale: Locale, stage: Stage): string {
  if (stage.kind === 'dns') return t(locale, 'ui.stage.dns', { n: stage.query, qname: stage.qname, qtype: stage.qtype });
  if ((stage.kind === 'http' || stage.kind === 'upstream') && stage.proxy === 'envoy') return t(locale, `ui.stage.envoy.${stage.kind}`);
  return t(locale, `ui.stage.${stage.kind}`);
}

/** The step of a DNS query where CoreDNS (or an upstream) answers it. */
export function answerOf(steps: Step[], stage: Extract<Stage, { kind: 'dns' }>): Step | undefined {
  return steps.find((s) => s.dnsAnswer && s.stage?.kind === 'dns' && s.stage.query === stage.query);
}
