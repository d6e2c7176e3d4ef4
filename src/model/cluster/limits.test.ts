// The model's caps on what a text asks for (src/model/limits.ts): the hostile replicas of issue 14,
// the pods of the whole cluster, nodes and objects per file. Each leaves out what is over, says so
// where the text asked for it, and the rest of the file keeps working.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translateDiagnostic } from '../../i18n/i18n';
import type { Diagnostic } from '../diagnostics';
import { deriveModel, walkPacket, type Model } from '../index';

/** The vitest default: the brief of issue 14 asks each hostile replicas text to derive well within it. */
const DEFAULT_TIMEOUT = 5_000;

const hostile = (name: string) => readFileSync(new URL(`../../../e2e/fixtures/hostile/${name}`, import.meta.url), 'utf8');
const derive = (text: string, name = 'replicas.yaml') => deriveModel([{ name, text }]);
const limits = (m: Model) => m.state.diagnostics.filter((d) => d.code.startsWith('limits.'));
const podsOf = (m: Model, prefix: string) => m.state.pods.filter((p) => p.metadata.name.startsWith(prefix));
const where = (d: Diagnostic) => `${d.file}:${d.line}:${d.col}`;

function deployment(name: string, replicas: number | string, kind = 'Deployment'): string {
  return `apiVersion: apps/v1
kind: ${kind}
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
`;
}

/** The Service of the fixtures still works: endpoints are modelled pods, and a packet to it is delivered to one. */
function expectServiceWorks(m: Model): void {
  const web = new Set(podsOf(m, 'web-').map((p) => p.status.podIP));
  const endpoints = m.state.endpointSlices
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')
    .flatMap((s) => s.endpoints.flatMap((e) => e.addresses));
  expect(endpoints.length).toBeGreaterThan(0);
  for (const ip of endpoints) expect(web).toContain(ip);
  const vip = m.state.services.find((s) => s.metadata.name === 'web')!.spec.clusterIP!;
  const trace = walkPacket(m, { from: { kind: 'node', name: 'worker-1' }, to: { kind: 'ip', ip: vip, port: 80, proto: 'tcp' } });
  expect(trace.outcome).toMatchObject({ result: 'delivered', service: 'default/web' });
  expect(trace.outcome.pod).toMatch(/^default\/web-/);
}

describe('replicas per workload', () => {
  it(
    'replicas: 2147483647 models 1,000 pods, keeps the declared count and says "1,000 of 2,147,483,647" at the field',
    () => {
      const m = derive(hostile('replicas-2147483647.yaml'));
      expect(podsOf(m, 'web-')).toHaveLength(1_000);
      const deploy = m.state.workloads!.find((w) => w.kind === 'Deployment' && w.metadata.name === 'web')!;
      expect(deploy.spec).toMatchObject({ replicas: 2_147_483_647 });
      const [warning, ...others] = limits(m);
      expect(others).toEqual([]);
      expect(warning).toMatchObject({ severity: 'warning', code: 'limits.podsPerWorkload' });
      expect(where(warning!)).toBe('replicas.yaml:5:3');
      const en = translateDiagnostic('en', warning!);
      expect(en).toContain('Deployment "web": 1,000 of 2,147,483,647 pods are modelled');
      expect(en).toContain('the other 2,147,482,647 are left out: their addresses, endpoints and rules are not computed');
      expect(translateDiagnostic('zh-CN', warning!)).toContain('2,147,483,647 个 Pod 中只建模了 1,000 个');
      // The surge the Deployment controller allows is computed on the declared count, not on the modelled one.
      const rs = m.state.workloads!.find((w) => w.kind === 'ReplicaSet' && w.metadata.name.startsWith('web-'))!;
      expect(rs.metadata.annotations).toMatchObject({
        'deployment.kubernetes.io/desired-replicas': '2147483647',
        'deployment.kubernetes.io/max-replicas': '2684354559',
      });
      expectServiceWorks(m);
    },
    DEFAULT_TIMEOUT,
  );

  it(
    'replicas: 100000 models 1,000 pods and leaves 99,000 out, the Service serving the modelled ones',
    () => {
      const m = derive(hostile('replicas-100000.yaml'));
      expect(podsOf(m, 'web-')).toHaveLength(1_000);
      expect(limits(m).map((d) => [d.code, where(d), d.params.left])).toEqual([['limits.podsPerWorkload', 'replicas.yaml:5:3', 99_000]]);
      expectServiceWorks(m);
    },
    DEFAULT_TIMEOUT,
  );

  it('models every pod up to the cap, without a word', () => {
    const m = derive(deployment('web', 1_000));
    expect(podsOf(m, 'web-')).toHaveLength(1_000);
    expect(limits(m)).toEqual([]);
  });

  it('caps a StatefulSet and a ReplicaSet the same way: ordinals 0 to 999', () => {
    const m = derive(deployment('db', 5_000, 'StatefulSet') + '---\n' + deployment('rs', 1_001, 'ReplicaSet'));
    const db = podsOf(m, 'db-').map((p) => p.metadata.name);
    expect(db).toHaveLength(1_000);
    expect(db).toContain('db-999');
    expect(db).not.toContain('db-1000');
    expect(podsOf(m, 'rs-')).toHaveLength(1_000);
    expect(limits(m).map((d) => [d.params.kind, d.params.modelled, d.params.replicas, where(d)])).toEqual([
      ['ReplicaSet', 1_000, 1_001, 'replicas.yaml:15:3'],
      ['StatefulSet', 1_000, 5_000, 'replicas.yaml:5:3'],
    ]);
  });
});

