import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveModel, walkPacket } from '../index';

const hostnames = readFileSync(new URL('../../../public/scenarios/hostnames.yaml', import.meta.url), 'utf8');

describe('the chain ladder of a hook', () => {
  const m = deriveModel([{ name: 'hostnames.yaml', text: hostnames }]);
  const svc = m.state.services.find((s) => s.metadata.name === 'hostnames')!;
  const endpoints = m.state.pods.filter((p) => p.metadata.labels?.app === 'hostnames').map((p) => `${p.status.podIP}:9376`);
  const walk = (endpoint: string) =>
    walkPacket(m, {
      from: { kind: 'pod', namespace: 'default', name: 'client' },
      to: { kind: 'ip', ip: svc.spec.clusterIP!, port: 80, proto: 'tcp' },
      endpoint,
    });

  it('reads PREROUTING → KUBE-SERVICES → KUBE-SVC-… → KUBE-SEP-… → DNAT at the DNAT step, with the listing lines', () => {
    const trace = walk(endpoints[1]!);
    const dnat = trace.steps.find((s) => s.explain.key === 'explain.hook.dnat')!;
    const ladder = dnat.ladder!;
    expect(ladder.map((r) => r.chain)).toEqual([
      'PREROUTING',
      'KUBE-SERVICES',
      expect.stringMatching(/^KUBE-SVC-/),
      expect.stringMatching(/^KUBE-SEP-/),
    ]);
    expect(ladder.map((r) => r.depth)).toEqual([0, 1, 2, 3]);
    expect(ladder[1]!.taken).toMatchObject({
      target: ladder[2]!.chain,
      short: `-p tcp -d ${svc.spec.clusterIP} --dport 80 -j ${ladder[2]!.chain}`,
    });
    expect(ladder[3]!.taken).toMatchObject({ target: 'DNAT', short: `-p tcp -j DNAT --to-destination ${endpoints[1]}` });
    // The rule the inspector highlights is the ladder's last rung.
    expect(ladder[3]!.taken!.line).toBe(dnat.rule!.line);
  });

  it('shows the probability cascade: the endpoints passed over before the one taken', () => {
    // kube-proxy's cascade for three endpoints: 1/3, then 1/2, then the last without a probability.
    const rungs = endpoints.map((ep) => walk(ep).steps.find((s) => s.explain.key === 'explain.hook.dnat')!.ladder![2]!);
    const byPosition = [...rungs].sort((a, b) => a.passedOver.length - b.passedOver.length);
    expect(byPosition.map((r) => r.passedOver.map((p) => p.probability))).toEqual([[], ['0.3333333333'], ['0.3333333333', '0.5000000000']]);
    expect(byPosition.map((r) => r.taken!.probability)).toEqual(['0.3333333333', '0.5000000000', undefined]);
    rungs.forEach((r, i) => expect(r.taken!.comment).toBe(`default/hostnames:default -> ${endpoints[i]}`));
  });

  it('reads on in a chain after a jump that returned, without repeating it as a new chain', () => {
    const forward = walk(endpoints[0]!).steps.find((s) => s.at.hook === 'FORWARD')!.ladder!;
    expect(forward[0]).toMatchObject({ chain: 'FORWARD', depth: 0, taken: { target: 'KUBE-PROXY-FIREWALL' } });
    expect(forward[0]!.continued).toBeUndefined();
    expect(forward[1]).toMatchObject({ chain: 'FORWARD', depth: 0, continued: true, taken: { target: 'KUBE-FORWARD' } });
  });
});
