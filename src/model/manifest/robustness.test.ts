// Property-style checks: whatever the learner types, parsing never throws, every
// diagnostic points inside the text, and every message has both translations with
// all of its placeholders filled.

import { describe, expect, it } from 'vitest';
import { manifestEn } from '../../i18n/catalog/manifest';
import { en } from '../../i18n/en';
import { enApp } from '../../i18n/en.app';
import { zhCN } from '../../i18n/zh-CN';
import { zhCNApp } from '../../i18n/zh-CN.app';
import type { Diagnostic } from '../diagnostics';
import { parseManifests } from './parse';
import { hostile } from './testdata/hostile';
import { hostnamesYaml } from './testdata/hostnames';
import { seededRandom } from '../trace/rng';

// A seeded generator so failures reproduce.
const random = seededRandom;

const ALPHABET = 'ab:- \n\t{}[],"\'#&*!|>%@`?01.~\u00e9\u4e2d---';

const listDump = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Node
  metadata: {name: n1, labels: {a: b}}
  spec: {podCIDR: 10.244.0.0/24, taints: [{key: k, effect: NoSchedule}]}
  status: {addresses: [{type: InternalIP, address: 192.168.0.1}]}
- apiVersion: discovery.k8s.io/v1
  kind: EndpointSlice
  metadata: {name: s, labels: {kubernetes.io/service-name: x}}
  addressType: IPv4
  endpoints: [{addresses: [10.0.0.1], conditions: {ready: true}}]
  ports: [{port: 80}]
- apiVersion: kubeproxy.config.k8s.io/v1alpha1
  kind: KubeProxyConfiguration
  mode: iptables
