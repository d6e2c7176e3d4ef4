// Properties over random clusters: whatever the learner writes, every Service with ready
// endpoints is reachable on each path it advertises, and every reply comes home with the
// addresses the client dialled. fast-check generates the clusters (nodes, kube-proxy's mode,
// Deployments, Services, ports) and shrinks a failure to the smallest cluster that shows it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveModel, walkPacket, type Model, type Trace } from '../index';
import { MODEL_LIMITS } from '../limits';

interface AppSpec {
  replicas: number;
  protocol: 'TCP' | 'UDP';
  type: 'ClusterIP' | 'NodePort';
  etp: 'Cluster' | 'Local';
  /** Per port: the container's port, the Service's port, and whether targetPort names it. */
  ports: { containerPort: number; port: number; named: boolean }[];
}

const appSpec: fc.Arbitrary<AppSpec> = fc.record({
  replicas: fc.integer({ min: 0, max: 3 }), // 0 replicas: a Service without endpoints
  protocol: fc.constantFrom('TCP' as const, 'UDP' as const),
  type: fc.constantFrom('ClusterIP' as const, 'NodePort' as const),
  etp: fc.constantFrom('Cluster' as const, 'Local' as const),
  ports: fc.uniqueArray(
    fc.record({ containerPort: fc.constantFrom(80, 8080, 9376, 5000), port: fc.constantFrom(80, 443, 8000, 53), named: fc.boolean() }),
    { minLength: 1, maxLength: 2, comparator: (a, b) => a.port === b.port || a.containerPort === b.containerPort },
  ),
});

/** 0 nodes keeps the default three (a control plane and two workers). */
const clusterSpec = fc.record({
  nodes: fc.integer({ min: 0, max: 4 }),
  mode: fc.constantFrom('iptables' as const, 'ipvs' as const),
  apps: fc.array(appSpec, { minLength: 1, maxLength: 4 }),
});

