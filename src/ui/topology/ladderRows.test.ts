import { describe, expect, it } from 'vitest';
import { scenarioModel, scenarioTrace } from '../../../e2e/fixtures/scenario';
import { ladderLines, maxLadderLines, takenText } from './ladderRows';

describe('the chain ladder as lines', () => {
  const trace = scenarioTrace(scenarioModel('hostnames'));
  const dnat = trace.steps.find((s) => s.explain.key === 'explain.hook.dnat')!;

  it('names each chain once, then the rule that sent the packet on, down to the DNAT', () => {
    const { lines, more } = ladderLines(dnat);
    expect(more).toBe(0);
    const chains = lines.filter((l) => l.kind === 'chain').map((l) => (l.kind === 'chain' ? l.chain : ''));
    expect(chains[0]).toBe('PREROUTING');
    expect(chains).toContain('KUBE-SERVICES');
    expect(chains.some((c) => c.startsWith('KUBE-SVC-'))).toBe(true);
    expect(chains.some((c) => c.startsWith('KUBE-SEP-'))).toBe(true);
    const last = lines.at(-1)!;
    expect(last.kind === 'taken' && takenText(last.rule)).toBe(`-p tcp → DNAT ${trace.outcome.endpoint}`);
  });

  it('reads a jump as its matches and the chain it leads to', () => {
    expect(
      takenText({ line: 1, short: '-p tcp -d 10.96.0.1 --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y', target: 'KUBE-SVC-NPX46M4PTMTKRN6Y' }),
    ).toBe('-p tcp -d 10.96.0.1 --dport 443 → KUBE-SVC-NPX46M4PTMTKRN6Y');
    expect(takenText({ line: 1, short: '-j KUBE-SERVICES', target: 'KUBE-SERVICES' })).toBe('→ KUBE-SERVICES');
  });

  it('keeps a long ladder to its last lines, with the acting rule, and counts the rest', () => {
    const rung = dnat.ladder![0]!;
    const long = { ladder: Array.from({ length: 20 }, (_, i) => ({ ...rung, chain: `C${i}`, depth: 0 })), rule: dnat.rule };
    const { lines, more } = ladderLines(long);
    expect(lines.length).toBe(maxLadderLines - 1);
    expect(more).toBe(40 - (maxLadderLines - 1));
  });
});

describe('the chain ladder in nftables mode', () => {
  const trace = scenarioTrace(scenarioModel('hostnames', { proxyMode: 'nftables' }));
  const dnat = trace.steps.find((s) => s.explain.key === 'explain.hook.dnat')!;

  it("runs down kube-proxy's chains to the endpoint chain's dnat, each rule with its chain", () => {
    const { lines } = ladderLines(dnat);
    const chains = lines.filter((l) => l.kind === 'chain').map((l) => l.chain);
    expect(chains).toContain('nat-prerouting');
    expect(chains.some((c) => c.startsWith('endpoint-'))).toBe(true);
    const last = lines.at(-1)!;
    expect(last.kind).toBe('taken');
    expect(last.chain).toBe(dnat.rule!.chain);
    expect(last.kind === 'taken' && last.rule.line).toBe(dnat.rule!.line);
  });
});
