// Canary Ingresses, with the requests and expected backends of ingress-nginx's own e2e tests
// (test/e2e/annotations/canary.go): header always/never/value/pattern, cookie, weight and
// weight-total, and a canary without a main Ingress.
import { describe, expect, it } from 'vitest';
import { matchRequest } from './matchRequest';
import { app, modelFrom } from './testFixtures';
import type { HttpHeader } from '../http/request';
import type { IngressModel } from './types';

const ingress = (name: string, host: string, svc: string, annotations: Record<string, string> = {}, path = '/info') => `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  annotations: ${JSON.stringify(annotations)}
spec:
  ingressClassName: nginx
  rules:
  - host: ${host}
    http:
      paths:
      - {path: ${path}, pathType: Prefix, backend: {service: {name: ${svc}, port: {number: 80}}}}
---`;

const canary = (more: Record<string, string>) => ({ 'nginx.ingress.kubernetes.io/canary': 'true', ...more });

/** Main Ingress `foo` -> echo and canary `foo-canary` -> canary, both for foo:/info (the e2e's setup). */
function withCanary(annotations: Record<string, string>): IngressModel {
  return modelFrom(
    app('echo') + app('canary') + ingress('foo', 'foo', 'echo') + ingress('foo-canary', 'foo', 'canary', canary(annotations)),
  );
}

/** The Service a GET http://foo/info with these headers reaches (seed: the weight draw). */
function reached(model: IngressModel, headers: HttpHeader[] = [], seed = 1): string {
  const r = matchRequest(model, { scheme: 'http', host: 'foo', path: '/info', headers }, { seed });
  return `${r.httpStatus} ${r.backend?.service ?? ''}`;
}

const h = (name: string, value: string): HttpHeader => ({ name, value });

