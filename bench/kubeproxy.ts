// kube-proxy iptables-mode rule generation at scale, next to the kernel's own iptables-restore.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { iptablesRestore } from '../src/model/kubeproxy';
import { clusterState, node, service, slice } from '../src/model/kubeproxy/testFixtures';
import { formatIPv4, parseIPv4Sloppy } from '../src/model/net';
import { kernelRestore } from './kernelRestore';
import { measure, print } from './measure';

/** `services` ClusterIP Services with `endpoints` pods each, spread over 50 nodes; node-0 syncs. */
export function cluster(services: number, endpoints: number) {
  const svcs = [];
  const slices = [];
  const vipBase = parseIPv4Sloppy('10.96.16.0')!;
  const podBase = parseIPv4Sloppy('10.244.0.10')!;
  for (let i = 0; i < services; i++) {
    svcs.push(
      service('default', `svc-${i}`, {
        clusterIP: formatIPv4(vipBase + i),
        ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }],
      }),
    );
    const eps = Array.from({ length: endpoints }, (_, j) => ({
      ip: formatIPv4(podBase + i * endpoints + j),
      node: `node-${(i + j) % 50}`,
    }));
    slices.push(slice('default', `svc-${i}`, eps, [{ name: 'http', port: 8080 }]));
  }
  return clusterState({ nodes: [node('node-0', '192.168.1.10')], services: svcs, endpointSlices: slices });
}

export function benchKubeProxy(): void {
  console.log('\n# kube-proxy iptables mode: a full sync for one node');
  for (const [services, endpoints] of [
    [1000, 10],
    [10000, 5],
  ] as const) {
    const state = cluster(services, endpoints);
    let text = '';
    const fig = measure(`${services} Services × ${endpoints} endpoints`, () => (text = iptablesRestore(state, 'node-0')), 5, 1);
    const rules = text.split('\n').filter((l) => l.startsWith('-A ')).length;
    const dir = mkdtempSync(join(tmpdir(), 'pwbench-'));
    writeFileSync(join(dir, 'rules'), text);
    const kernel = kernelRestore(join(dir, 'rules'), false);
    rmSync(dir, { recursive: true });
    const kernelText = typeof kernel === 'string' ? kernel : `kernel iptables-restore ${(kernel.wallMs / 1000).toFixed(2)} s`;
    print(fig, `${rules} rules, ${(text.length / 1e6).toFixed(1)} MB; ${kernelText}`);
  }
}
