import { describe, expect, it } from 'vitest';
import { matchRequest } from './matchRequest';
import { app, modelFrom } from './testFixtures';
import type { HttpRequest, IngressModel } from './types';

const ingress = (name: string, spec: string, annotations = '', extraMeta = '') => `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
${annotations ? `  annotations:\n${annotations}` : ''}${extraMeta}
spec:
${spec}
---`;

const path = (p: string, type: string, svc: string) =>
  `      - {path: "${p}", pathType: ${type}, backend: {service: {name: ${svc}, port: {number: 80}}}}`;

function ask(model: IngressModel, host: string, uri: string, scheme: HttpRequest['scheme'] = 'https') {
  return matchRequest(model, { host, path: uri, scheme });
}

/** `status service` or `status -> location` for each request, the way a decision table reads. */
function table(model: IngressModel, requests: [string, string, HttpRequest['scheme']?][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [host, uri, scheme] of requests) {
    const r = ask(model, host, uri, scheme ?? 'https');
    out[`${scheme ?? 'https'}://${host}${uri}`] = r.location
      ? `${r.httpStatus} -> ${r.location}`
      : `${r.httpStatus}${r.backend ? ` ${r.backend.service}` : ''}`;
  }
  return out;
}

describe('pathType matching (Kubernetes spec, as ingress-nginx implements it)', () => {
  const model = modelFrom(
    app('foo') +
      app('foo-exact') +
      app('bar') +
      ingress(
        'paths',
        `  ingressClassName: nginx
  rules:
  - host: example.com
    http:
      paths:
${path('/foo', 'Prefix', 'foo')}
${path('/foo', 'Exact', 'foo-exact')}
${path('/bar/', 'Prefix', 'bar')}`,
      ),
  );

  it('Exact beats Prefix for the same path; Prefix matches by path elements', () => {
    expect(
      table(model, [
        ['example.com', '/foo'],
        ['example.com', '/foo/'],
        ['example.com', '/foo/bar'],
        ['example.com', '/foobar'],
        ['example.com', '/FOO'],
      ]),
    ).toEqual({
      'https://example.com/foo': '200 default/foo-exact',
      'https://example.com/foo/': '200 default/foo',
      'https://example.com/foo/bar': '200 default/foo',
      'https://example.com/foobar': '404',
      'https://example.com/FOO': '404',
    });
  });

  it("a Prefix path written with a trailing slash answers its slash-less name with nginx's 301", () => {
    const r = ask(model, 'example.com', '/bar?x=1');
    expect(r.httpStatus).toBe(301);
    expect(r.location).toBe('https://example.com/bar/?x=1');
    expect(r.decisions.find((d) => d.path === '/bar/')).toMatchObject({
      verdict: 'matched',
      reason: { key: 'explain.ingress.rule.slashRedirect' },
    });
  });

  it('the decision table says why each rule lost', () => {
    const r = ask(model, 'example.com', '/foobar');
    const why = Object.fromEntries(r.decisions.map((d) => [`${d.pathType} ${d.path}`, `${d.verdict}: ${d.reason.key.split('.').pop()}`]));
    expect(why).toEqual({
      'Prefix /foo': 'lost: prefixElement',
      'Exact /foo': 'lost: exactMismatch',
      'Prefix /bar/': 'lost: pathMismatch',
    });
    expect(r.reason.key).toBe('explain.ingress.result.noPath');

    const exact = ask(model, 'example.com', '/foo');
    expect(exact.decisions.map((d) => `${d.pathType} ${d.verdict} ${d.reason.key.split('.').pop()}`)).toEqual([
      'Prefix lost shadowedExact',
      'Exact matched won',
      'Prefix lost pathMismatch',
    ]);
  });

  it('the location nginx chose is reported as nginx.conf writes it', () => {
    expect(ask(model, 'example.com', '/foo').nginxLocation).toBe('= "/foo"');
    expect(ask(model, 'example.com', '/foo/x').nginxLocation).toBe('"/foo/"');
  });
});

