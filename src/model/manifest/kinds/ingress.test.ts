import { describe, expect, it } from 'vitest';
import { parseManifests } from '../parse';

const parse = (text: string) => parseManifests([{ name: 'in.yaml', text }]);
const codes = (text: string) => parse(text).diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`);

const head = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
`;

describe('networking.k8s.io/v1 Ingress', () => {
  it('decodes rules, TLS, the default backend and port by number or name', () => {
    const { manifests, diagnostics } = parse(`${head}spec:
  ingressClassName: nginx
  defaultBackend: {service: {name: fallback, port: {name: http}}}
  tls: [{hosts: [a.test], secretName: a-tls}]
  rules:
  - host: "*.a.test"
    http:
      paths:
      - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 8080}}}}
`);
    expect(diagnostics).toEqual([]);
    expect(manifests[0].object).toMatchObject({
      metadata: { namespace: 'default' },
      spec: {
        ingressClassName: 'nginx',
        defaultBackend: { service: { name: 'fallback', port: { name: 'http' } } },
        tls: [{ hosts: ['a.test'], secretName: 'a-tls' }],
        rules: [
          {
            host: '*.a.test',
            http: { paths: [{ path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 8080 } } } }] },
          },
        ],
      },
    });
  });

  it('rejects what the API server rejects, at the offending field', () => {
    const bad = `${head}spec:
  rules:
  - host: 10.0.0.1
    http:
      paths:
      - {path: api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
      - {path: /a//b, pathType: Exact, backend: {service: {name: api, port: {number: 80}}}}
      - {path: /x, backend: {service: {name: api, port: {number: 80}}}}
      - {path: /y, pathType: Prefix, backend: {service: {name: api, port: {}}}}
`;
    expect(codes(bad)).toEqual([
      '7:5 ingress.hostIsIP',
      '10:10 ingress.pathNotAbsolute',
      '11:10 ingress.pathSequence',
      '12:9 ingress.pathTypeRequired',
      '13:69 ingress.portRequired',
    ]);
    expect(parse(bad).manifests).toHaveLength(0);
  });

  it('an ImplementationSpecific path may be empty; an Ingress needs rules or a default backend', () => {
    expect(
      codes(
        `${head}spec:\n  rules:\n  - http:\n      paths:\n      - {pathType: ImplementationSpecific, backend: {service: {name: a, port: {number: 80}}}}\n`,
      ),
    ).toEqual([]);
    expect(codes(`${head}spec: {ingressClassName: nginx}\n`)).toEqual(['5:1 ingress.rulesOrDefault']);
  });

  it('an unquoted boolean annotation is an error where it is written, saying to quote it', () => {
    const d = parse(
      `${head}  annotations:\n    nginx.ingress.kubernetes.io/ssl-redirect: false\nspec:\n  defaultBackend: {service: {name: a, port: {number: 80}}}\n`,
    ).diagnostics;
    expect(d).toMatchObject([
      { severity: 'error', code: 'field.unquoted', line: 6, col: 47, params: { value: 'false', actual: 'boolean' } },
    ]);
  });

  it('the class annotation must agree with ingressClassName', () => {
    expect(
      codes(
        `${head}  annotations: {kubernetes.io/ingress.class: traefik}\nspec:\n  ingressClassName: nginx\n  defaultBackend: {service: {name: a, port: {number: 80}}}\n`,
      ),
    ).toEqual(['7:3 ingress.classAnnotationMismatch']);
  });

  it("the seed's extensions/v1beta1 Ingress is no longer served", () => {
    expect(codes(`apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: old}\nspec: {}\n`)).toEqual([
      '1:1 ingress.legacyVersion',
    ]);
  });
});

describe('networking.k8s.io/v1 IngressClass', () => {
  it('is cluster-scoped and needs a domain-prefixed controller', () => {
    const ok = parse(
      `apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: nginx, namespace: x}\nspec: {controller: k8s.io/ingress-nginx}\n`,
    );
    expect(ok.manifests[0].object.metadata).toEqual({ name: 'nginx' });
    expect(codes(`apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: bad}\nspec: {controller: nginx}\n`)).toEqual([
      '4:8 ingress.classController',
    ]);
  });
});
