// MetalLB: allocation and layer-2/BGP elections for 1,000 LoadBalancer Services over 50 nodes.
import { deriveModel } from '../src/model';
import { parseManifests } from '../src/model/manifest/parse';
import { reconcile } from '../src/model/cluster/reconcile';
import { lanSubnets, runMetalLB } from '../src/model/metallb';
import type { ConfigMap, Manifest, MetalLBObject } from '../src/model/manifest/types';
import { manyServices } from './generate';
import { measure, print } from './measure';

const pools = `apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: {name: l2, namespace: metallb-system}
spec: {addresses: [192.168.100.0/22]}
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata: {name: l2, namespace: metallb-system}
spec: {ipAddressPools: [l2]}
`;

export function benchMetalLB(): void {
  console.log('\n# MetalLB: allocation + layer-2 election, 1,000 LoadBalancer Services over 50 nodes');
  const text = pools + '---\n' + manyServices(1000, 1, 50).replace(/spec:\n {2}selector:/g, 'spec:\n  type: LoadBalancer\n  selector:');
  const parsed = parseManifests([{ name: 'lb.yaml', text }]);
  const state = reconcile(parsed.manifests);
  const objects = parsed.manifests.filter(
    (m): m is Manifest<MetalLBObject | ConfigMap> => m.object.kind === 'IPAddressPool' || m.object.kind === 'L2Advertisement',
  );
  const input = {
    services: state.services,
    nodes: state.nodes,
    endpointSlices: state.endpointSlices,
    namespaces: state.namespaces,
    hosts: state.hosts,
    objects,
    lanSubnets: lanSubnets(state.config),
  };
  let announced = 0;
  print(
    measure('runMetalLB (allocate + elect)', () => (announced = runMetalLB(input).announcements.length), 5, 1),
    `${announced} addresses announced`,
  );
  print(measure('runMetalLB with one node down (elect twice, fail over)', () => runMetalLB({ ...input, downNodes: ['node-7'] }), 5, 1));
  print(measure('whole deriveModel for the same manifests', () => deriveModel([{ name: 'lb.yaml', text }]), 3, 1));
}