describe('hosts', () => {
  const model = modelFrom(
    app('wild') +
      app('exact') +
      app('nohost') +
      ingress(
        'hosts',
        `  ingressClassName: nginx
  rules:
  - host: "*.example.com"
    http:
      paths:
${path('/', 'Prefix', 'wild')}
  - host: api.example.com
    http:
      paths:
${path('/', 'Prefix', 'exact')}
  - http:
      paths:
${path('/', 'Prefix', 'nohost')}`,
      ),
  );

  it('exact host beats wildcard; a wildcard covers one label; no host catches the rest', () => {
    expect(
      table(model, [
        ['api.example.com', '/'],
        ['www.example.com', '/'],
        ['WWW.Example.com:8443', '/'],
        ['a.b.example.com', '/'],
        ['example.com', '/'],
        ['10.0.0.1', '/'],
      ]),
    ).toEqual({
      'https://api.example.com/': '200 default/exact',
      'https://www.example.com/': '200 default/wild',
      'https://WWW.Example.com:8443/': '200 default/wild',
      'https://a.b.example.com/': '200 default/nohost',
      'https://example.com/': '200 default/nohost',
      'https://10.0.0.1/': '200 default/nohost',
    });
  });

  it("explains the wildcard's one label and the exact host's precedence", () => {
    const deep = ask(model, 'a.b.example.com', '/');
    expect(deep.decisions.find((d) => d.host === '*.example.com')?.reason.key).toBe('explain.ingress.rule.wildcardOneLabel');
    const api = ask(model, 'api.example.com', '/');
    expect(api.decisions.find((d) => d.host === '*.example.com')?.reason.key).toBe('explain.ingress.rule.hostShadowed');
    expect(api.decisions.find((d) => d.host === '')?.reason.key).toBe('explain.ingress.rule.hostNamed');
  });
});

describe('default backends', () => {
  it("an unknown host and an unmatched path get the controller's 404", () => {
    const model = modelFrom(
      app('foo') +
        ingress('one', `  ingressClassName: nginx\n  rules:\n  - host: a.test\n    http:\n      paths:\n${path('/app', 'Prefix', 'foo')}`),
    );
    const unknownHost = ask(model, 'b.test', '/app');
    expect(unknownHost).toMatchObject({ httpStatus: 404, server: '_', reason: { key: 'explain.ingress.result.noHost' } });
    expect(ask(model, 'a.test', '/other')).toMatchObject({
      httpStatus: 404,
      server: 'a.test',
      reason: { key: 'explain.ingress.result.noPath' },
    });
  });

  it("spec.defaultBackend serves its hosts' unmatched paths, and everything when the Ingress has no rules", () => {
    const model = modelFrom(
      app('foo') +
        app('fallback') +
        app('catchall') +
        ingress(
          'with-rules',
          `  ingressClassName: nginx\n  defaultBackend: {service: {name: fallback, port: {number: 80}}}\n  rules:\n  - host: a.test\n    http:\n      paths:\n${path('/app', 'Prefix', 'foo')}`,
        ) +
        ingress('no-rules', `  ingressClassName: nginx\n  defaultBackend: {service: {name: catchall, port: {name: http}}}`),
    );
    expect(
      table(model, [
        ['a.test', '/app'],
        ['a.test', '/elsewhere'],
        ['b.test', '/'],
      ]),
    ).toEqual({
      'https://a.test/app': '200 default/foo',
      'https://a.test/elsewhere': '200 default/fallback',
      'https://b.test/': '200 default/catchall',
    });
    const row = ask(model, 'a.test', '/elsewhere').decisions.find(
      (d) => d.ingress === 'default/with-rules' && d.pathType === 'defaultBackend',
    );
    expect(row).toMatchObject({ verdict: 'matched', reason: { key: 'explain.ingress.rule.defaultBackendUsed' } });
  });
});

describe('TLS and ssl-redirect', () => {
  const spec = (tlsHost: string) => `  ingressClassName: nginx
  tls: [{hosts: [${tlsHost}], secretName: web-tls}]
  rules:
  - host: secure.test
    http:
      paths:
${path('/', 'Prefix', 'web')}
---`;

  it('http to a host with TLS gets 308 to https (the trailing slash of the URI dropped); https is proxied', () => {
    const model = modelFrom(app('web') + ingress('tls', spec('secure.test')));
    expect(
      table(model, [
        ['secure.test', '/', 'http'],
        ['secure.test', '/a/b/?q=1', 'http'],
        ['secure.test', '/a/b/', 'http'],
        ['secure.test', '/', 'https'],
      ]),
    ).toEqual({
      'http://secure.test/': '308 -> https://secure.test',
      'http://secure.test/a/b/?q=1': '308 -> https://secure.test/a/b/?q=1',
      'http://secure.test/a/b/': '308 -> https://secure.test/a/b',
      'https://secure.test/': '200 default/web',
    });
  });

  it('ssl-redirect: "false" turns it off; force-ssl-redirect redirects without TLS; ACME challenges stay on http', () => {
    const off = modelFrom(app('web') + ingress('tls', spec('secure.test'), '    nginx.ingress.kubernetes.io/ssl-redirect: "false"'));
    expect(ask(off, 'secure.test', '/', 'http').httpStatus).toBe(200);
    const forced = modelFrom(
      app('web') +
        ingress(
          'plain',
          `  ingressClassName: nginx\n  rules:\n  - host: secure.test\n    http:\n      paths:\n${path('/', 'Prefix', 'web')}`,
          '    nginx.ingress.kubernetes.io/force-ssl-redirect: "true"',
        ),
    );
    expect(ask(forced, 'secure.test', '/x', 'http')).toMatchObject({
      httpStatus: 308,
      location: 'https://secure.test/x',
      reason: { key: 'explain.ingress.result.forceSslRedirect' },
    });
    const tls = modelFrom(app('web') + ingress('tls', spec('secure.test')));
    expect(ask(tls, 'secure.test', '/.well-known/acme-challenge/token', 'http').httpStatus).toBe(308); // the location is "/", not the ACME path
  });

  it('a host without TLS is not redirected', () => {
    const model = modelFrom(
      app('web') +
        ingress(
          'plain',
          `  ingressClassName: nginx\n  rules:\n  - host: plain.test\n    http:\n      paths:\n${path('/', 'Prefix', 'web')}`,
        ),
    );
    expect(ask(model, 'plain.test', '/', 'http').httpStatus).toBe(200);
  });
});

