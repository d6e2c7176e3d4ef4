// ingress-nginx's canary Ingresses through the real command: a header sends the request to the
// canary's pods, a weight of 50 splits repeated requests between both Services, and the gallery's
// "your Ingress, migrated" (main and canary for the same host and path) derives without an error.
import { describe, expect, it } from 'vitest';
import { runProcess as run } from './runCli';

const app = (name: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: 2
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  selector: {app: ${name}}
  ports: [{name: http, port: 80, targetPort: 8080}]
---`;

const ingress = (name: string, svc: string, annotations: Record<string, string>) => `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ${name}, annotations: ${JSON.stringify(annotations)}}
spec:
  ingressClassName: nginx
  rules:
  - host: shop.test
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: ${svc}, port: {number: 80}}}}
---`;

const cluster =
  app('shop') +
  app('shop-v2') +
  ingress('shop', 'shop', {}) +
  ingress('shop-canary', 'shop-v2', {
    'nginx.ingress.kubernetes.io/canary': 'true',
    'nginx.ingress.kubernetes.io/canary-by-header': 'canary',
    'nginx.ingress.kubernetes.io/canary-weight': '50',
  });

const trace = (...args: string[]) =>
  run(['trace', '-f', '-', '--from', 'client', '--to', 'http://shop.test/', ...args, '-o', 'json'], cluster);

describe('canary Ingresses through packetwalk trace', () => {
  it("--header 'canary: always' reaches the canary's Service, 'canary: never' the main one, and the step says why", () => {
    const always = trace('--header', 'canary: always');
    expect(always.code).toBe(0);
    const t = JSON.parse(always.out);
    expect(t.outcome).toMatchObject({
      result: 'delivered',
      service: 'default/shop-v2',
      http: { status: 200, ingress: 'default/shop', canary: 'default/shop-canary' },
    });
    expect(t.steps.map((s: { explain: { key: string } }) => s.explain)).toContainEqual({
      key: 'explain.ingress.canary.headerAlways',
      params: expect.objectContaining({ canary: 'default/shop-canary', header: 'canary', service: 'default/shop-v2' }),
    });
    const never = JSON.parse(trace('--header', 'canary: never').out);
    expect(never.outcome.service).toBe('default/shop');
    expect(never.outcome.http.canary).toBeUndefined();
  });

  it('--repeat 20 with weight 50 reaches both Services', () => {
    const { code, out } = trace('--repeat', '20');
    expect(code).toBe(0);
    const services = new Set((JSON.parse(out) as { service: string }[]).map((o) => o.service));
    expect([...services].sort()).toEqual(['default/shop', 'default/shop-v2']);
  });

  it('the migration scenario (a main Ingress and its weighted canary) derives without an error', () => {
    const { code, err } = run(['get', '-f', 'public/scenarios/ingress-migrate.yaml']);
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});
