// How long re-deriving the whole model takes after an edit, and one packet walk.
import { readFileSync } from 'node:fs';
import { deriveModel, walkPacket } from '../src/model';
import { manyServices } from './generate';
import { measure, print } from './measure';

const hostnames = readFileSync(new URL('../public/scenarios/hostnames.yaml', import.meta.url), 'utf8');

export function benchDerive(): void {
  console.log('\n# an edit: deriveModel (parse → reconcile → MetalLB/Ingress) + the dataplane of the 2 nodes a walk reads');
  console.log('# (16.7 ms is one frame at 60 fps; node dataplanes are built when first asked for)');
  const edit = (text: string) => {
    const m = deriveModel([{ name: 'h.yaml', text }]);
    for (const name of m.dataplane.nodeNames.slice(0, 2)) m.dataplane.node(name);
    return m;
  };
  print(measure('hostnames scenario (3 replicas, 3 nodes)', () => edit(hostnames), 50));
  const edited = hostnames.replace('replicas: 3', 'replicas: 5');
  print(measure('hostnames after an edit (replicas: 5)', () => edit(edited), 50));
  for (const [services, replicas, nodes] of [
    [50, 3, 0],
    [200, 3, 10],
    [1000, 3, 50],
  ] as const) {
    const text = manyServices(services, replicas, nodes);
    const lines = text.split('\n').length;
    const model = deriveModel([{ name: 'big.yaml', text }]);
    const rules = model.dataplane.nodeNames.reduce(
      (n, name) => n + model.dataplane.node(name)!.ruleset.tables.nat!.chains.reduce((m, c) => m + c.rules.length, 0),
      0,
    );
    print(
      measure(`${services} Services × ${replicas} pods on ${nodes || 3} nodes (${lines} lines)`, () => edit(text), 5, 1),
      `${rules} nat rules over all nodes`,
    );
  }

  console.log('\n# walkPacket: one packet there and back');
  const model = deriveModel([{ name: 'h.yaml', text: hostnames }]);
  const vip = model.state.services.find((s) => s.metadata.name === 'hostnames')!.spec.clusterIP!;
  print(
    measure(
      'client pod → hostnames ClusterIP:80',
      () =>
        walkPacket(model, {
          from: { kind: 'pod', namespace: 'default', name: 'client' },
          to: { kind: 'ip', ip: vip, port: 80, proto: 'tcp' },
        }),
      100,
    ),
  );
  const big = deriveModel([{ name: 'big.yaml', text: manyServices(1000, 3, 50) }]);
  const bigVip = big.state.services.find((s) => s.metadata.name === 'app-999')!.spec.clusterIP!;
  print(
    measure(
      'node-0 → the last of 1000 ClusterIPs (KUBE-SERVICES scan)',
      () => walkPacket(big, { from: { kind: 'node', name: 'node-0' }, to: { kind: 'ip', ip: bigVip, port: 80, proto: 'tcp' } }),
      20,
    ),
  );
}
