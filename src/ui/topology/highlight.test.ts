import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioModel, scenarioTrace } from '../../../e2e/fixtures/scenario';
import { layoutCluster } from '../../layout/clusterLayout';
import { layoutOf } from '../../store/derive';
import { highlightOf } from './highlight';

describe('highlightOf: the Service lit depends on the part of the walk', () => {
  it('through ingress-nginx: the controller Service while connecting, none in the HTTP and upstream stages', () => {
    const model = scenarioModel('ingress-fanout');
    const trace = scenarioTrace(model, { from: { kind: 'client' }, to: { kind: 'url', url: 'http://example.test/shop/cart' } });
    const services = layoutCluster(model.state).services;
    const at = (kind: string) =>
      highlightOf(
        trace,
        trace.steps.find((s) => s.stage?.kind === kind),
        services,
      );
    expect(at('connect').service).toBe('ingress-nginx/ingress-nginx-controller');
    expect(at('http')).toMatchObject({ service: undefined, direct: true });
    expect(at('upstream')).toMatchObject({ service: undefined, direct: true });
  });

  it('a name: kube-dns during the DNS query, the Service resolved during the connection', () => {
    const model = scenarioModel('hostnames');
    const client = model.state.pods.find((p) => p.metadata.name === 'client')!;
    const trace = scenarioTrace(model, {
      from: { kind: 'pod', namespace: 'default', name: client.metadata.name },
      to: { kind: 'name', name: 'hostnames', port: 80, proto: 'tcp' },
    });
    const services = layoutCluster(model.state).services;
    expect(
      highlightOf(
        trace,
        trace.steps.find((s) => s.stage?.kind === 'dns'),
        services,
      ).service,
    ).toBe('kube-system/kube-dns');
    expect(
      highlightOf(
        trace,
        trace.steps.find((s) => s.stage?.kind === 'connect'),
        services,
      ).service,
    ).toBe('default/hostnames');
  });

  it('at the router: the next hop its ECMP hash chose', () => {
    const model = scenarioModel('metallb-bgp');
    const trace = scenarioTrace(model);
    const step = trace.steps.find((s) => s.at.element === 'router')!;
    expect(highlightOf(trace, step).nextHop).toBe(step.explain.params.via);
    expect(model.state.metallb!.routers[0].routes[0].nextHops.map((h) => h.ip)).toContain(highlightOf(trace, step).nextHop);
  });
});

describe('the place of every step is drawn open, never folded away', () => {
  const gallery: { id: string }[] = JSON.parse(readFileSync(new URL('../../../public/scenarios/index.json', import.meta.url), 'utf8'));
  const layers = { services: true, nodeports: true, loadbalancers: true, ingress: true, dns: true, overlay: true, builtin: true };

  it.each(gallery.map((g) => g.id))('%s: the current node, pod, netfilter and routing box of each step are open', (id) => {
    const model = scenarioModel(id);
    const trace = scenarioTrace(model);
    const layout = layoutOf(model, layers, trace);
    for (const step of trace.steps) {
      const hl = highlightOf(trace, step, layout.services);
      const node = layout.nodes.find((n) => n.name === hl.node);
      if (!node) continue;
      if (hl.element === 'netfilter' || hl.element === 'ipvs') expect(node.netfilter.summary, `${id} step ${step.index}`).toBeUndefined();
      if (hl.element === 'routing') expect(node.routing.summary, `${id} step ${step.index}`).toBeUndefined();
      if (hl.pod) {
        const group = node.groups.find((g) => g.pods.some((p) => p.key === hl.pod));
        if (group) expect(group.summary, `${id} step ${step.index}: ${hl.pod}`).toBeUndefined();
      }
    }
    // Somewhere off the walk something folded: the drawing is not all open.
    expect(layout.nodes.some((n) => n.netfilter.summary || n.routing.summary || n.groups.some((g) => g.summary))).toBe(true);
  });
});