describe('use-regex and rewrite-target', () => {
  const model = modelFrom(
    app('api') +
      app('web') +
      ingress(
        'rewrite',
        `  ingressClassName: nginx
  rules:
  - host: r.test
    http:
      paths:
      - {path: "/api(/|$)(.*)", pathType: ImplementationSpecific, backend: {service: {name: api, port: {number: 80}}}}
      - {path: "/", pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}`,
        '    nginx.ingress.kubernetes.io/use-regex: "true"\n    nginx.ingress.kubernetes.io/rewrite-target: /$2',
      ),
  );

  it('every location of the server becomes a case-insensitive regex, tried in nginx.conf order', () => {
    const server = model.servers.find((s) => s.hostname === 'r.test')!;
    expect(server.locations.map((l) => l.text)).toEqual(['~* "^/api(/|$)(.*)"', '~* "^/"']);
    expect(
      table(model, [
        ['r.test', '/api/users'],
        ['r.test', '/API'],
        ['r.test', '/apix'],
      ]),
    ).toEqual({
      'https://r.test/api/users': '200 default/api',
      'https://r.test/API': '200 default/api',
      'https://r.test/apix': '200 default/web',
    });
  });

  it('rewrite-target replaces the URI with $n filled in, keeping the query', () => {
    expect(ask(model, 'r.test', '/api/users?id=7').upstreamUri).toBe('/users?id=7');
    expect(ask(model, 'r.test', '/api').upstreamUri).toBe('/');
  });
});

describe('backends that answer 503', () => {
  it('a missing Service, a missing port, or no ready endpoints give 503 and a warning', () => {
    const model = modelFrom(
      app('web') +
        app('empty', 0) +
        ingress(
          'broken',
          `  ingressClassName: nginx
  rules:
  - host: b.test
    http:
      paths:
${path('/missing', 'Prefix', 'nothere')}
      - {path: /port, pathType: Prefix, backend: {service: {name: web, port: {number: 9999}}}}
${path('/empty', 'Prefix', 'empty')}`,
        ),
    );
    const reasons = ['/missing', '/port', '/empty'].map((p) => {
      const r = ask(model, 'b.test', p);
      return `${r.httpStatus} ${r.reason.key.split('.').pop()}`;
    });
    expect(reasons).toEqual(['503 noService', '503 noServicePort', '503 noEndpoints']);
    expect(model.diagnostics.map((d) => `${d.code}@${d.line}`)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ingress\.upstream\.noService@\d+$/),
        expect.stringMatching(/^ingress\.upstream\.noServicePort@/),
        expect.stringMatching(/^ingress\.upstream\.noEndpoints@/),
      ]),
    );
  });

  it('upstreams are pod IPs and target ports, never the Service IP', () => {
    const model = modelFrom(
      app('web', 3) + ingress('one', `  ingressClassName: nginx\n  rules:\n  - http:\n      paths:\n${path('/', 'Prefix', 'web')}`),
    );
    const r = ask(model, 'anything', '/');
    expect(r.backend?.endpoints).toHaveLength(3);
    for (const e of r.backend!.endpoints) {
      expect(e.address).toMatch(/^10\.244\./);
      expect(e.port).toBe(8080);
      expect(e.pod).toMatch(/^default\/web-/);
    }
  });
});

