import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveModel, migrationComparison, parseHeaderLines } from './index';

const service = (name: string) => `---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: {app: ${name}}
  ports:
  - port: 80
    targetPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 1
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: ${name}
        image: hashicorp/http-echo
`;

/** One Ingress path `/foo` of the given type. */
const fooIngress = (pathType: string): string => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  ingressClassName: nginx
  rules:
  - host: web.example.test
    http:
      paths:
      - path: /foo
        pathType: ${pathType}
        backend:
          service:
            name: foo
            port:
              number: 80
${service('foo')}`;

const compare = (text: string, added = [] as Parameters<typeof migrationComparison>[1]) =>
  migrationComparison(deriveModel([{ name: 'paste.yaml', text }]), added)!;

const row = (c: ReturnType<typeof compare>, scheme: string, path: string) =>
  c.rows.find((r) => r.request.scheme === scheme && r.request.path === path)!;

describe('migrationComparison', () => {
  it('asks each rule with the classic probes: the trailing slash and a name that only shares the prefix', () => {
    const c = compare(fooIngress('Prefix'));
    expect(c.rows.map((r) => [r.request.path, r.request.probe])).toEqual([
      ['/foo', 'rule'],
      ['/foo/', 'slash'],
      ['/foobar', 'sharedPrefix'],
    ]);
    // Prefix is by path elements on both sides: nothing to flag.
    expect(c.rows.map((r) => [r.nginx.status, r.gateway.status, r.differs])).toEqual([
      [200, 200, []],
      [200, 200, []],
      [404, 404, []],
    ]);
  });

  it('keeps /foobar with a use-regex /foo: nginx’s regex is a prefix, and the conversion appends `.*` to keep it one', () => {
    const c = compare(
      fooIngress('ImplementationSpecific').replace(
        '  name: web\n',
        '  name: web\n  annotations:\n    nginx.ingress.kubernetes.io/use-regex: "true"\n',
      ),
    );
    const foobar = row(c, 'http', '/foobar');
    expect(foobar.request.probe).toBe('sharedPrefix');
    expect(foobar.nginx).toMatchObject({ status: 200, ingress: 'default/web', backend: 'default/foo:80' });
    expect(foobar.gateway).toMatchObject({ status: 200, backend: { service: 'default/foo' } });
    expect(foobar.differs).toEqual([]);
  });

  it('puts the converted objects in the Ingresses’ place, with a GatewayClass for Envoy Gateway, the rest of the paste kept', () => {
    const c = compare(fooIngress('Prefix'));
    expect(c.original).toMatch(/^apiVersion: networking.k8s.io\/v1\nkind: Ingress\n/);
    expect(c.converted).toContain('kind: HTTPRoute');
    expect(c.addedClasses).toEqual(['nginx']);
    expect(c.text).not.toContain('kind: Ingress');
    expect(c.text).toContain('controllerName: gateway.envoyproxy.io/gatewayclass-controller');
    const migrated = deriveModel([{ name: 'migrated.yaml', text: c.text }]);
    expect(migrated.state.services.map((s) => s.metadata.name)).toContain('foo');
    expect(migrated.gatewayApi?.routes.map((r) => r.metadata.name)).toEqual(['web-web-example-test']);
  });

  it('the migration scenario: ingress-nginx’s https redirect and capture groups against what the converted routes do', () => {
    const c = compare(readFileSync('public/scenarios/ingress-migrate.yaml', 'utf8'));
    const sample = row(c, 'https', '/api/sample');
    expect(sample.request.probe).toBe('regexSample');
    // nginx fills /$2 from its capture group; URLRewrite writes the text as it is.
    expect(sample.nginx).toMatchObject({ status: 200, backend: 'default/api:80', upstreamPath: '/sample' });
    expect(sample.gateway).toMatchObject({ status: 200, route: 'default/shop-shop-example-test' });
    expect(sample.gatewayUpstreamPath).toBe('/$2');
    expect(sample.differs).toEqual(['upstreamPath']);
    // ingress2gateway's 308 is not a status the standard channel accepts: its http route is refused, so http gets 404.
    const http = row(c, 'http', '/api/sample');
    expect(http.nginx).toMatchObject({ status: 308, location: 'https://shop.example.test/api/sample' });
    expect(http.gateway.status).toBe(404);
    expect(http.differs).toEqual(['status']);
  });

  it('answers a request the learner adds, with its method and headers, after the derived ones', () => {
    const c = compare(fooIngress('Prefix'), [
      { scheme: 'http', host: 'web.example.test', path: '/foo/bar?x=1', method: 'POST', headers: [{ name: 'X-Test', value: '1' }] },
    ]);
    const added = c.rows.at(-1)!;
    expect(added.request).toMatchObject({ probe: 'added', method: 'POST', path: '/foo/bar?x=1' });
    expect(added.nginx.status).toBe(200);
    expect(added.gateway).toMatchObject({ status: 200, backend: { service: 'default/foo', port: 80 } });
  });

  it('answers 503 on both sides when the Service has no ready pod', () => {
    const noPods = fooIngress('Prefix').replace(/---\napiVersion: apps\/v1[\s\S]*$/, '');
    const rule = row(compare(noPods), 'http', '/foo');
    expect(rule.nginx.status).toBe(503);
    expect(rule.gateway).toMatchObject({ status: 503, reason: { key: 'explain.gateway.noEndpoints' } });
    expect(rule.differs).toEqual([]);
  });

  it('has nothing to compare without an Ingress', () => {
    expect(migrationComparison(deriveModel([{ name: 'a.yaml', text: service('foo') }]))).toBeUndefined();
  });
});

describe('parseHeaderLines', () => {
  it('reads `Name: value` lines as --header does, leaving out what is not a header', () => {
    expect(parseHeaderLines('X-Canary: always\nnot a header\n: empty\nHost:  shop.example.test ')).toEqual([
      { name: 'X-Canary', value: 'always' },
      { name: 'Host', value: 'shop.example.test' },
    ]);
  });
});
