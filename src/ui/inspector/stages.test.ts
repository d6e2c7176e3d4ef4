import { describe, expect, it } from 'vitest';
import { openingSpec, scenarioModel, scenarioTrace } from '../../../e2e/fixtures/scenario';
import { answerOf, groupByStage, stageTitle } from './stages';

const model = scenarioModel('dns-ndots');
const from = openingSpec(model)!.from;

describe('groupByStage', () => {
  it('splits a walk to a name into its DNS queries, in order, then the connection', () => {
    const trace = scenarioTrace(model, { from, to: { kind: 'name', name: 'hostnames', port: 80, proto: 'tcp' } });
    const groups = groupByStage(trace.steps);
    expect(groups.map((g) => g.stage?.kind)).toEqual(['dns', 'connect']);
    expect(stageTitle('en', groups[0].stage!)).toBe('DNS query 1 · hostnames.default.svc.cluster.local. A');
    expect(groups.flatMap((g) => g.steps)).toEqual(trace.steps.map((_, i) => i));
  });

  it('shows every query of the search walk, and where each was answered', () => {
    const trace = scenarioTrace(model, { from, to: { kind: 'name', name: 'nosuch', port: 80, proto: 'tcp' } });
    const dns = groupByStage(trace.steps).filter((g) => g.stage?.kind === 'dns');
    expect(dns).toHaveLength(trace.outcome.dns!.queries);
    for (const g of dns) expect(answerOf(trace.steps, g.stage as Extract<typeof g.stage, { kind: 'dns' }>)).toBeDefined();
    expect(trace.outcome.dns?.status).toMatch(/nxdomain/i);
  });

  it('keeps a walk without stages in one group', () => {
    const trace = scenarioTrace(scenarioModel('hostnames'));
    expect(groupByStage(trace.steps)).toHaveLength(1);
  });
});
