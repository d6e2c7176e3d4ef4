// The conversion against ingress2gateway v1.1.0's own expectations: its ingress-nginx provider
// tests (converter_test.go, redirect_test.go, regex_test.go), their Ingresses written as YAML
// and handed over in the test's order, the expected Gateways and HTTPRoutes compared field for field.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../manifest/parse';
import type { Gateway, HTTPRoute } from '../manifest/types';
import { convertInOrder, convertToGatewayApi } from './convert';

const testdata = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

function convert(text: string, inOrder = true) {
  const { manifests } = parseManifests([{ name: 'in.yaml', text }]);
  const result = inOrder ? convertInOrder(manifests) : convertToGatewayApi(manifests);
  const gateways = result.objects.filter((o): o is Gateway => o.kind === 'Gateway');
  const routes = new Map(result.objects.filter((o): o is HTTPRoute => o.kind === 'HTTPRoute').map((r) => [r.metadata.name, r]));
  return { ...result, gateways, routes };
}

/** An Ingress with one host and one path, as the upstream tests build them. */
function ingress(name: string, annotations: Record<string, string>, path = '/', pathType = 'Prefix', host = 'foo.com', extra = ''): string {
  const notes = Object.entries(annotations)
    .map(([k, v]) => `\n    ${k}: ${JSON.stringify(v)}`)
    .join('');
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  namespace: default
  annotations: {}
spec:
  ingressClassName: nginx${extra}
  rules:
    - host: ${host}
      http:
        paths:
          - { path: "${path}", pathType: ${pathType}, backend: { service: { name: foo, port: { number: 3000 } } } }
`.replace('annotations: {}\n', notes ? `annotations:${notes}\n` : 'annotations: {}\n');
}

describe('convert, as ingress2gateway converter_test.go expects', () => {
  it('"canary deployment": one rule, production weighted 80 and canary 20, one listener for the host', () => {
    const { gateways, routes } = convert(testdata('canary-weight.yaml'));
    expect(gateways.map((g) => [g.metadata, g.spec])).toEqual([
      [
        expect.objectContaining({ name: 'ingress-nginx', namespace: 'default' }),
        {
          gatewayClassName: 'ingress-nginx',
          listeners: [{ name: 'echo-prod-mydomain-com-http', hostname: 'echo.prod.mydomain.com', port: 80, protocol: 'HTTP' }],
        },
      ],
    ]);
    expect([...routes.keys()]).toEqual(['production-echo-prod-mydomain-com']);
    expect(routes.get('production-echo-prod-mydomain-com')!.spec).toEqual({
      parentRefs: [{ name: 'ingress-nginx' }],
      hostnames: ['echo.prod.mydomain.com'],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/' } }],
          backendRefs: [
            { group: 'vendor.example.com', kind: 'StorageBucket', name: 'production', weight: 80 },
            { group: 'vendor.example.com', kind: 'StorageBucket', name: 'canary', weight: 20 },
          ],
        },
      ],
    });
  });

  it('"canary deployment total weight": canary-weight-total 200 leaves production 180', () => {
    const text = testdata('canary-weight.yaml').replace(
      'canary-weight: "20"',
      'canary-weight: "20"\n    nginx.ingress.kubernetes.io/canary-weight-total: "200"',
    );
    const refs = convert(text).routes.get('production-echo-prod-mydomain-com')!.spec.rules![0]!.backendRefs!;
    expect(refs.map((r) => [r.name, r.weight])).toEqual([
      ['production', 180],
      ['canary', 20],
    ]);
  });

  it('"ImplementationSpecific HTTPRouteMatching": ingress-nginx reads it as a prefix', () => {
    const { routes } = convert(
      ingress('implementation-specific-regex', {}, '/~/echo/**/test', 'ImplementationSpecific', 'test.mydomain.com'),
    );
    expect(routes.get('implementation-specific-regex-test-mydomain-com')!.spec.rules).toEqual([
      { matches: [{ path: { type: 'PathPrefix', value: '/~/echo/**/test' } }], backendRefs: [{ name: 'foo', port: 3000 }] },
    ]);
  });

  it('"multiple rules with TLS": a route per host, http and https listeners per host, printed as ingress2gateway prints them', () => {
    const result = convert(testdata('multiple-rules-tls.yaml'));
    expect(result.yaml).toBe(testdata('multiple-rules-tls.out.yaml'));
    // ssl-redirect "false": no port-80 redirect route, the routes keep their plain parentRef.
    expect([...result.routes.keys()]).toEqual(['example-ingress-bar-example-com', 'example-ingress-foo-example-com']);
  });
});

describe('convert, as ingress2gateway common/converter_test.go expects', () => {
  const { gateways, routes } = convert(testdata('common-cases.yaml'));
  const gateway = (name: string) => gateways.find((g) => g.metadata.name === name)!.spec;

  it('"ingress with custom and default backend": an Exact rule to the resource, and <ingress>-default-backend', () => {
    expect(gateway('example-proxy').listeners).toEqual([{ name: 'example-net-http', hostname: 'example.net', port: 80, protocol: 'HTTP' }]);
    expect(routes.get('net-example-net')!.spec.rules).toEqual([
      {
        matches: [{ path: { type: 'Exact', value: '/bar' } }],
        backendRefs: [{ group: 'vendor.example.com', kind: 'StorageBucket', name: 'custom' }],
      },
    ]);
    expect(routes.get('net-default-backend')!.spec).toEqual({
      parentRefs: [{ name: 'example-proxy' }],
      rules: [{ backendRefs: [{ name: 'default', port: 8080 }] }],
    });
  });

  it('"named ports": the Service\'s port number for the name', () => {
    expect(routes.get('named-ports-example-com')!.spec.rules![0]!.backendRefs).toEqual([{ name: 'example', port: 3000 }]);
  });

  it('"ingress with duplicate TLS secret names deduplicates CertificateRefs"', () => {
    expect(gateway('dup-tls').listeners).toEqual([
      { name: 'foo-example-com-http', hostname: 'foo.example.com', port: 80, protocol: 'HTTP' },
      {
        name: 'foo-example-com-https',
        hostname: 'foo.example.com',
        port: 443,
        protocol: 'HTTPS',
        tls: { certificateRefs: [{ group: '', kind: 'Secret', name: 'shared-cert' }] },
      },
    ]);
  });
});

describe('convert, as ingress2gateway converter_test.go expects of canaries and certificates', () => {
  it('"multiple rules with canary": only the host the canary shares is weighted, 70/30', () => {
    const { gateways, routes } = convert(testdata('multiple-rules-canary.yaml'));
    expect(gateways[0]!.spec.listeners.map((l) => l.name)).toEqual(['bar-example-com-http', 'foo-example-com-http']);
    expect(routes.get('example-ingress-bar-example-com')!.spec.rules).toEqual([
      {
        matches: [{ path: { type: 'PathPrefix', value: '/' } }],
        backendRefs: [
          { name: 'bar-app', port: 80, weight: 70 },
          { name: 'bar-app-canary', port: 80, weight: 30 },
        ],
      },
    ]);
    expect(routes.get('example-ingress-foo-example-com')!.spec.rules!.map((r) => r.backendRefs)).toEqual([
      [{ name: 'foo-app', port: 80 }],
      [{ name: 'foo-orders-app', port: 80 }],
    ]);
  });

  const withTls = '\n  tls:\n    - { secretName: example-cert, hosts: [example.com] }';
  const selfSigned = (text: string) =>
    convert(text)
      .notes.filter((n) => n.key === 'convert.tls.selfSigned')
      .map((n) => n.params.host);
  it('"host without TLS cert triggers warning", "host with TLS cert does not", "host covered by TLS in another ingress does not"', () => {
    expect(selfSigned(ingress('no-tls', {}, '/', 'Prefix', 'example.com'))).toEqual(['example.com']);
    expect(selfSigned(ingress('with-tls', {}, '/', 'Prefix', 'example.com', withTls))).toEqual([]);
    expect(
      selfSigned(
        `${ingress('ing-no-tls', {}, '/', 'Prefix', 'example.com')}---\n${ingress('ing-with-tls', {}, '/foo', 'Prefix', 'example.com', withTls)}`,
      ),
    ).toEqual([]);
  });
});

describe('convert, as ingress2gateway redirect_test.go expects', () => {
  it('permanent-redirect: a 301 RequestRedirect with scheme, hostname and the full path, and no backend', () => {
    const { routes } = convert(
      ingress('test-ingress', { 'nginx.ingress.kubernetes.io/permanent-redirect': 'https://example.com/new-path' }),
    );
    expect(routes.get('test-ingress-foo-com')!.spec.rules).toEqual([
      {
        matches: [{ path: { type: 'PathPrefix', value: '/' } }],
        filters: [
          {
            type: 'RequestRedirect',
            requestRedirect: {
              scheme: 'https',
              hostname: 'example.com',
              path: { type: 'ReplaceFullPath', replaceFullPath: '/new-path' },
              statusCode: 301,
            },
          },
        ],
      },
    ]);
  });

  it('temporal-redirect wins over permanent-redirect, with its own code when Gateway API allows it', () => {
    const { routes, notes } = convert(
      ingress('test-ingress', {
        'nginx.ingress.kubernetes.io/permanent-redirect': 'https://example.com/p',
        'nginx.ingress.kubernetes.io/temporal-redirect': 'https://example.com/t',
        'nginx.ingress.kubernetes.io/temporal-redirect-code': '307',
      }),
    );
    const redirect = routes.get('test-ingress-foo-com')!.spec.rules![0]!.filters![0]!.requestRedirect!;
    expect([redirect.path?.replaceFullPath, redirect.statusCode]).toEqual(['/t', 307]);
    expect(notes.map((n) => n.key)).toContain('convert.redirect.both');
  });

  it('a URL with a port and no path: scheme, hostname and port kept, the path replaced with "/"; a code Gateway API lacks falls back to 301', () => {
    const { routes, notes } = convert(
      ingress('test-ingress', {
        'nginx.ingress.kubernetes.io/permanent-redirect': 'http://example.com:8080',
        'nginx.ingress.kubernetes.io/permanent-redirect-code': '300',
      }),
    );
    expect(routes.get('test-ingress-foo-com')!.spec.rules![0]!.filters![0]!.requestRedirect).toEqual({
      scheme: 'http',
      hostname: 'example.com',
      port: 8080,
      path: { type: 'ReplaceFullPath', replaceFullPath: '/' },
      statusCode: 301,
    });
    expect(notes.find((n) => n.key === 'convert.redirect.badCode')?.params).toMatchObject({ value: '300', code: 301 });
  });

  it('TLS without ssl-redirect: a "-http" route on port 80 answering 308 to https, the route itself on the https listener', () => {
    const { routes } = convert(
      ingress('ing', {}, '/', 'Prefix', 'example.com', '\n  tls:\n    - { secretName: secret, hosts: [example.com] }'),
    );
    const http = routes.get('ing-example-com-http')!;
    expect(http.spec.parentRefs).toEqual([{ name: 'nginx', port: 80 }]);
    expect(http.spec.rules).toEqual([
      {
        matches: [{ path: { type: 'PathPrefix', value: '/' } }],
        filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 308 } }],
      },
    ]);
    expect(routes.get('ing-example-com')!.spec.parentRefs).toEqual([{ name: 'nginx', port: 443, sectionName: 'example-com-https' }]);
  });

  it('TLS with ssl-redirect "false": no redirect route', () => {
    const { routes } = convert(
      ingress(
        'ing',
        { 'nginx.ingress.kubernetes.io/ssl-redirect': 'false' },
        '/',
        'Prefix',
        'example.com',
        '\n  tls:\n    - { secretName: secret, hosts: [example.com] }',
      ),
    );
    expect([...routes.keys()]).toEqual(['ing-example-com']);
  });

  it("a path ending in / gets NGINX's 301 from the path without it, unless a prefix already takes that", () => {
    const { routes } = convert(ingress('ing', {}, '/app/', 'Prefix'));
    expect(routes.get('ing-foo-com')!.spec.rules![1]).toEqual({
      matches: [{ path: { type: 'Exact', value: '/app' } }],
      filters: [
        { type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplaceFullPath', replaceFullPath: '/app/' }, statusCode: 301 } },
      ],
    });
  });
});

describe('convert, as ingress2gateway regex_test.go expects', () => {
  it('use-regex: every path of the host a case-insensitive regex prefix', () => {
    const { routes, notes } = convert(
      ingress('ing', { 'nginx.ingress.kubernetes.io/use-regex': 'true' }, '/users/.*/profile', 'ImplementationSpecific'),
    );
    expect(routes.get('ing-foo-com')!.spec.rules![0]!.matches).toEqual([
      { path: { type: 'RegularExpression', value: '(?i)/users/.*/profile.*' } },
    ]);
    expect(notes.find((n) => n.key === 'convert.regex.caseInsensitive')).toMatchObject({ file: 'in.yaml', line: 6 });
  });

  it('rewrite-target: regex paths too, and a URLRewrite of the whole path (with "$1" taken literally, said in a note)', () => {
    const { routes, notes } = convert(
      ingress('ing', { 'nginx.ingress.kubernetes.io/rewrite-target': '/$1' }, '/products/(.+)', 'ImplementationSpecific'),
    );
    expect(routes.get('ing-foo-com')!.spec.rules![0]).toEqual({
      matches: [{ path: { type: 'RegularExpression', value: '(?i)/products/(.+).*' } }],
      backendRefs: [{ name: 'foo', port: 3000 }],
      filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/$1' } } }],
    });
    expect(notes.map((n) => n.key)).toContain('convert.rewrite.literalDollar');
  });

  it('without use-regex a Prefix path stays a PathPrefix', () => {
    const { routes } = convert(ingress('ing', {}, '/api'));
    expect(routes.get('ing-foo-com')!.spec.rules![0]!.matches).toEqual([{ path: { type: 'PathPrefix', value: '/api' } }]);
  });
});

describe('convert, canary by header (canary.go)', () => {
  const main = ingress('main', {});
  it('a header value: the canary gets a rule of its own matching it, and leaves the main rule', () => {
    const canary = ingress('main-canary', {
      'nginx.ingress.kubernetes.io/canary': 'true',
      'nginx.ingress.kubernetes.io/canary-by-header': 'X-Canary',
      'nginx.ingress.kubernetes.io/canary-by-header-value': 'yes',
    }).replace('name: foo', 'name: foo-canary');
    const { routes } = convert(`${main}---\n${canary}`, false);
    expect(routes.get('main-foo-com')!.spec.rules).toEqual([
      { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'foo', port: 3000 }] },
      {
        matches: [{ headers: [{ name: 'X-Canary', value: 'yes' }], path: { type: 'PathPrefix', value: '/' } }],
        backendRefs: [{ name: 'foo-canary', port: 3000 }],
      },
    ]);
  });
});

describe('what the conversion leaves out, and where it says so', () => {
  it('an Ingress of another class is not converted; an unknown annotation is named at the Ingress', () => {
    const other = ingress('other', {}).replace('ingressClassName: nginx', 'ingressClassName: traefik');
    const cors = ingress('cors', { 'nginx.ingress.kubernetes.io/enable-cors': 'true', 'nginx.ingress.kubernetes.io/made-up': 'x' });
    const { objects, notes } = convert(`${other}---\n${cors}`, false);
    expect(objects.map((o) => o.metadata.name)).toEqual(['nginx', 'cors-foo-com']);
    expect(notes.filter((n) => n.severity !== 'info').map((n) => [n.key, n.params.name ?? n.params.className ?? '', n.line])).toEqual([
      ['convert.skip.class', 'traefik', 8],
      ['convert.annotation.notBuilt', 'nginx.ingress.kubernetes.io/enable-cors', 20],
      ['convert.annotation.unsupported', 'nginx.ingress.kubernetes.io/made-up', 20],
      ['convert.tls.selfSigned', '', 25],
      ['convert.urlNormalization', '', undefined],
    ]);
  });

  it('a backend port named in no Service is left out with an error note, the rest still converted', () => {
    const text = ingress('ing', {}).replace('port: { number: 3000 }', 'port: { name: http }');
    const { routes, notes } = convert(text);
    expect(routes.get('ing-foo-com')!.spec.rules).toEqual([{ matches: [{ path: { type: 'PathPrefix', value: '/' } }] }]);
    expect(notes.find((n) => n.severity === 'error')).toMatchObject({
      key: 'convert.skip.portName',
      params: { service: 'foo', port: 'http' },
    });
  });
});

describe('every gallery scenario and every hostile manifest converts without an exception', () => {
  const files = import.meta.glob<string>(['../../../public/scenarios/*.yaml', '../manifest/testdata/**/*.yaml'], {
    eager: true,
    query: '?raw',
    import: 'default',
  });
  it.each(Object.entries(files))('%s', (name, text) => {
    const { manifests } = parseManifests([{ name, text }]);
    const result = convertToGatewayApi(manifests);
    const lines = text.split('\n').length;
    // The YAML holds every object, each note points into the file, and no Ingress means nothing made.
    if (result.objects.length) expect(result.yaml.split('\n---\n')).toHaveLength(result.objects.length);
    expect(result.notes.filter((n) => n.file !== undefined && !(n.line! >= 1 && n.line! <= lines))).toEqual([]);
    if (!manifests.some((m) => m.object.kind === 'Ingress')) expect(result.objects).toEqual([]);
  });
});
