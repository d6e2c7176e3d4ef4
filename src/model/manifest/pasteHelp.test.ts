// A paste that went wrong: two objects without `---`, line breaks lost on the way, an API removed
// since the article was written. Each gets a message where it happened; a rewrite comes as a fix
// (a range and its text), and the text with the fix applied gives a walk that reaches a pod.

import { load, loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { applyTextFix, type Diagnostic } from '../diagnostics';
import { deriveModel, walkPacket } from '../index';
import { parseManifests } from './parse';

const parse = (text: string) => parseManifests([{ name: 'p.yaml', text }]);
const names = (text: string) => parse(text).manifests.map((m) => `${m.object.kind}/${m.object.metadata?.name}`);
const only = (text: string, code: string): Diagnostic => {
  const found = parse(text).diagnostics.filter((d) => d.code === code);
  expect(found).toHaveLength(1);
  return found[0];
};
const errors = (text: string) => deriveModel([{ name: 'p.yaml', text }]).diagnostics.filter((d) => d.severity === 'error');
/** The walk from the first pod to `to`, as the app opens it. */
const walk = (text: string, to: string) => {
  const m = deriveModel([{ name: 'p.yaml', text }]);
  return walkPacket(m, { from: { kind: 'client' }, to: { kind: 'url', url: to } }).outcome;
};

const service = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`;
const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
        ports:
        - containerPort: 80
`;

describe('two objects pasted without ---', () => {
  const text = service + deployment;

  it('is an error at the second apiVersion, both objects are still read, and the fix inserts --- on the line before it', () => {
    const d = only(text, 'yaml.missingSeparator');
    expect(d).toMatchObject({ severity: 'error', line: 10, col: 1, params: { key: 'apiVersion' } });
    const at = service.length;
    expect(d.fix).toEqual({ file: 'p.yaml', from: at, to: at, insert: '---\n' });
    expect(names(text)).toEqual(['Service/web', 'Deployment/web']);
    // No "duplicate key" for each of the second object's keys: one cause, one message.
    expect(parse(text).diagnostics.map((x) => x.code)).toEqual(['yaml.missingSeparator']);
  });

  it('applied, gives a text with no error whose Service reaches a pod', () => {
    const fixed = applyTextFix(text, only(text, 'yaml.missingSeparator').fix!);
    expect(fixed).toBe(`${service}---\n${deployment}`);
    expect(errors(fixed)).toEqual([]);
    const m = deriveModel([{ name: 'p.yaml', text: fixed }]);
    const svc = m.state.services.find((s) => s.metadata.name === 'web')!;
    const from = m.state.pods.find((p) => p.metadata.name.startsWith('web-'))!;
    const outcome = walkPacket(m, {
      from: { kind: 'pod', namespace: 'default', name: from.metadata.name },
      to: { kind: 'ip', ip: svc.spec.clusterIP!, port: 80, proto: 'tcp' },
    }).outcome;
    expect(outcome.pod).toMatch(/^default\/web-/);
  });

  it('puts the --- before the keys the second object repeats ahead of its kind (metadata first)', () => {
    const second = 'metadata:\n  name: other\nkind: Namespace\napiVersion: v1\n';
    const d = only(service + second, 'yaml.missingSeparator');
    expect(d).toMatchObject({ line: 12, params: { key: 'kind' } });
    expect(d.fix!.from).toBe(service.length);
    expect(names(service + second)).toEqual(['Service/web', 'Namespace/other']);
  });

  it('finds every missing --- in three objects', () => {
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
    const three = service + ns + deployment;
    const fixes = parse(three).diagnostics.map((d) => d.fix!.from);
    expect(fixes).toEqual([service.length, service.length + ns.length]);
    expect(names(three)).toEqual(['Service/web', 'Namespace/shop', 'Deployment/web']);
  });

  it('is only a duplicate key when one object has a line twice (no second object with its own apiVersion and kind)', () => {
    const twice = service.replace('kind: Service\n', 'kind: Service\nkind: Service\n');
    expect(parse(twice).diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual(['3 yaml.duplicateKey']);
    expect(names(twice)).toEqual(['Service/web']);
  });

  it('is only a duplicate key inside a nested mapping, a flow mapping or an indented key', () => {
    expect(parse('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n').diagnostics.map((d) => d.code)).toEqual([
      'yaml.duplicateKey',
    ]);
    expect(parse('{apiVersion: v1, kind: Namespace, metadata: {name: a}, kind: Namespace}\n').diagnostics.map((d) => d.code)).toEqual([
      'yaml.duplicateKey',
    ]);
    const list = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: a}\n  kind: Namespace\n';
    expect(parse(list).diagnostics.map((d) => d.code)).toEqual(['yaml.duplicateKey']);
  });
});

describe('YAML flattened onto one line', () => {
  it('says the line breaks were lost, at the line, next to the syntax error', () => {
    const text = 'apiVersion: v1 kind: Service metadata: name: web spec: ports: - port: 80\n';
    const d = only(text, 'yaml.lineBreaksLost');
    expect(d).toMatchObject({ severity: 'warning', line: 1, col: 1, endOffset: text.length - 1, params: { key: 'kind' } });
    expect(parse(text).diagnostics.map((x) => x.code)).toContain('yaml.syntax');
  });

  it('finds it on a later line of a file that is otherwise fine', () => {
    const text = `${service}---\napiVersion: v1 kind: Namespace\n`;
    expect(only(text, 'yaml.lineBreaksLost')).toMatchObject({ line: 11, params: { key: 'kind' } });
  });

  it('leaves flow style, List items, comments and ordinary values alone', () => {
    for (const text of [
      '{apiVersion: v1, kind: Namespace, metadata: {name: a}}\n',
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: a}\n',
      '# copy: apiVersion: v1 kind: Pod\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n',
      service,
    ])
      expect(parse(text).diagnostics.filter((d) => d.code === 'yaml.lineBreaksLost')).toEqual([]);
  });
});

