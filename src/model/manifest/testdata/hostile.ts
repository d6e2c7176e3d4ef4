// Texts that try to make the reader do unbounded work: they must be refused quickly,
// at the place they go over a limit (YAML_LIMITS), without costing the rest of the file.

import { YAML_LIMITS } from '../yamlTree';

/**
 * A billion-laughs bomb: nine anchors, each aliasing the previous one nine times (9^9 leaves
 * expanded). As `lists`, every value is a `kind: List` whose items are the previous one, so
 * unpacking the last would visit 9^8 Lists.
 */
export function laughs(indent = '', lists = false): string {
  const value = (items: string) => (lists ? `{apiVersion: v1, kind: List, items: [${items}]}` : `[${items}]`);
  const rows = [`a: &a ${value(lists ? '' : Array(9).fill('lol').join(', '))}`];
  for (const [i, k] of [...'bcdefghi'].entries()) rows.push(`${k}: &${k} ${value(Array(9).fill(`*${'abcdefghi'[i]}`).join(', '))}`);
  return rows.map((r) => indent + r).join('\n') + '\n';
}

/** A valid object to put after a hostile document: it must still be read. */
export const survivor = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: survivor}\n';

export const hostile = {
  bomb: `${laughs()}---\n${survivor}`,
  /** The bomb's aliases used from the items of a List inside a List. */
  nestedList: `apiVersion: v1\nkind: List\nbombs:\n${laughs('  ', true)}items:\n- apiVersion: v1\n  kind: List\n  items: [*i]\n---\n${survivor}`,
  legacyIngress: `apiVersion: extensions/v1beta1\nkind: Ingress\nspec:\n${laughs('  ')}metadata:\n  name: x\n  labels: *i\n---\n${survivor}`,
  legacyMetalLB: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: config, namespace: metallb-system}\ndata:\n  config: |\n${laughs('    ')}---\n${survivor}`,
  deep: `a: ${'['.repeat(YAML_LIMITS.maxDepth + 1)}${']'.repeat(YAML_LIMITS.maxDepth + 1)}\n---\n${survivor}`,
  selfAlias: `apiVersion: v1\nkind: Namespace\nmetadata: &m\n  name: a\n  labels: *m\n---\n${survivor}`,
  huge: `${survivor}#${'x'.repeat(YAML_LIMITS.maxTextLength)}\n`,
  /** One document more than allowed; each is an empty List, which reads silently. */
  manyDocuments: '---\napiVersion: v1\nkind: List\nitems: []\n'.repeat(YAML_LIMITS.maxDocuments) + `---\n${survivor}`,
};

/** A 5 MB string in a field that takes one of four words, and a Service with a 100 kB name. */
export const longValues = `apiVersion: v1
kind: Service
metadata: {name: a}
spec: {type: ${'x'.repeat(5 * 1024 * 1024)}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: ${'n'.repeat(100_000)}}
spec: {ports: [{port: 80}]}
`;

/** Old-style configurations of 10,000 items from a few lines, each item an alias of the first (under the alias cap). */
export const manyLegacyItems = {
  metallb: `apiVersion: v1
kind: ConfigMap
metadata: {name: config, namespace: metallb-system}
data:
  config: |
    address-pools: [&p {name: a, protocol: layer2, addresses: [10.0.0.1/32]}${', *p'.repeat(9999)}]
`,
  ingress: `apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: x}
spec:
  rules:
  - host: a.example
    http:
      paths: [&p {path: /, backend: {serviceName: survivor, servicePort: 80}}${', *p'.repeat(9999)}]
`,
};
