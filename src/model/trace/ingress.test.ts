import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dump } from 'js-yaml';
import { deriveModel, walkPacket, type Model, type Service } from '../index';
import { ingressNginxObjects } from '../ingress';

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

describe('ingress-nginx installed without an Ingress', () => {
  const ingressClass = readFileSync(new URL('../ingress/testdata/ingress-class-only.yaml', import.meta.url), 'utf8');

  it('an IngressClass of k8s.io/ingress-nginx installs the controller: a request gets its default server’s 404', () => {
    const m = derive(ingressClass);
    expect(m.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(m.ingress?.servers.map((s) => s.hostname)).toEqual(['_']);
    const outcome = request(m, 'http://shop.example/').outcome;
    expect(outcome).toMatchObject({ result: 'delivered', service: 'ingress-nginx/ingress-nginx-controller', http: { status: 404 } });
  });

  it('another controller’s IngressClass installs nothing', () => {
    const m = derive(ingressClass.replace('k8s.io/ingress-nginx', 'traefik.io/ingress-controller'));
    expect(m.ingress).toBeUndefined();
    expect(m.state.services.some((s) => s.metadata.namespace === 'ingress-nginx')).toBe(false);
  });

  it('the deploy manifest’s own controller Deployment and Service install it, once, with what the learner wrote', () => {
    const objects = ingressNginxObjects({ serviceType: 'NodePort' }).filter((o) => o.kind === 'Deployment' || o.kind === 'Service');
    const controller = objects.find((o): o is Service => o.kind === 'Service' && o.metadata.name === 'ingress-nginx-controller')!;
    controller.spec.ports![0].nodePort = 30080;
    const m = derive(objects.map((o) => dump(o)).join('---\n'));
    const services = m.state.services.filter((s) => s.metadata.name === 'ingress-nginx-controller');
    expect(services.map((s) => s.spec.ports[0].nodePort)).toEqual([30080]);
    expect(m.state.pods.filter((p) => p.metadata.namespace === 'ingress-nginx')).toHaveLength(1);
    expect(request(m, 'http://192.168.1.11:30080/').outcome.http?.status).toBe(404);
  });
});
