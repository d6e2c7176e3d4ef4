// The comparison's counts: iptables checks a new connection against KUBE-SERVICES rule by rule, so
// the count grows with the Services in the cluster; nftables finds the Service with one lookup in
// its verdict map, whatever the cluster's size. IPVS schedules with one virtual-server lookup.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveModel } from '../model';
import type { DeriveOptions } from '../modelTypes';
import { dnatPlace, requestChecks } from './ruleChecks';
import { walkPacket } from './walkPacket';

const hostnames = readFileSync(new URL('../../../public/scenarios/hostnames.yaml', import.meta.url), 'utf8');
/** More Services in front of the same pods: more rules in iptables' KUBE-SERVICES, more elements in nftables' map. */
const extra = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: more-${i}\nspec:\n  selector:\n    app: hostnames\n  ports:\n  - port: 80\n    targetPort: 9376\n`,
  ).join('');

/** Every Service's ClusterIP walked from the client pod: where it was DNATed and what that cost. */
function places(n: number, proxyMode: NonNullable<DeriveOptions['proxyMode']>) {
  const model = deriveModel([{ name: 'm.yaml', text: hostnames + extra(n) }], { proxyMode });
  return model.state.services
    .filter((s) => s.metadata.name === 'hostnames' || s.metadata.name.startsWith('more-'))
    .map((s) => {
      const trace = walkPacket(model, {
        from: { kind: 'pod', namespace: 'default', name: 'client' },
        to: { kind: 'ip', ip: s.spec.clusterIP!, port: 80, proto: 'tcp' },
        seed: 1,
      });
      return { trace, place: dnatPlace(trace)! };
    });
}

describe('rules a new connection is checked against', () => {
  it('iptables: a linear scan of KUBE-SERVICES, longer with every Service in front of the one asked for', () => {
    const small = places(0, 'iptables');
    const big = places(40, 'iptables');
    expect(small[0].place).toMatchObject({ node: 'worker-2', hook: 'PREROUTING', rule: { chain: expect.stringMatching(/^KUBE-SEP-/) } });
    expect(Math.max(...big.map((p) => p.place.checks.rules))).toBeGreaterThan(40);
    expect(big.every((p) => p.place.checks.lookups === 0)).toBe(true);
  });

  it('nftables: one verdict-map lookup finds any Service, so the count does not grow', () => {
    const small = places(0, 'nftables');
    const big = places(40, 'nftables');
    const counts = new Set([...small, ...big].map((p) => p.place.checks.rules));
    expect(counts.size).toBe(1);
    expect([...counts][0]).toBeLessThan(10);
    expect(big.every((p) => p.place.checks.lookups === 1)).toBe(true);
    expect(big[0].place).toMatchObject({ hook: 'PREROUTING', rule: { chain: expect.stringMatching(/^endpoint-/) } });
  });

  it('IPVS: the virtual server found after INPUT does the DNAT, no nat rule does', () => {
    const [{ place }] = places(0, 'ipvs');
    expect(place.hook).toBe('ipvs');
    expect(place.rule).toBeUndefined();
    expect(place.ipvs?.virtualServer).toMatch(/^TCP {2}10\.\d+\.\d+\.\d+:80 rr$/);
    expect(place.checks).toMatchObject({ rules: 0, lookups: 1 });
  });

  it('lists every hook of the request with its node, the DNAT hook among them', () => {
    const [{ trace, place }] = places(0, 'nftables');
    const hooks = requestChecks(trace);
    expect(hooks.map((h) => `${h.node} ${h.hook}`)).toContain(`${place.node} PREROUTING`);
    expect(hooks.find((h) => h.node === place.node && h.hook === 'PREROUTING')).toEqual(place.checks);
  });
});
