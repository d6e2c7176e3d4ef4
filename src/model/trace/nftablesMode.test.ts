// The walk in nftables mode against iptables mode, on every gallery scenario's default packet
// (new scenarios included automatically) and a few seeds: kube-proxy v1.34 gives both modes the
// same endpoints, policies and masquerading, so where the packet ends, the endpoint the seed
// picks and the addresses the reply comes back with must agree.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveModel } from '../model';
import { declaredWalk } from './declaredWalk';
import { openingPacket } from './openingPacket';
import type { Trace } from './types';
import { traceSeries, walkPacket } from './walkPacket';

const scenarioDir = new URL('../../../public/scenarios/', import.meta.url);
const scenarios = readdirSync(scenarioDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

/** What the learner reads at the end of a walk: the result, where it went, and the last headers. */
function ending(trace: Trace) {
  const o = trace.outcome;
  const last = trace.steps.at(-1)?.after;
  return {
    result: o.result,
    service: o.service,
    endpoint: o.endpoint,
    pod: o.pod,
    node: o.node,
    dns: o.dns?.addresses,
    last: last && `${last.src}:${last.sport} → ${last.dst}:${last.dport}`,
  };
}

describe.each(scenarios)('%s in nftables mode', (file) => {
  const files = [{ name: file, text: readFileSync(new URL(file, scenarioDir), 'utf8') }];
  const whatIf = declaredWalk(files).walk?.flags.whatIf ?? {};
  const iptables = deriveModel(files, { ...whatIf, proxyMode: 'iptables' });
  const nftables = deriveModel(files, { ...whatIf, proxyMode: 'nftables' });
  const spec = openingPacket(iptables.files, iptables.state)!.spec;

  it.each([1, 2, 3])('seed %i: the same ending as iptables mode', (seed) => {
    const a = walkPacket(iptables, { ...spec, seed });
    const b = walkPacket(nftables, { ...spec, seed });
    expect(ending(b)).toEqual(ending(a));
    // …read from kube-proxy's nftables table, not its iptables rules.
    expect(b.steps.flatMap((s) => (s.rule?.text.includes('KUBE-') ? [s.rule.text] : []))).toEqual([]);
    if (a.outcome.endpoint) expect(b.steps.some((s) => s.nft?.some((f) => f.kind === 'vmap'))).toBe(true);
  });
});

const cluster = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: 10.96.0.80
  sessionAffinity: ClientIP
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: nobody
spec:
  clusterIP: 10.96.0.81
  selector:
    app: nobody
  ports:
  - port: 80
`;

describe('the walk in nftables mode', () => {
  const model = deriveModel([{ name: 'mine.yaml', text: cluster }], { proxyMode: 'nftables' });
  const from = { kind: 'node', name: 'worker-1' } as const;
  const to = (ip: string) => ({ kind: 'ip', ip, port: 80, proto: 'tcp' }) as const;
  const endpoints = model.state.endpointSlices
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')
    .flatMap((s) => s.endpoints.map((e) => `${e.addresses[0]}:80`));

  it('--endpoint steers the numgen draw to each endpoint in turn', () => {
    expect(endpoints).toHaveLength(3);
    for (const endpoint of endpoints) expect(walkPacket(model, { from, to: to('10.96.0.80'), endpoint }).outcome.endpoint).toBe(endpoint);
  });

  it('ClientIP affinity: later connections of a series go where the first went, found in the affinity set', () => {
    const series = traceSeries(model, { from, to: to('10.96.0.80'), seed: 7 }, 4);
    const first = series[0].outcome.endpoint;
    expect(series.map((t) => t.outcome.endpoint)).toEqual([first, first, first, first]);
    const draws = (t: Trace) => t.steps.flatMap((s) => s.nft ?? []).filter((f) => f.kind === 'numgen');
    expect(draws(series[0])).toHaveLength(1);
    expect(draws(series[1])).toEqual([]);
  });

  it('a Service without endpoints is rejected by kube-proxy, naming its verdict-map element', () => {
    const trace = walkPacket(model, { from, to: to('10.96.0.81') });
    expect(trace.outcome.result).toBe('rejected');
    const step = trace.steps.find((s) => s.explain.key === 'explain.hook.reject')!;
    expect(step.rule?.text).toBe('add rule ip kube-proxy reject-chain reject');
    expect(step.nft).toContainEqual({
      kind: 'vmap',
      map: 'no-endpoint-services',
      key: ['10.96.0.81', 'tcp', '80'],
      verdict: 'goto reject-chain',
    });
  });
});
