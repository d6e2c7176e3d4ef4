import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlDocuments } from '../yamlTree';
import { legacyIngressToV1 } from './ingressLegacy';

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
    const v1 = legacyIngressToV1(parseYamlDocuments(SEED).docs[0])!;
    expect(load(v1)).toEqual({
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
    expect(load(legacyIngressToV1(parseYamlDocuments(old).docs[0])!)).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'x', annotations: { keep: '1' } },
      spec: { ingressClassName: 'nginx', defaultBackend: { service: { name: 'fallback', port: { name: 'http' } } } },
    });
  });

  it('leaves v1 Ingresses and other kinds alone', () => {
    expect(legacyIngressToV1(parseYamlDocuments('apiVersion: networking.k8s.io/v1\nkind: Ingress\n').docs[0])).toBeUndefined();
    expect(legacyIngressToV1(parseYamlDocuments('apiVersion: v1\nkind: Service\n').docs[0])).toBeUndefined();
  });
});