const legacyIngress = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: web
  annotations:
    kubernetes.io/ingress.class: nginx
spec:
  rules:
  - host: shop.example
    http:
      paths:
      - path: /
        backend:
          serviceName: web
          servicePort: 80
`;

describe('a removed Ingress version, rewritten in place', () => {
  it('replaces exactly the old document with the networking.k8s.io/v1 one', () => {
    const text = `${service}---\n${legacyIngress}---\n${deployment}`;
    const d = only(text, 'ingress.legacyVersion');
    const start = service.length + 4;
    expect(d.fix).toMatchObject({ file: 'p.yaml', from: start, to: start + legacyIngress.length - 1 });
    expect(load(d.fix!.insert)).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web' },
      spec: {
        ingressClassName: 'nginx',
        rules: [
          {
            host: 'shop.example',
            http: {
              paths: [{ path: '/', pathType: 'ImplementationSpecific', backend: { service: { name: 'web', port: { number: 80 } } } }],
            },
          },
        ],
      },
    });
  });

  it('applied, gives a text with no error whose request through ingress-nginx reaches a pod', () => {
    const text = `${service}---\n${legacyIngress}---\n${deployment}`;
    expect(walk(text, 'http://shop.example/').http?.status).not.toBe(200); // the old Ingress is not in the cluster
    const fixed = applyTextFix(text, only(text, 'ingress.legacyVersion').fix!);
    expect(errors(fixed)).toEqual([]);
    const outcome = walk(fixed, 'http://shop.example/');
    expect(outcome.http).toMatchObject({ status: 200, ingress: 'default/web' });
    expect(outcome.pod).toMatch(/^default\/web-/);
  });

  it('is written as a List item where it was one, and as JSON where it was JSON', () => {
    const item = legacyIngress.replace(/^/gm, '  ').replace(/^ {2}apiVersion/, '- apiVersion');
    const list = `apiVersion: v1\nkind: List\nitems:\n${item}`;
    const inList = applyTextFix(list, only(list, 'ingress.legacyVersion').fix!);
    expect((load(inList) as { items: unknown[] }).items).toEqual([load(only(legacyIngress, 'ingress.legacyVersion').fix!.insert)]);
    expect(errors(inList)).toEqual([]);

    const json = JSON.stringify(load(legacyIngress), null, 2);
    const d = only(json, 'ingress.legacyVersion');
    expect(d.fix).toMatchObject({ from: 0, to: json.length });
    expect(JSON.parse(d.fix!.insert)).toMatchObject({ apiVersion: 'networking.k8s.io/v1', spec: { ingressClassName: 'nginx' } });
  });
});

describe("MetalLB's old ConfigMap, rewritten in place", () => {
  const config = `apiVersion: v1
kind: ConfigMap
metadata:
  namespace: metallb-system
  name: config
data:
  config: |
    address-pools:
    - name: default
      protocol: layer2
      addresses:
      - 192.168.1.240-192.168.1.250
`;
  const lb = service.replace('spec:\n', 'spec:\n  type: LoadBalancer\n');

  it('becomes an IPAddressPool and an L2Advertisement, and the LoadBalancer IP then reaches a pod from the LAN', () => {
    const text = `${config}---\n${lb}---\n${deployment}`;
    const d = only(text, 'metallb.legacyConfig');
    expect(d.fix).toMatchObject({ from: 0, to: config.length - 1 });
    expect((loadAll(d.fix!.insert) as { kind: string }[]).map((o) => o.kind)).toEqual(['IPAddressPool', 'L2Advertisement']);
    const fixed = applyTextFix(text, d.fix!);
    expect(errors(fixed)).toEqual([]);
    const m = deriveModel([{ name: 'p.yaml', text: fixed }]);
    const ip = m.state.services.find((s) => s.metadata.name === 'web')!.status?.loadBalancer?.ingress?.[0]?.ip;
    expect(ip).toBe('192.168.1.240');
    const outcome = walkPacket(m, { from: { kind: 'client' }, to: { kind: 'ip', ip: ip!, port: 80, proto: 'tcp' } }).outcome;
    expect(outcome.pod).toMatch(/^default\/web-/);
  });
});
