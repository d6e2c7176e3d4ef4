import { describe, expect, it } from 'vitest';
import { scenarioModel, scenarioTrace } from '../../../e2e/fixtures/scenario';
import { hopText } from './hopText';
import { keyHops } from './keyHops';

const texts = (id: string, locale: 'en' | 'zh-CN' = 'en') => {
  const trace = scenarioTrace(scenarioModel(id));
  return keyHops(trace.steps).flatMap((s) => s.hops.map((h) => hopText(locale, h, trace.steps)));
};

describe('hopText', () => {
  it('reads a ClusterIP walk as the hops a learner should notice', () => {
    const rows = texts('hostnames');
    expect(rows[0]).toMatch(/^pod client → 10\.\d+\.\d+\.\d+:80$/);
    expect(rows).toContainEqual(expect.stringMatching(/^PREROUTING: DNAT → 10\.244\.\d+\.\d+:9376$/));
    expect(rows).toContainEqual(expect.stringMatching(/^arrives at pod hostnames-/));
    expect(rows).toContainEqual(expect.stringMatching(/^POSTROUTING: conntrack restores source 10\.\d+\.\d+\.\d+:80$/));
    expect(rows.at(-1)).toBe('arrives at pod client');
  });

  it('names the node that answered ARP for the LoadBalancer IP, in both languages', () => {
    expect(texts('metallb-l2')[0]).toMatch(/^client → 192\.168\.1\.240:80, ARP answered by worker-\d$/);
    expect(texts('metallb-l2', 'zh-CN')[0]).toMatch(/，由 worker-\d 应答 ARP$/);
  });
});