describe('IngressClass selection', () => {
  const rules = `  rules:\n  - host: c.test\n    http:\n      paths:\n${path('/', 'Prefix', 'web')}`;

  it('serves ingressClassName nginx and the legacy annotation "nginx"; ignores the rest and says why', () => {
    const model = modelFrom(
      app('web') +
        ingress('by-name', `  ingressClassName: nginx\n${rules}`) +
        ingress('no-class', rules.replace('c.test', 'none.test')) +
        ingress('annotated', rules.replace('c.test', 'a.test'), '    kubernetes.io/ingress.class: nginx') +
        ingress('traefik', rules.replace('c.test', 't.test'), '    kubernetes.io/ingress.class: traefik') +
        ingress('unknown', `  ingressClassName: haproxy\n${rules.replace('c.test', 'u.test')}`),
    );
    expect(Object.fromEntries(model.ingresses.map((s) => [s.key, s.served ? 'served' : s.reason!.key.split('.').pop()]))).toEqual({
      'default/by-name': 'served',
      'default/no-class': 'missing',
      'default/annotated': 'served',
      'default/traefik': 'annotationOther',
      'default/unknown': 'unknown',
    });
    expect(ask(model, 'none.test', '/').httpStatus).toBe(404);
    expect(ask(model, 'none.test', '/').decisions.find((d) => d.ingress === 'default/no-class')).toMatchObject({
      verdict: 'ignored',
      reason: { key: 'explain.ingress.class.missing' },
    });
    expect(model.diagnostics.find((d) => d.code === 'ingress.noClass')?.severity).toBe('warning');
  });

  it('a default IngressClass gives class-less Ingresses its name (DefaultIngressClass admission)', () => {
    const model = modelFrom(app('web') + ingress('no-class', rules), {}, true);
    expect(model.ingresses[0]).toMatchObject({ served: true, className: 'nginx' });
    expect(ask(model, 'c.test', '/').httpStatus).toBe(200);
  });

  it('an IngressClass of another controller is not ours', () => {
    const model = modelFrom(
      app('web') +
        `\napiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: other}\nspec: {controller: example.com/other}\n---` +
        ingress('x', `  ingressClassName: other\n${rules}`),
    );
    expect(model.ingresses[0].reason?.key).toBe('explain.ingress.class.otherController');
  });
});

describe('conflicting Ingresses', () => {
  it('the admission webhook denies a second Ingress for the same host and path, as kubectl apply would print it', () => {
    const model = modelFrom(
      app('a') +
        app('b') +
        ingress(
          'first',
          `  ingressClassName: nginx\n  rules:\n  - host: x.test\n    http:\n      paths:\n${path('/shop', 'Prefix', 'a')}`,
        ) +
        ingress('second', `  ingressClassName: nginx\n  rules:\n  - host: x.test\n    http:\n      paths:\n${path('/shop', 'Exact', 'b')}`),
    );
    const d = model.diagnostics.find((x) => x.code === 'ingress.admissionConflict')!;
    expect(d).toMatchObject({
      severity: 'error',
      params: { ingress: 'default/second', host: 'x.test', path: '/shop', other: 'default/first' },
    });
    expect(d.line).toBeGreaterThan(1);
    expect(ask(model, 'x.test', '/shop').backend?.service).toBe('default/a');
    expect(ask(model, 'x.test', '/shop').decisions.find((r) => r.ingress === 'default/second')?.verdict).toBe('ignored');
  });

  it('strict path validation rejects regex characters in Prefix and Exact paths', () => {
    const model = modelFrom(
      app('a') + ingress('regex', `  ingressClassName: nginx\n  rules:\n  - http:\n      paths:\n${path('/api(/|$)(.*)', 'Prefix', 'a')}`),
    );
    expect(model.diagnostics.find((x) => x.code === 'ingress.admissionPath')?.params).toMatchObject({
      path: '/api(/|$)(.*)',
      pathType: 'Prefix',
    });
    expect(model.ingresses[0].served).toBe(false);
  });
});

describe('scale', () => {
  it('1,000 Ingress rules: the index answers with the right rule', () => {
    const docs = Array.from({ length: 1000 }, (_, i) =>
      ingress(
        `ing-${i}`,
        `  ingressClassName: nginx\n  rules:\n  - host: h${i % 100}.test\n    http:\n      paths:\n${path(`/p${i}`, 'Prefix', 'web')}`,
      ),
    ).join('\n');
    const model = modelFrom(app('web') + docs);
    expect(model.rows).toHaveLength(1000);
    const r = ask(model, 'h42.test', '/p542/x');
    expect(r).toMatchObject({ httpStatus: 200, ingress: 'default/ing-542' });
    expect(r.decisions.filter((d) => d.verdict === 'matched')).toHaveLength(1);
  });
});