describe('a canary Ingress beside its main Ingress', () => {
  it('is accepted by the admission webhook (same host and path), and nginx.conf gets no location for it', () => {
    const model = withCanary({ 'nginx.ingress.kubernetes.io/canary-by-header': 'CanaryByHeader' });
    expect(model.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(model.ingresses.map((i) => [i.key, i.served])).toEqual([
      ['default/foo', true],
      ['default/foo-canary', true],
    ]);
    expect(model.upstreams.get('default-echo-80')?.alternatives).toEqual(['default-canary-80']);
    expect(model.servers.flatMap((s) => s.locations.map((l) => l.upstream))).not.toContain('default-canary-80');
  });

  it('canary annotations without canary: "true" are dropped with a warning, and the Ingress is a main one the webhook refuses beside the first', () => {
    const model = modelFrom(
      app('echo') +
        app('canary') +
        ingress('foo', 'foo', 'echo') +
        ingress('foo-canary', 'foo', 'canary', { 'nginx.ingress.kubernetes.io/canary-weight': '30' }),
    );
    expect(model.diagnostics.map((d) => [d.code, d.params['name'] ?? ''])).toEqual([
      ['ingress.canary.notEnabled', 'nginx.ingress.kubernetes.io/canary-weight'],
      ['ingress.admissionConflict', ''],
    ]);
  });

  it('two main Ingresses for the same host and path are still refused', () => {
    const model = modelFrom(app('echo') + app('canary') + ingress('foo', 'foo', 'echo') + ingress('foo-2', 'foo', 'canary'));
    expect(model.diagnostics.map((d) => d.code)).toEqual(['ingress.admissionConflict']);
  });

  it('canary: "false" is a main Ingress, yet written at all it keeps the webhook from refusing the overlap (checkOverlap); the first in the controller order keeps the path (same age: names descending)', () => {
    const model = modelFrom(
      app('echo') +
        app('canary') +
        ingress('foo', 'foo', 'echo') +
        ingress('foo-2', 'foo', 'canary', { 'nginx.ingress.kubernetes.io/canary': 'false' }),
    );
    expect(model.diagnostics.map((d) => d.code)).toEqual([]);
    expect(reached(model, [h('CanaryByHeader', 'always')])).toBe('200 default/canary');
    expect(
      matchRequest(model, { scheme: 'http', host: 'foo', path: '/info' }).decisions.find((d) => d.ingress === 'default/foo'),
    ).toMatchObject({
      verdict: 'lost',
      reason: { key: 'explain.ingress.rule.duplicate', params: { other: 'default/foo-2' } },
    });
    const unreadable = modelFrom(app('echo') + ingress('foo', 'foo', 'echo', { 'nginx.ingress.kubernetes.io/canary': 'yes' }));
    expect(unreadable.diagnostics.map((d) => [d.code, d.params['value']])).toEqual([['ingress.badAnnotation', 'yes']]);
  });

  it('by header with no value: "always" goes to the canary, "never" and other values to the mainline', () => {
    const model = withCanary({ 'nginx.ingress.kubernetes.io/canary-by-header': 'CanaryByHeader' });
    expect(reached(model, [h('CanaryByHeader', 'always')])).toBe('200 default/canary');
    expect(reached(model, [h('canarybyheader', 'always')])).toBe('200 default/canary');
    expect(reached(model, [h('CanaryByHeader', 'never')])).toBe('200 default/echo');
    expect(reached(model, [h('CanaryByHeader', 'badvalue')])).toBe('200 default/echo');
    expect(reached(model)).toBe('200 default/echo');
  });

  it('by header with a value: only that value goes to the canary ("always" is just another value)', () => {
    const model = withCanary({
      'nginx.ingress.kubernetes.io/canary-by-header': 'CanaryByHeader',
      'nginx.ingress.kubernetes.io/canary-by-header-value': 'DoCanary',
    });
    expect(reached(model, [h('CanaryByHeader', 'DoCanary')])).toBe('200 default/canary');
    expect(reached(model, [h('CanaryByHeader', 'always')])).toBe('200 default/echo');
    expect(reached(model, [h('CanaryByHeader', 'never')])).toBe('200 default/echo');
    const r = matchRequest(model, { scheme: 'http', host: 'foo', path: '/info', headers: [h('CanaryByHeader', 'DoCanary')] });
    expect(r.canary).toMatchObject({ ingress: 'default/foo-canary', taken: true, reason: { key: 'explain.ingress.canary.headerValue' } });
  });

  it('by header pattern; a value given beside it wins; a pattern that does not compile keeps the mainline even with the cookie', () => {
    const pattern = withCanary({
      'nginx.ingress.kubernetes.io/canary-by-header': 'CanaryByHeader',
      'nginx.ingress.kubernetes.io/canary-by-header-pattern': '^Do[A-Z][a-z]+y$',
    });
    expect(reached(pattern, [h('CanaryByHeader', 'DoCanary')])).toBe('200 default/canary');
    expect(reached(pattern, [h('CanaryByHeader', 'Docanary')])).toBe('200 default/echo');
    const both = withCanary({
      'nginx.ingress.kubernetes.io/canary-by-header': 'CanaryByHeader',
      'nginx.ingress.kubernetes.io/canary-by-header-value': 'DoCanary',
      'nginx.ingress.kubernetes.io/canary-by-header-pattern': '^Do[A-Z][a-z]+y$',
    });
    expect(reached(both, [h('CanaryByHeader', 'DoCananry')])).toBe('200 default/echo');
    const broken = withCanary({
      'nginx.ingress.kubernetes.io/canary-by-header': 'CanaryByHeader',
      'nginx.ingress.kubernetes.io/canary-by-header-pattern': '[][**da?$&*',
      'nginx.ingress.kubernetes.io/canary-by-cookie': 'CanaryByCookie',
    });
    expect(reached(broken, [h('CanaryByHeader', 'DoCanary'), h('Cookie', 'CanaryByCookie=always')])).toBe('200 default/echo');
  });

  it('a header value that does not match falls through to the cookie', () => {
    const model = withCanary({
      'nginx.ingress.kubernetes.io/canary-by-header': 'CanaryByHeader',
      'nginx.ingress.kubernetes.io/canary-by-header-value': 'DoCanary',
      'nginx.ingress.kubernetes.io/canary-by-cookie': 'CanaryByCookie',
    });
    expect(reached(model, [h('CanaryByHeader', 'otherheadervalue'), h('Cookie', 'CanaryByCookie=always')])).toBe('200 default/canary');
  });

  it('by cookie: "always" and "never" decide, another value leaves it to the weight (0 here)', () => {
    const model = withCanary({ 'nginx.ingress.kubernetes.io/canary-by-cookie': 'Canary-By-Cookie' });
    expect(reached(model, [h('Cookie', 'a=b; Canary-By-Cookie=always')])).toBe('200 default/canary');
    expect(reached(model, [h('Cookie', 'Canary-By-Cookie=never')])).toBe('200 default/echo');
    expect(reached(model, [h('Cookie', 'Canary-By-Cookie=badvalue')])).toBe('200 default/echo');
  });

  it('the header is asked before the cookie: header "never" beats cookie "always"', () => {
    const model = withCanary({
      'nginx.ingress.kubernetes.io/canary-by-header': 'CanaryByHeader',
      'nginx.ingress.kubernetes.io/canary-by-cookie': 'CanaryByCookie',
      'nginx.ingress.kubernetes.io/canary-weight': '100',
    });
    expect(reached(model, [h('CanaryByHeader', 'never'), h('Cookie', 'CanaryByCookie=always')])).toBe('200 default/echo');
    expect(reached(model, [h('Cookie', 'CanaryByCookie=never')])).toBe('200 default/echo');
    expect(reached(model)).toBe('200 default/canary');
  });

  const spread = (annotations: Record<string, string>) => {
    const model = withCanary(annotations);
    const seen = new Set<string>();
    for (let seed = 1; seed <= 50; seed++) seen.add(reached(model, [], seed));
    return [...seen].sort();
  };

  it('by weight: 0 only mainline, 100 only canary, weight = total only canary, 50 both, 100 of 200 both', () => {
    const w = 'nginx.ingress.kubernetes.io/canary-weight';
    const total = 'nginx.ingress.kubernetes.io/canary-weight-total';
    expect(spread({ [w]: '0' })).toEqual(['200 default/echo']);
    expect(spread({ [w]: '100' })).toEqual(['200 default/canary']);
    expect(spread({ [w]: '1000', [total]: '1000' })).toEqual(['200 default/canary']);
    expect(spread({ [w]: '50' })).toEqual(['200 default/canary', '200 default/echo']);
    expect(spread({ [w]: '100', [total]: '200' })).toEqual(['200 default/canary', '200 default/echo']);
    // A total under 100 is not used: weight 50 of "50" is still half of 100.
    expect(spread({ [w]: '50', [total]: '50' })).toEqual(['200 default/canary', '200 default/echo']);
  });

  it('the same seed always draws the same way', () => {
    const model = withCanary({ 'nginx.ingress.kubernetes.io/canary-weight': '50' });
    expect(reached(model, [], 7)).toBe(reached(model, [], 7));
  });

  it("the decision table shows the canary rule's verdict and why", () => {
    const model = withCanary({ 'nginx.ingress.kubernetes.io/canary-by-header': 'X-Canary' });
    const verdict = (headers: HttpHeader[], host = 'foo') =>
      matchRequest(model, { scheme: 'http', host, path: '/info', headers }).decisions.find((d) => d.ingress === 'default/foo-canary');
    expect(verdict([h('X-Canary', 'always')])).toMatchObject({
      verdict: 'matched',
      reason: { key: 'explain.ingress.canary.headerAlways' },
    });
    expect(verdict([h('X-Canary', 'never')])).toMatchObject({ verdict: 'lost', reason: { key: 'explain.ingress.canary.headerNever' } });
    expect(verdict([], 'bar')).toMatchObject({ verdict: 'lost', reason: { key: 'explain.ingress.rule.canaryUnused' } });
  });
});

describe('a canary Ingress without its main Ingress', () => {
  it('is not a server of its own: its host answers 404 even with the header, and a warning says why', () => {
    const yaml =
      app('canary') + ingress('foo-canary', 'foo', 'canary', canary({ 'nginx.ingress.kubernetes.io/canary-by-header': 'CanaryByHeader' }));
    const model = modelFrom(yaml);
    expect(reached(model, [h('CanaryByHeader', 'always')])).toBe('404 ');
    const pathLine = yaml.split('\n').findIndex((l) => l.includes('path: /info')) + 1;
    expect(model.diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([['warning', 'ingress.canary.alone', pathLine]]);
  });

  it('a canary for a host or path no main Ingress serves is ignored with a warning at its path', () => {
    const model = modelFrom(
      app('echo') +
        app('canary') +
        ingress('foo', 'foo', 'echo') +
        ingress('foo-canary', 'foo', 'canary', canary({ 'nginx.ingress.kubernetes.io/canary-weight': '100' }), '/other'),
    );
    expect(reached(model)).toBe('200 default/echo');
    const d = model.diagnostics.find((x) => x.code === 'ingress.canary.noMain');
    expect(d).toMatchObject({
      severity: 'warning',
      params: { ingress: 'default/foo-canary', host: 'foo', path: '/other', pathType: 'Prefix' },
    });
    expect(model.upstreams.has('default-canary-80')).toBe(false);
    const row = matchRequest(model, { scheme: 'http', host: 'foo', path: '/other' }).decisions.find(
      (x) => x.ingress === 'default/foo-canary',
    );
    expect(row).toMatchObject({ verdict: 'ignored', reason: { key: 'explain.ingress.canary.noMain' } });
  });

  it('a second canary path to the same Service without a main path deletes the upstream the first one joined (canary.go: "does not crash")', () => {
    // /info joins the main upstream first; /other then finds no main and deletes the canary's upstream.
    const two = ingress('foo-canary', 'foo', 'canary', canary({ 'nginx.ingress.kubernetes.io/canary-weight': '100' })).replace(
      '---',
      '      - {path: /other, pathType: Prefix, backend: {service: {name: canary, port: {number: 80}}}}\n---',
    );
    const model = modelFrom(app('echo') + app('canary') + ingress('foo', 'foo', 'echo') + two);
    expect(model.diagnostics.map((d) => d.code).sort()).toEqual(['ingress.canary.noMain', 'ingress.canary.removed']);
    expect(model.upstreams.get('default-echo-80')?.alternatives).toEqual(['default-canary-80']);
    expect(model.upstreams.has('default-canary-80')).toBe(false);
    expect(reached(model)).toBe('200 default/echo');
  });

  it('a canary with no pods behind it is never asked; a mainline with none answers 503 whatever the header says', () => {
    const noCanaryPods = modelFrom(
      app('echo') +
        app('canary', 0) +
        ingress('foo', 'foo', 'echo') +
        ingress('foo-canary', 'foo', 'canary', canary({ 'nginx.ingress.kubernetes.io/canary-weight': '100' })),
    );
    expect(reached(noCanaryPods)).toBe('200 default/echo');
    const noMainPods = modelFrom(
      app('echo', 0) +
        app('canary') +
        ingress('foo', 'foo', 'echo') +
        ingress('foo-canary', 'foo', 'canary', canary({ 'nginx.ingress.kubernetes.io/canary-weight': '100' })),
    );
    expect(reached(noMainPods)).toBe('503 default/echo');
  });
});