- {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "readinessProbe": {"httpGet": {"port": "http"}}}]}}
`;

const seen: Diagnostic[] = [];

function check(text: string): void {
  let result;
  try {
    result = parseManifests([{ name: 'f.yaml', text }]);
  } catch (e) {
    throw new Error(`parseManifests threw on ${JSON.stringify(text)}: ${String(e)}`, { cause: e });
  }
  const lines = text.split('\n');
  for (const d of result.diagnostics) {
    seen.push(d);
    expect(d.code, JSON.stringify(text)).not.toMatch(/^internal/);
    expect(d.offset).toBeGreaterThanOrEqual(0);
    expect(d.offset).toBeLessThanOrEqual(text.length);
    expect(d.line).toBeLessThanOrEqual(lines.length);
    expect(d.col).toBeLessThanOrEqual(lines[d.line - 1].length + 1);
  }
  for (const m of result.manifests) expect(() => m.source.at('spec.ports.0.port')).not.toThrow();
}

describe('parseManifests never throws', () => {
  it('on random text', () => {
    const rnd = random(1);
    for (let n = 0; n < 400; n++) {
      const len = Math.floor(rnd() * 80);
      let s = '';
      for (let i = 0; i < len; i++) s += ALPHABET[Math.floor(rnd() * ALPHABET.length)];
      check(s);
    }
  });

  it('on valid manifests with random bytes deleted or duplicated', () => {
    const rnd = random(2);
    for (const base of [hostnamesYaml, listDump]) {
      for (let n = 0; n < 300; n++) {
        let s = base;
        const edits = 1 + Math.floor(rnd() * 6);
        for (let e = 0; e < edits; e++) {
          const at = Math.floor(rnd() * s.length);
          const len = 1 + Math.floor(rnd() * 4);
          s = rnd() < 0.7 ? s.slice(0, at) + s.slice(at + len) : s.slice(0, at) + s.slice(at, at + len) + s.slice(at);
        }
        check(s);
      }
    }
  });

  it('on odd but valid YAML: anchors, merge keys, tags, deep nesting, non-mapping documents', () => {
    check('a: &x {b: 1}\nc: *x\n<<: *x\n');
    check('apiVersion: v1\nkind: Service\nmetadata: &m {name: a}\nspec: {ports: [{port: !!int "80"}], selector: *m}\n');
    check('- 1\n- 2\n---\nplain\n---\n[]\n---\n~\n');
    check('['.repeat(200) + ']'.repeat(200));
    check(`apiVersion: v1\nkind: List\nitems: {a: 1}\n---\napiVersion: v1\nkind: List\nitems: [1, [2], {kind: Pod}]\n`);
    check('? [complex]\n: key\napiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n');
  });
});

describe('keys named like Object.prototype members', () => {
  it('at every level of an object, are a message on their own line costing nothing else, or a kept label', () => {
    const lines = hostnamesYaml.split('\n');
    const names = parseManifests([{ name: 'f.yaml', text: hostnamesYaml }]).manifests.map((m) => m.object.metadata?.name);
    let variants = 0;
    lines.forEach((line, i) => {
      const key = /^(\s*)(- )?[\w.-]+:/.exec(line);
      if (!key) return;
      // Before a key, as its sibling; after an item's first key (`- name: x`), as that item's.
      const at = key[2] ? i + 1 : i;
      const indent = key[1] + (key[2] ? '  ' : '');
      for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
        const text = [...lines.slice(0, at), `${indent}${name}: "1"`, ...lines.slice(at)].join('\n');
        check(text);
        const r = parseManifests([{ name: 'f.yaml', text }]);
        const here = r.diagnostics.filter((d) => d.line === at + 1);
        const elsewhere = r.diagnostics.filter((d) => d.line !== at + 1).map((d) => d.code);
        expect(here.length, `${name} on line ${at + 1}`).toBeLessThanOrEqual(1);
        if (here.length === 1) {
          expect(elsewhere, `${name} on line ${at + 1}`).toEqual([]);
          expect(r.manifests.map((m) => m.object.metadata?.name)).toEqual(names);
        } else if (elsewhere.length === 0) {
          // In a label map `constructor` is a valid key: it is kept as an entry.
          expect(JSON.stringify(r.manifests.map((m) => m.object))).toContain(`"${name}":"1"`);
        } else expect(elsewhere, `${name} in a selector`).toEqual(['selector.mismatch']); // the template lacks that label
        variants++;
      }
    });
    expect(variants).toBeGreaterThan(100);
  });
});

/** One input per diagnostic the parser can emit. */
const everyProblem = [
  '',
  'a: [1\n',
  'a: 1\na: 2\n',
  '? [x]\n: 1\n',
  '- 1\n',
  'metadata: {}\n',
  'apiVersion: example.com/v1\nkind: Widget\n',
  'apiVersion: apps/v1beta2\nkind: Deployment\n',
  'apiVersion: v1\nkind: Namespace\nmetadata: {name: Bad_Name, labels: {"a/b/c": x, k: "-v"}}\nspec: {}\nextra: 1\n',
  'apiVersion: v1\nkind: Namespace\nmetadata: {name: ok}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ok}\n',
  'apiVersion: v1\nkind: Service\nmetadata: {name: s9}\nspec: {type: Foo, clusterIP: 10.0.0.1, clusterIPs: [10.0.0.2], ports: [{port: 0}, {name: a, port: 1, nodePort: 30000}, {name: a, port: 2, targetPort: Bad}]}\n',
  'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {externalIPs: [1.2.3], loadBalancerSourceRanges: [1.2.3.4], ports: [{port: x}]}\n',
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {selector: {}, template: {spec: {containers: [{name: c}]}}}\n',
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {selector: {matchLabels: {a: b}}, template: {spec: {containers: [{name: c}]}}}\n',
  'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec: {selector: {matchExpressions: [{key: a, operator: Exists, values: [b]}]}, template: {spec: {containers: [{name: c}]}}}\n',
  'apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: e}\naddressType: IPv4\nendpoints: [{addresses: [::1]}, {addresses: [x.y]}]\n',
  'apiVersion: v1\nkind: Service\nmetadata: {name: 9s}\n',
  'apiVersion: v1\nkind: Node\nmetadata: {name: n}\nspec: {podCIDR: 10.0.0.0}\n',
  'apiVersion: v1\nkind: Namespace\nmetadata: {name: q, annotations: {example.com/flag: true}}\n',
  'apiVersion: v1\nkind: Pod\nmetadata: {name: "a..b"}\nspec: {containers: [{name: c}]}\n',
  'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{image: x}]}\n',
  'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n',
  'apiVersion: v1 kind: Namespace metadata: name: c\n',
  // (MetalLB's old config answers with messages from the MetalLB catalogue.)
  ...Object.entries(hostile)
    .filter(([name]) => name !== 'legacyMetalLB')
    .map(([, text]) => text),
];

describe('messages', () => {
  it('every diagnostic code has English and Chinese text with all placeholders filled, and every message is reachable', () => {
    for (const text of [hostnamesYaml, listDump, ...everyProblem]) check(text);
    const seenKeys = new Set(seen.map((d) => `diag.${d.code}`));
    // Every message of the parser's own catalogue is one it can emit.
    expect(Object.keys(manifestEn).filter((k) => !k.startsWith('diag.internal') && !seenKeys.has(k))).toEqual([]);
    expect(seen.length).toBeGreaterThan(100);
    expect(seenKeys.size).toBeGreaterThan(10);
    // Placeholders are checked against the merged catalogues the CLI and the app translate with.
    const catalogues: Record<string, Record<string, string>> = { en: { ...en, ...enApp }, zhCN: { ...zhCN, ...zhCNApp } };
    for (const d of seen) {
      const key = `diag.${d.code}`;
      for (const [language, catalogue] of Object.entries(catalogues)) {
        const template = catalogue[key];
        expect(template, `${language} ${key}`).toBeTypeOf('string');
        for (const [, name] of template.matchAll(/\{(\w+)\}/g)) expect(d.params, `${language} ${key} needs {${name}}`).toHaveProperty(name);
      }
    }
  });
});
