// One packet's walk through kube-proxy's rules in iptables and in nftables mode, on the scale
// clusters (a pod to the last Service's ClusterIP: the last of iptables' KUBE-SERVICES rules,
// one verdict-map lookup in nftables mode). The first walk builds the nodes it crosses; the
// figure after it is the walk alone, with the nodes built.
import { deriveModel, walkPacket, type PacketSpec } from '../src/model';
import { measure, print } from './measure';
import { scaleManifest } from './scale';

export function benchNftWalk(): void {
  console.log('\n# one walk, kube-proxy in iptables vs nftables mode');
  for (const services of [300, 3000]) {
    const text = scaleManifest(services);
    for (const proxyMode of ['iptables', 'nftables'] as const) {
      const model = deriveModel([{ name: 'scale.yaml', text }], { proxyMode });
      const pod = model.state.pods.find((p) => p.metadata.name.startsWith('app-0-'))!;
      const vip = model.state.services.find((s) => s.metadata.name === `app-${services - 1}`)!.spec.clusterIP!;
      const spec: PacketSpec = {
        from: { kind: 'pod', namespace: 'default', name: pod.metadata.name },
        to: { kind: 'ip', ip: vip, port: 80, proto: 'tcp' },
      };
      let outcome = '';
      const first = measure(`${services} Services, ${proxyMode}: first walk (builds nodes)`, () => walkPacket(model, spec), 1, 0);
      const again = measure(
        `${services} Services, ${proxyMode}: walk, nodes built`,
        () => {
          outcome = walkPacket(model, spec).outcome.result;
        },
        5,
        1,
      );
      print(first);
      print(again, outcome);
    }
  }
}