function clusterYaml(c: { nodes: number; mode: 'iptables' | 'ipvs'; apps: AppSpec[] }): string {
  const docs = [`apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ${c.mode}`];
  for (let n = 0; n < c.nodes; n++) docs.push(`apiVersion: v1\nkind: Node\nmetadata: {name: node-${n}}`);
  c.apps.forEach((a, i) => {
    const containerPorts = a.ports.map((p, j) => `{name: web${j}, containerPort: ${p.containerPort}, protocol: ${a.protocol}}`);
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: {name: app${i}}
spec:
  replicas: ${a.replicas}
  selector: {matchLabels: {app: app${i}}}
  template:
    metadata: {labels: {app: app${i}}}
    spec:
      containers:
      - name: c
        image: x
        ports: [${containerPorts.join(', ')}]`);
    const ports = a.ports.map(
      (p, j) => `{name: p${j}, port: ${p.port}, targetPort: ${p.named ? `web${j}` : p.containerPort}, protocol: ${a.protocol}}`,
    );
    docs.push(`apiVersion: v1
kind: Service
metadata: {name: svc${i}}
spec:
  type: ${a.type}
${a.type === 'NodePort' ? `  externalTrafficPolicy: ${a.etp}\n` : ''}  selector: {app: app${i}}
  ports: [${ports.join(', ')}]`);
  });
  docs.push('apiVersion: v1\nkind: Pod\nmetadata: {name: client}\nspec:\n  containers: [{name: c, image: curl}]');
  return docs.join('\n---\n') + '\n';
}

const proto = (p: string) => p.toLowerCase() as 'tcp' | 'udp';

function readyEndpoints(m: Model, ns: string, name: string): { ip: string; node?: string }[] {
  return m.state.endpointSlices
    .filter((s) => s.metadata.namespace === ns && s.metadata.labels?.['kubernetes.io/service-name'] === name)
    .flatMap((s) => s.endpoints.filter((e) => e.conditions.ready !== false).map((e) => ({ ip: e.addresses[0]!, node: e.nodeName })));
}

/** The reply's last step arrives where the request left, from the address and port the client dialled. */
function expectHome(t: Trace, dialled: string, what: string): void {
  const first = t.steps[0]!;
  const last = t.steps[t.steps.length - 1]!;
  expect(last.phase, what).toBe('reply');
  expect(last.at.element, what).toBe(first.at.element);
  expect(`${last.after.src}:${last.after.sport}`, what).toBe(dialled);
  expect(`${last.after.dst}:${last.after.dport}`, what).toBe(`${first.before.src}:${first.before.sport}`);
}

function checkCluster(yaml: string, mode: 'iptables' | 'ipvs', seed: number): void {
  const m = deriveModel([{ name: 'random.yaml', text: yaml }]);
  expect(m.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  for (const svc of m.state.services.filter((s) => s.metadata.namespace === 'default' && s.metadata.name.startsWith('svc'))) {
    const ready = readyEndpoints(m, 'default', svc.metadata.name);
    for (const port of svc.spec.ports) {
      const what = `${svc.metadata.name} port ${port.port}/${port.protocol}`;
      const fromPod = walkPacket(m, {
        from: { kind: 'pod', namespace: 'default', name: 'client' },
        to: { kind: 'ip', ip: svc.spec.clusterIP!, port: port.port, proto: proto(port.protocol) },
        seed,
      });
      if (ready.length === 0) {
        expect(fromPod.outcome.result, `${what} without endpoints`).toBe('rejected');
        continue;
      }
      expect(fromPod.outcome.result, `${what} ClusterIP`).toBe('delivered');
      expect(ready.map((e) => e.ip)).toContain(fromPod.outcome.endpoint!.split(':')[0]);
      expectHome(fromPod, `${svc.spec.clusterIP}:${port.port}`, `${what} ClusterIP reply`);

      if (svc.spec.type !== 'NodePort') continue;
      for (const node of m.state.nodes) {
        const ip = m.state.hosts[node.metadata.name]!.nic.ip;
        const t = walkPacket(m, {
          from: { kind: 'client' },
          to: { kind: 'ip', ip, port: port.nodePort!, proto: proto(port.protocol) },
          seed,
        });
        const local = ready.some((e) => e.node === node.metadata.name);
        // iptables drops at a node without a local endpoint; IPVS falls back to every endpoint (kubernetes#97081).
        const expected = svc.spec.externalTrafficPolicy === 'Local' && !local && mode === 'iptables' ? 'dropped' : 'delivered';
        const where = `${what} NodePort on ${node.metadata.name} (${svc.spec.externalTrafficPolicy})`;
        expect(t.outcome.result, where).toBe(expected);
        if (expected === 'delivered') expectHome(t, `${ip}:${port.nodePort}`, `${where} reply`);
      }
    }
  }
}

describe('random clusters', () => {
  it('every advertised path of every Service answers as kube-proxy says, and replies come home with the dialled addresses', () => {
    fc.assert(fc.property(clusterSpec, fc.nat(1000), (c, seed) => checkCluster(clusterYaml(c), c.mode, seed)));
  });
});

describe('replicas anywhere up to 2^31-1', () => {
  // Five workers hold the 1,000 pods the model makes at most (253 addresses in each node's /24).
  const nodes = Array.from({ length: 5 }, (_, n) => `apiVersion: v1\nkind: Node\nmetadata: {name: node-${n}}`);
  const app = (replicas: number) => ({
    replicas,
    protocol: 'TCP' as const,
    type: 'ClusterIP' as const,
    etp: 'Cluster' as const,
    ports: [{ containerPort: 8080, port: 80, named: false }],
  });

  it('a workload gets min(replicas, 1,000) pods, a warning past the cap, and its Service answers from one of them', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 1_200 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })),
        fc.nat(1000),
        (replicas, seed) => {
          const yaml = [...nodes, clusterYaml({ nodes: 0, mode: 'iptables', apps: [app(replicas)] })].join('\n---\n');
          const m = deriveModel([{ name: 'random.yaml', text: yaml }]);
          expect(m.state.pods.filter((p) => p.metadata.name.startsWith('app0-'))).toHaveLength(
            Math.min(replicas, MODEL_LIMITS.podsPerWorkload),
          );
          const capped = m.diagnostics.filter((d) => d.code === 'limits.podsPerWorkload');
          expect(capped.map((d) => d.params.replicas)).toEqual(replicas > MODEL_LIMITS.podsPerWorkload ? [replicas] : []);
          checkCluster(yaml, 'iptables', seed);
        },
      ),
      { numRuns: Math.ceil((fc.readConfigureGlobal().numRuns ?? 100) / 10) },
    );
  });
});
