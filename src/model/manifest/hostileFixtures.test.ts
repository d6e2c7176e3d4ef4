// The hostile inputs issue 14 reports (e2e/fixtures/hostile), derived in-process: each gets its
// message at the place it is about, in the learner's words, and the rest of the file still works.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translateDiagnostic, type Locale } from '../../i18n/i18n';
import { deriveModel, walkPacket, type ConfigMap, type Model, type Service } from '../index';
import { longValues, manyLegacyItems } from './testdata/hostile';

/** A working app put after each fixture: it must still derive and deliver. */
const survivor = `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: survivor}
spec:
  replicas: 1
  selector: {matchLabels: {app: survivor}}
  template:
    metadata: {labels: {app: survivor}}
    spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Service
metadata: {name: survivor}
spec: {selector: {app: survivor}, ports: [{port: 80}]}
`;

const fixture = (name: string) => {
  const file = `e2e/fixtures/hostile/${name}`;
  return { file, text: readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8') };
};

function derive(file: string, text: string): Model {
  const m = deriveModel([{ name: file, text }]);
  // Every diagnostic names the file and points inside its text.
  const lines = text.split('\n');
  for (const d of m.diagnostics) {
    expect(d.file, d.code).toBe(file);
    expect(d.code).not.toMatch(/internal/);
    expect(d.offset).toBeLessThanOrEqual(text.length);
    expect(d.col, d.code).toBeLessThanOrEqual(lines[d.line - 1].length + 1);
  }
  return m;
}

/** What the CLI prints for each diagnostic that is not an info, first line of the message only. */
const printed = (m: Model, locale: Locale = 'en') =>
  m.diagnostics
    .filter((d) => d.severity !== 'info')
    .map((d) => `${d.file}:${d.line}:${d.col}: ${d.severity}: ${translateDiagnostic(locale, d).split('\n')[0]}`);

const service = (m: Model, name: string): Service => {
  const s = m.state.services.find((x) => x.metadata.name === name);
  expect(s, `Service ${name}`).toBeDefined();
  return s!;
};

/** The survivor Service has a ClusterIP and a walk from a node to it is delivered. */
function expectSurvivorDelivers(m: Model): void {
  const ip = service(m, 'survivor').spec.clusterIP!;
  expect(ip).toMatch(/^10\.\d+\.\d+\.\d+$/);
  const trace = walkPacket(m, {
    from: { kind: 'node', name: m.state.nodes[0].metadata.name },
    to: { kind: 'ip', ip, port: 80, proto: 'tcp' },
  });
  expect(trace.outcome.result).toBe('delivered');
}

describe('hostile inputs: a message at the field, the rest of the file survives', () => {
  it('one Service defined twice: the later one is kept, and the message says so and where the first is', () => {
    const { file, text } = fixture('duplicate-and-prototype-fields.yaml');
    const m = derive(file, text + survivor);
    expect(printed(m)).toEqual([
      `${file}:8:12: warning: Service "a" is also defined at ${file}:1; this later definition replaces it, as kubectl apply would. Rename one of them to keep both.`,
      `${file}:9:29: warning: unknown field ".spec.constructor"`,
      `${file}:9:45: warning: unknown field ".spec.toString"`,
    ]);
    expect(printed(m, 'zh-CN')[0]).toBe(
      `${file}:8:12: warning: Service "a" 在 ${file}:1 已定义过；与 kubectl apply 一样，后面的定义覆盖前面的。如需两者都保留，请重命名其中一个。`,
    );
    expect(m.state.services.filter((s) => s.metadata.name === 'a')).toHaveLength(1);
    expect(service(m, 'a').spec.ports.map((p) => p.port)).toEqual([81]);
    expect(service(m, 'a').spec.clusterIP).toBeTruthy();
    expectSurvivorDelivers(m);
  });

  it("MetalLB's old config with a number for protocol and a map for addresses: a warning at each, the Service still gets its IP", () => {
    const { file, text } = fixture('metallb-config-wrong-types.yaml');
    const m = derive(file, text + survivor);
    expect(printed(m)).toEqual([
      `${file}:5:3: warning: MetalLB v0.13 and later ignore the ConfigMap metallb-system/config. The same configuration as CRs (what MetalLB's configmaptocrs tool generates), to use in its place:`,
      `${file}:8:17: warning: .address-pools[0].protocol: expected string, got number`,
      `${file}:9:18: warning: .address-pools[0].addresses: expected array of strings, got object`,
    ]);
    expect(service(m, 'ok').spec.clusterIP).toBeTruthy();
    expectSurvivorDelivers(m);
  });

  it('a legacy Ingress whose spec contains itself: the alias is an error where it is written, the Ingress is still converted', () => {
    const { file, text } = fixture('legacy-ingress-self-alias.yaml');
    const m = derive(file, text + survivor);
    expect(printed(m)).toEqual([
      `${file}:1:1: error: no matches for kind "Ingress" in version "extensions/v1beta1": it was removed in Kubernetes v1.22. The networking.k8s.io/v1 equivalent, to use in its place:`,
      `${file}:7:11: error: anchor "s" value contains itself; this alias is read as empty`,
    ]);
    expect(m.diagnostics[0].fix?.insert).toContain('  rules:\n    - host: a');
    expect(service(m, 'ok').spec.clusterIP).toBeTruthy();
    expectSurvivorDelivers(m);
  });

  it('an alias bomb in a legacy Ingress: an error at the anchor that goes over the limit, the next document is read', () => {
    const { file, text } = fixture('legacy-ingress-alias-bomb.yaml');
    const m = derive(file, text + survivor);
    expect(printed(m)).toEqual([
      `${file}:8:44: error: document contains excessive aliasing: the uses of anchor "p3" would copy more than 100000 nodes in this file; the document is not read`,
    ]);
    expect(service(m, 'web').spec.clusterIP).toBeTruthy();
    expectSurvivorDelivers(m);
  });

  it('an alias bomb through nested Lists: an error at the anchor, the next document is read', () => {
    const { file, text } = fixture('list-alias-bomb.yaml');
    const m = derive(file, text + survivor);
    expect(printed(m)).toEqual([
      `${file}:9:3: error: document contains excessive aliasing: the uses of anchor "e" would copy more than 100000 nodes in this file; the document is not read`,
    ]);
    expectSurvivorDelivers(m);
  });

  it('fields and keys named like Object.prototype members are unknown fields or kept entries, never lost or mistaken', () => {
    const { file, text } = fixture('prototype-keys.yaml');
    const m = derive(file, text + survivor);
    const unknown = printed(m).filter((l) => l.includes('unknown field'));
    expect(unknown).toEqual(
      [
        '5:3 .metadata.constructor',
        '9:3 .spec.__proto__',
        '10:3 .spec.hasOwnProperty',
        '12:22 .spec.ports[0].toString',
        '13:1 .toString',
        '21:5 .constructor',
        '26:7 .address-pools[0].__proto__',
        '32:3 .spec.hasOwnProperty',
        '35:77 .spec.rules[0].http.paths[0].backend.toString',
      ].map((s) => {
        const [at, path] = s.split(' ');
        return `${file}:${at}: warning: unknown field "${path}"`;
      }),
    );
    expect(printed(m)).toContain(
      `${file}:7:17: error: .metadata.annotations.__proto__: Invalid value: "__proto__": not a valid label key (an optional DNS prefix and '/', then at most 63 alphanumeric characters, '-', '_' or '.')`,
    );
    const proto = service(m, 'proto');
    expect(proto.metadata.labels).toEqual({ constructor: 'a', toString: 'b', hasOwnProperty: 'c' });
    expect(proto.spec.type).toBe('ClusterIP'); // not the NodePort under `__proto__`
    const data = (m.manifests.find((x) => x.object.kind === 'ConfigMap')!.object as ConfigMap).data!;
    expect(Object.hasOwn(data, '__proto__') && data['__proto__']).toBe('kept');
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(m.state.metallb!.announcements).toEqual([]); // the old config is only converted, never applied
    expectSurvivorDelivers(m);
  });

  it('a 5 MB value and a 100 kB name are shown shortened with their length, in both languages', () => {
    const file = 'long.yaml';
    const m = derive(file, longValues + survivor);
    const x60 = 'x'.repeat(60);
    const n60 = 'n'.repeat(60);
    expect(printed(m)).toEqual([
      `${file}:4:14: error: .spec.type: Unsupported value: "${x60}… (5,242,880 characters)": supported values: "ClusterIP", "NodePort", "LoadBalancer", "ExternalName"`,
      `${file}:8:18: error: .metadata.name: Invalid value: "${n60}… (100,000 characters)": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with a letter, and end with an alphanumeric character`,
    ]);
    expect(printed(m, 'zh-CN')).toEqual([
      `${file}:4:14: error: .spec.type：不支持的值 "${x60}…（共 5,242,880 个字符）"：可用的值为 "ClusterIP", "NodePort", "LoadBalancer", "ExternalName"`,
      `${file}:8:18: error: .metadata.name：无效的值 "${n60}…（共 100,000 个字符）"：DNS-1035 标签只能包含小写字母、数字或 '-'，必须以字母开头、以字母或数字结尾`,
    ]);
    expectSurvivorDelivers(m);
  });

  it('what is said about the ingress-nginx add-on points at the Ingress that brings it', () => {
    const text = `apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: {name: one, namespace: metallb-system}
spec: {addresses: [192.168.1.240/32]}
---
apiVersion: v1
kind: Service
metadata: {name: first}
spec: {type: LoadBalancer, ports: [{port: 80}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  rules: [{host: a.example, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: survivor, port: {number: 80}}}}]}}]
`;
    const m = derive('addon.yaml', text + survivor);
    expect(printed(m)).toContain(
      'addon.yaml:14:1: warning: Service "ingress-nginx/ingress-nginx-controller" stays <pending>: no available IPs',
    );
    expectSurvivorDelivers(m);
  });

  it('an old MetalLB config or Ingress of 10,000 items made of aliases: the message shows the first ones and says how many there are', () => {
    const pools = derive('pools.yaml', manyLegacyItems.metallb + survivor);
    const [pool] = pools.diagnostics.filter((d) => d.severity !== 'info');
    const poolText = translateDiagnostic('en', pool);
    expect(poolText.split('\n')[0]).toBe(
      "MetalLB v0.13 and later ignore the ConfigMap metallb-system/config. The same configuration is 20000 CRs; the first 20 (what MetalLB's configmaptocrs tool generates):",
    );
    expect(poolText.match(/^kind: /gm)).toHaveLength(20);
    expectSurvivorDelivers(pools);

    const paths = derive('paths.yaml', manyLegacyItems.ingress + survivor);
    const [ingress] = paths.diagnostics.filter((d) => d.severity !== 'info');
    const ingressText = translateDiagnostic('zh-CN', ingress);
    expect(ingressText.split('\n')[0]).toBe(
      '版本 "extensions/v1beta1" 中没有类型 "Ingress"：它已在 Kubernetes v1.22 中移除。它共有 10001 个 TLS 条目、规则和路径，其中前 25 个的等价 networking.k8s.io/v1 写法是：',
    );
    expect(ingressText.match(/pathType: /g)).toHaveLength(24); // the rule, then 24 of its paths
    expectSurvivorDelivers(paths);
  });
});
