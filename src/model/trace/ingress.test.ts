import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveModel, walkPacket, type Model } from '../index';

const scenario = (name: string) => readFileSync(new URL(`../../../public/scenarios/${name}.yaml`, import.meta.url), 'utf8');
const derive = (text: string): Model => deriveModel([{ name: 'ing.yaml', text }]);
const request = (m: Model, url: string) => walkPacket(m, { from: { kind: 'client' }, to: { kind: 'url', url } });

describe('a request through ingress-nginx', () => {
  const m = derive(scenario('ingress-fanout'));
  const podsOf = (app: string) => m.state.pods.filter((p) => p.metadata.name.startsWith(`${app}-`)).map((p) => p.metadata.name);

  it('installs the controller with the first Ingress, behind a NodePort when there is no MetalLB pool', () => {
    const svc = m.state.services.find((s) => s.metadata.name === 'ingress-nginx-controller')!;
    expect(svc.metadata.namespace).toBe('ingress-nginx');
    expect(svc.spec.type).toBe('NodePort');
    expect(m.state.pods.some((p) => p.metadata.namespace === 'ingress-nginx')).toBe(true);
  });

  it('/shop/cart goes to a shop pod: kube-proxy to the controller, then nginx straight to the pod IP', () => {
    const trace = request(m, 'http://example.test/shop/cart');
    expect(trace.outcome.http).toMatchObject({ status: 200, ingress: 'default/fanout', rule: { path: '/shop', pathType: 'Prefix' } });
    expect(trace.outcome.service).toBe('default/shop');
    expect(podsOf('shop')).toContain(trace.outcome.pod!.split('/')[1]);
    const upstream = trace.steps.filter((s) => s.stage?.kind === 'upstream');
    expect(upstream.length).toBeGreaterThan(0);
    // The controller dials the pod IP: no Service VIP, so no kube-proxy DNAT on this leg.
    expect(upstream.some((s) => s.explain.key === 'explain.hook.dnat')).toBe(false);
    expect(upstream[0]!.before.dst).toBe(trace.outcome.endpoint!.split(':')[0]);
    const connect = trace.steps.filter((s) => s.stage?.kind === 'connect');
    expect(connect.some((s) => s.explain.key === 'explain.hook.dnat')).toBe(true);
  });

  it('Prefix matches whole path elements: /shopping is not /shop, and falls to the default backend 404', () => {
    const trace = request(m, 'http://example.test/shopping');
    expect(trace.outcome.http!.status).toBe(404);
    expect(trace.steps.some((s) => s.stage?.kind === 'upstream')).toBe(false);
  });

  it('Exact /health does not match /health/', () => {
    expect(request(m, 'http://example.test/health').outcome.http!.status).toBe(200);
    expect(request(m, 'http://example.test/health/').outcome.http!.status).toBe(404);
  });
});

describe('TLS, redirects and missing backends', () => {
  it('plain http to a TLS host answers 308 to https', () => {
    const m = derive(scenario('ingress-tls'));
    const trace = request(m, 'http://secure.test/login');
    expect(trace.outcome.http).toMatchObject({ status: 308, location: 'https://secure.test/login' });
  });

  it('a backend Service that does not exist answers 503', () => {
    const m = derive(scenario('ingress-fanout').replace('name: shop\n            port:', 'name: shoppe\n            port:'));
    expect(m.diagnostics.some((d) => d.code.startsWith('ingress.'))).toBe(true);
    expect(request(m, 'http://example.test/shop').outcome.http!.status).toBe(503);
  });

  it("the seed's extensions/v1beta1 Ingress gets an error that shows the v1 form", () => {
    const old =
      'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: nginx-ingress\nspec:\n  rules:\n  - host: localhost\n    http:\n      paths:\n      - path: /\n        backend:\n          serviceName: web\n          servicePort: 80\n';
    const d = derive(old).diagnostics.find((x) => x.code === 'ingress.legacyVersion')!;
    expect(d).toMatchObject({ line: 1, col: 1, severity: 'error' });
    expect(d.fix?.insert).toContain('apiVersion: networking.k8s.io/v1');
    expect(d.fix?.insert).toContain('name: web');
  });
});
