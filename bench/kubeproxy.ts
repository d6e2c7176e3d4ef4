// kube-proxy iptables-mode rule generation at scale, next to the kernel's own iptables-restore.
import { spawnSync } from 'node:child_process';
import { iptablesRestore } from '../src/model/kubeproxy';
import { clusterState, node, service, slice } from '../src/model/kubeproxy/testFixtures';
import { formatIPv4, parseIPv4Sloppy } from '../src/model/net';
import { measure, print } from './measure';

function cluster(services: number, endpoints: number) {
  const svcs = [];
  const slices = [];
  const vipBase = parseIPv4Sloppy('10.96.16.0')!;
  const podBase = parseIPv4Sloppy('10.244.0.10')!;
  for (let i = 0; i < services; i++) {
    svcs.push(service('default', `svc-${i}`, { clusterIP: formatIPv4(vipBase + i), ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] }));
    const eps = Array.from({ length: endpoints }, (_, j) => ({ ip: formatIPv4(podBase + i * endpoints + j), node: `node-${(i + j) % 50}` }));
    slices.push(slice('default', `svc-${i}`, eps, [{ name: 'http', port: 8080 }]));
  }
  return clusterState({ nodes: [node('node-0', '192.168.1.10')], services: svcs, endpointSlices: slices });
}

/** Seconds the real iptables-restore takes to load `text` into a fresh namespace, or why it cannot run. */
function kernelRestore(text: string): string {
  if (process.getuid?.() !== 0) return 'not root: kernel figure skipped';
  const ns = `pwbench-${process.pid}`;
  const sh = (args: string[], input?: string) => spawnSync('ip', args, { input, encoding: 'utf8', timeout: 300_000 });
  if (sh(['netns', 'add', ns]).status !== 0) return 'no network namespaces: kernel figure skipped';
  try {
    for (const name of new Set([...text.matchAll(/--nfacct-name\s+(\S+)/g)].map((m) => m[1]!))) sh(['netns', 'exec', ns, 'nfacct', 'add', name]);
    const start = performance.now();
    const r = sh(['netns', 'exec', ns, 'iptables-restore'], text);
    const ms = performance.now() - start;
    return r.status === 0 ? `kernel iptables-restore ${(ms / 1000).toFixed(2)} s` : `iptables-restore failed: ${r.stderr.slice(0, 200)}`;
  } finally {
    sh(['netns', 'del', ns]);
  }
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
    print(fig, `${rules} rules, ${(text.length / 1e6).toFixed(1)} MB; ${kernelRestore(text)}`);
  }
}
