// Properties over random clusters: whatever the learner writes, every Service with ready
// endpoints is reachable on each path it advertises, and every reply comes home with the
// addresses the client dialled.
import { describe, expect, it } from 'vitest';
import { deriveModel, walkPacket, type Model } from '../index';
import { seededRandom } from './rng';

function randomCluster(seed: number): string {
  const rand = seededRandom(seed);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const docs: string[] = [];
  const apps = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < apps; i++) {
    const replicas = Math.floor(rand() * 4); // 0 replicas: a Service without endpoints
    const port = pick([80, 8080, 9376, 5000]);
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: {name: app${i}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: app${i}}}
  template:
    metadata: {labels: {app: app${i}}}
    spec:
      containers:
      - name: c
        image: x
        ports: [{name: web, containerPort: ${port}, protocol: ${pick(['TCP', 'TCP', 'UDP'])}}]`);
    const type = pick(['ClusterIP', 'NodePort', 'NodePort']);
    const protocol = /protocol: (\w+)/.exec(docs[docs.length - 1]!)![1];
    docs.push(`apiVersion: v1
kind: Service
metadata: {name: svc${i}}
spec:
  type: ${type}
${type === 'NodePort' ? `  externalTrafficPolicy: ${pick(['Cluster', 'Local'])}\n` : ''}  selector: {app: app${i}}
  ports: [{name: p, port: ${pick([80, 443, 8000])}, targetPort: ${pick(['web', String(port)])}, protocol: ${protocol}}]`);
  }
  docs.push('apiVersion: v1\nkind: Pod\nmetadata: {name: client}\nspec:\n  containers: [{name: c, image: curl}]');
  return docs.join('\n---\n') + '\n';
}

const proto = (p: string) => p.toLowerCase() as 'tcp' | 'udp';

function readyEndpoints(m: Model, ns: string, name: string): { ip: string; node?: string }[] {
  return m.state.endpointSlices
    .filter((s) => s.metadata.namespace === ns && s.metadata.labels?.['kubernetes.io/service-name'] === name)
    .flatMap((s) => s.endpoints.filter((e) => e.conditions.ready !== false).map((e) => ({ ip: e.addresses[0]!, node: e.nodeName })));
}

describe('random clusters', () => {
  for (let seed = 1; seed <= 25; seed++) {
    it(`cluster #${seed}: every advertised path of every Service answers as kube-proxy says, and replies come home`, () => {
      const m = deriveModel([{ name: `random-${seed}.yaml`, text: randomCluster(seed) }]);
      expect(m.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      for (const svc of m.state.services.filter((s) => s.metadata.namespace === 'default' && s.metadata.name.startsWith('svc'))) {
        const port = svc.spec.ports[0]!;
        const ready = readyEndpoints(m, 'default', svc.metadata.name);
        const fromPod = walkPacket(m, {
          from: { kind: 'pod', namespace: 'default', name: 'client' },
          to: { kind: 'ip', ip: svc.spec.clusterIP!, port: port.port, proto: proto(port.protocol) },
          seed,
        });
        if (ready.length === 0) {
          expect(fromPod.outcome.result, `${svc.metadata.name} without endpoints`).toBe('rejected');
          continue;
        }
        expect(fromPod.outcome.result, `${svc.metadata.name} ClusterIP`).toBe('delivered');
        expect(ready.map((e) => e.ip)).toContain(fromPod.outcome.endpoint!.split(':')[0]);
        const home = fromPod.steps[fromPod.steps.length - 1]!;
        expect(`${home.after.src}:${home.after.sport}`).toBe(`${svc.spec.clusterIP}:${port.port}`);

        if (svc.spec.type !== 'NodePort') continue;
        for (const node of m.state.nodes) {
          const ip = m.state.hosts[node.metadata.name]!.nic.ip;
          const t = walkPacket(m, { from: { kind: 'client' }, to: { kind: 'ip', ip, port: port.nodePort!, proto: proto(port.protocol) }, seed });
          const local = ready.some((e) => e.node === node.metadata.name);
          const expected = svc.spec.externalTrafficPolicy === 'Local' && !local ? 'dropped' : 'delivered';
          expect(t.outcome.result, `${svc.metadata.name} NodePort on ${node.metadata.name} (${svc.spec.externalTrafficPolicy})`).toBe(expected);
          if (expected === 'delivered') {
            const last = t.steps[t.steps.length - 1]!;
            expect(last.at.element).toBe('client');
            expect(`${last.after.src}:${last.after.sport}`).toBe(`${ip}:${port.nodePort}`);
          }
        }
      }
    });
  }
});
