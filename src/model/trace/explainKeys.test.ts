import { describe, expect, it } from 'vitest';
import { scenarioModel, scenarioTrace } from '../../../e2e/fixtures/scenario';
import { translateExplanation } from '../../i18n/i18n';

describe('what a pod step says', () => {
  it('a request leaving a pod opens a connection; the reply leaving a pod answers on it', () => {
    const trace = scenarioTrace(scenarioModel('hostnames'), {
      from: { kind: 'pod', namespace: 'default', name: 'client' },
      to: { kind: 'name', name: 'hostnames', port: 80, proto: 'tcp' },
    });
    // A packet leaving a pod: the pod step right before its veth.
    const leaving = trace.steps.filter((s) => s.at.element === 'pod' && trace.steps[s.index + 1]?.at.element === 'veth');
    const request = leaving.filter((s) => s.phase === 'request');
    const reply = leaving.filter((s) => s.phase === 'reply');
    expect(request.length).toBeGreaterThan(0);
    expect(reply.length).toBeGreaterThan(0);
    for (const s of request) expect(translateExplanation('en', s.explain)).toContain('opens a connection');
    for (const s of reply) {
      const text = translateExplanation('en', s.explain);
      expect(text).not.toContain('opens a connection');
      expect(text).toMatch(/answers .* on the same connection/);
      expect(translateExplanation('zh-CN', s.explain)).toContain('回复');
    }
  });
});
