// A pasted dump derived: the k3s, kind and kubeadm test dumps, and a generated dump of a busy
// cluster (Deployments whose pods are in the dump and whose ReplicaSets are not), with how many
// pods the model holds against how many the dump shows (a model that makes copies holds more).
// `npm run bench -- dump [--src DIR]`: DIR is another checkout's src/model to compare with.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadAll } from 'js-yaml';
import { measure, print } from './measure';

interface Item {
  kind: string;
  metadata: { namespace?: string; name: string };
}
type Derive = (files: { name: string; text: string }[]) => { state: { pods: Item[] } };

/** `deployments` Deployments × `replicas` pods over `nodes` nodes, as kubectl prints them (trimmed), without the ReplicaSets. */
export function busyDump(deployments: number, replicas: number, nodes: number): string {
  const out: string[] = ['apiVersion: v1', 'kind: List', 'items:'];
  for (let n = 0; n < nodes; n++) {
    out.push(
      `- {apiVersion: v1, kind: Node, metadata: {name: node-${n}, uid: n${n}}, spec: {podCIDR: 10.42.${n}.0/24}, status: {addresses: [{type: InternalIP, address: 192.168.64.${n + 2}}]}}`,
    );
  }
  let pod = 0;
  for (let d = 0; d < deployments; d++) {
    const hash = `5d8c7b${(d % 1000).toString().padStart(3, '0')}`;
    const labels = `{app: app-${d}}`;
    out.push(
      `- {apiVersion: apps/v1, kind: Deployment, metadata: {name: app-${d}, namespace: shop, uid: d${d}}, spec: {replicas: ${replicas}, selector: {matchLabels: ${labels}}, template: {metadata: {labels: ${labels}}, spec: {containers: [{name: app, image: app}]}}}}`,
      `- {apiVersion: v1, kind: Service, metadata: {name: app-${d}, namespace: shop, uid: s${d}}, spec: {clusterIP: 10.43.${d >> 8}.${d & 255}, selector: ${labels}, ports: [{port: 80}]}}`,
    );
    for (let r = 0; r < replicas; r++, pod++) {
      const node = pod % nodes;
      const ip = `10.42.${node}.${2 + Math.floor(pod / nodes)}`;
      out.push(
        `- {apiVersion: v1, kind: Pod, metadata: {name: app-${d}-${hash}-p${r}, namespace: shop, uid: p${pod}, labels: {app: app-${d}, pod-template-hash: '${hash}'}, ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: app-${d}-${hash}, uid: r${d}, controller: true}]}, spec: {nodeName: node-${node}, containers: [{name: app, image: app}]}, status: {phase: Running, podIP: ${ip}, hostIP: 192.168.64.${node + 2}}}`,
      );
    }
  }
  return out.join('\n') + '\n';
}

export async function benchDump(args: string[]): Promise<void> {
  const at = args.indexOf('--src');
  const src = at >= 0 && args[at + 1] ? args[at + 1]! : new URL('../src/model', import.meta.url).pathname;
  const { deriveModel } = (await import(pathToFileURL(`${src}/index.ts`).href)) as { deriveModel: Derive };
  console.log(`\n# a pasted dump: deriveModel of ${src}; pods the model holds against those the dump shows`);
  const cases: [string, string][] = ['k3s', 'kind', 'kubeadm'].map((name) => [
    `${name} test dump`,
    readFileSync(new URL(`../src/model/cluster/testdata/${name}-dump.yaml`, import.meta.url), 'utf8'),
  ]);
  cases.push(['busy dump: 300 Deployments × 3 pods on 20 nodes', busyDump(300, 3, 20)]);
  cases.push(['busy dump: 1,000 Deployments × 3 pods on 50 nodes', busyDump(1000, 3, 50)]);
  for (const [name, text] of cases) {
    const items = (loadAll(text) as { items?: Item[] }[]).flatMap((doc) => doc.items ?? [doc as Item]);
    const dumped = new Set(items.filter((o) => o.kind === 'Pod').map((o) => `${o.metadata.namespace}/${o.metadata.name}`));
    const model = deriveModel([{ name: 'dump.yaml', text }]);
    const made = model.state.pods.filter((p) => !dumped.has(`${p.metadata.namespace}/${p.metadata.name}`)).length;
    print(
      measure(name, () => deriveModel([{ name: 'dump.yaml', text }]), 9, 2),
      `${dumped.size} pods dumped, ${model.state.pods.length - made} of them held, ${made} more made`,
    );
  }
}
