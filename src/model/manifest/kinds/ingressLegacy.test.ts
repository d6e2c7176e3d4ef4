import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../parse';

const parse = (text: string) => parseManifests([{ name: 'f.yaml', text }]);

/** The v1 text offered for the legacy Ingress in `text`. */
function v1Of(text: string): unknown {
  const d = parse(text).diagnostics.find((x) => x.code === 'ingress.legacyVersion');
  return d?.fix ? load(d.fix.insert) : undefined;
}

// The seed article's (004_*) Ingress, as written there.
const SEED = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: nginx-ingress 
spec:
  rules:
  - host: localhost
    http:
      paths:
      - path: /
        backend:
          serviceName: nginx-service-demo-for-test-ingress
          servicePort: 80
`;

describe('legacy Ingress migration', () => {
  it("turns the seed's extensions/v1beta1 Ingress into the v1 text a learner can paste", () => {
    expect(v1Of(SEED)).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'nginx-ingress' },
      spec: {
        rules: [
          {
            host: 'localhost',
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'ImplementationSpecific',
                  backend: { service: { name: 'nginx-service-demo-for-test-ingress', port: { number: 80 } } },
                },
              ],
            },
          },
        ],
      },
    });
  });

  it('moves backend, named ports and the class annotation to their v1 fields', () => {
    const old = `apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata:
  name: x
  annotations: {kubernetes.io/ingress.class: nginx, keep: "1"}
spec:
  backend: {serviceName: fallback, servicePort: http}
`;
    expect(v1Of(old)).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'x', annotations: { keep: '1' } },
      spec: { ingressClassName: 'nginx', defaultBackend: { service: { name: 'fallback', port: { name: 'http' } } } },
    });
  });

  it('leaves v1 Ingresses and other kinds alone', () => {
    expect(
      v1Of(
        'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: a}\nspec: {defaultBackend: {resource: {kind: K, name: n}}}\n',
      ),
    ).toBeUndefined();
    expect(v1Of('apiVersion: v1\nkind: Service\nmetadata: {name: s}\n')).toBeUndefined();
  });

  const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: kept}\n';
  const at = (text: string) =>
    parse(text).diagnostics.map((d) => `${d.line}:${d.col} ${d.severity} ${d.code} ${d.params.path ?? d.params.anchor ?? ''}`);

  it('reports a wrong type at its field, converts the rest, and keeps the other objects of the file', () => {
    const old = `apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: x, labels: hello}
spec:
  rules: 5
  backend: {serviceName: [a], servicePort: 80}
---
${namespace}`;
    const r = parse(old);
    expect(at(old)).toEqual([
      '1:1 error ingress.legacyVersion ',
      '3:29 error field.type .metadata.labels',
      '5:10 error field.type .spec.rules',
      '6:26 error field.type .spec.backend.serviceName',
    ]);
    expect(r.manifests.map((m) => m.object.metadata?.name)).toEqual(['kept']);
    expect(v1Of(old)).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'x' },
      spec: { defaultBackend: { service: { name: null, port: { number: 80 } } } },
    });
  });

  it('answers metadata that is a self-referencing alias with a message at the alias', () => {
    const old = `apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: &m {name: x, labels: *m}\n---\n${namespace}`;
    expect(at(old)).toEqual(['1:1 error ingress.legacyVersion ', '3:32 error yaml.recursiveAlias m']);
    expect(parse(old).manifests.map((m) => m.object.metadata?.name)).toEqual(['kept']);
    expect(v1Of(old)).toMatchObject({ metadata: { name: 'x' } });
  });
});