describe('pods in the whole cluster', () => {
  it('stops at 50,000 pods of the learner (written ones first): the workload that crosses it gets what is left, a DaemonSet none; the system pods stay', () => {
    const docs = Array.from({ length: 49 }, (_, i) => deployment(`app${i}`, 1_000));
    docs.push(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: mine}\nspec: {containers: [{name: c, image: nginx}]}\n',
      deployment('last', 1_000),
      deployment('agent', 1, 'DaemonSet').replace('  replicas: 1\n', ''),
    );
    const m = derive(docs.join('---\n'), 'big.yaml');
    const learner = m.state.pods.filter((p) => m.state.origins[`Pod/${p.metadata.namespace}/${p.metadata.name}`] !== 'builtin');
    expect(learner).toHaveLength(50_000);
    expect(podsOf(m, 'last-')).toHaveLength(999);
    expect(podsOf(m, 'agent-')).toHaveLength(0);
    expect(m.state.pods.some((p) => p.metadata.name.startsWith('coredns-'))).toBe(true);
    expect(m.state.pods.filter((p) => p.metadata.name.startsWith('kube-proxy-'))).toHaveLength(3);
    const [last, agent, ...others] = limits(m);
    expect(others).toEqual([]);
    expect(last).toMatchObject({ code: 'limits.podsInModel', params: { kind: 'Deployment', name: 'last', modelled: 999, left: 1 } });
    expect(translateDiagnostic('en', last!)).toContain('"last": 999 of 1,000 pods are modelled');
    expect(agent).toMatchObject({ code: 'limits.daemonSetPods', params: { name: 'agent', left: 2 } });
    expect(translateDiagnostic('zh-CN', agent!)).toContain('它的 2 个 Pod（每个节点一个）被略去');
  });

  it('leaves out the pods written past the cap, with a message at the first', () => {
    const items = Array.from(
      { length: 50_002 },
      (_, i) => `- {apiVersion: v1, kind: Pod, metadata: {name: p${i}}, spec: {containers: [{name: c, image: i}]}}`,
    );
    const m = derive(`apiVersion: v1\nkind: List\nitems:\n${items.join('\n')}\n`, 'pods.yaml');
    expect(m.state.pods.some((p) => p.metadata.name === 'p49999')).toBe(true);
    expect(m.state.pods.some((p) => p.metadata.name === 'p50000')).toBe(false);
    const [warning, ...others] = limits(m);
    expect(others).toEqual([]);
    expect(where(warning!)).toBe('pods.yaml:50004:3');
    expect(translateDiagnostic('en', warning!)).toBe(
      'This pod ("p50000") and the other pods after it, 2 in all, are left out: PacketWalk draws and walks at most 50,000 pods of your objects in the whole cluster. Their addresses, endpoints and rules are not computed.',
    );
  });
});

describe('nodes and objects', () => {
  it('models 5,000 nodes at most, saying so at the first one left out', () => {
    const items = Array.from({ length: 5_001 }, (_, i) => `- {apiVersion: v1, kind: Node, metadata: {name: n${i}}}`);
    const m = derive(`apiVersion: v1\nkind: List\nitems:\n${items.join('\n')}\n`, 'nodes.yaml');
    expect(m.state.nodes).toHaveLength(5_000);
    expect(m.state.nodes.some((n) => n.metadata.name === 'n5000')).toBe(false);
    const [warning, ...others] = limits(m);
    expect(others).toEqual([]);
    expect(warning).toMatchObject({ code: 'limits.nodes', params: { name: 'n5000', left: 1, cap: 5_000 } });
    expect(where(warning!)).toBe('nodes.yaml:5004:3');
  });

  it('reads 100,000 objects of one file at most, List items counted one by one; another file has its own count', () => {
    const items = Array.from({ length: 100_001 }, (_, i) => `- {apiVersion: v1, kind: Namespace, metadata: {name: ns${i}}}`);
    const m = deriveModel([
      { name: 'many.yaml', text: `apiVersion: v1\nkind: List\nitems:\n${items.join('\n')}\n` },
      { name: 'web.yaml', text: hostile('replicas-100000.yaml') },
    ]);
    const names = new Set(m.state.namespaces.map((n) => n.metadata.name));
    expect(names.has('ns99999')).toBe(true);
    expect(names.has('ns100000')).toBe(false);
    expect(m.state.services.some((s) => s.metadata.name === 'web')).toBe(true);
    const over = limits(m).filter((d) => d.code === 'limits.objectsPerFile');
    expect(over.map(where)).toEqual(['many.yaml:100004:3']);
    expect(translateDiagnostic('zh-CN', over[0]!)).toBe(
      '这个对象及其后的对象，共 1 个，被略去：PacketWalk 从一个文件最多读取 100,000 个对象（List 的每一项各算一个）。把文件拆开即可使用其余对象。',
    );
  });
});
