// kube-proxy nftables-mode table generation at scale (the same clusters as kubeproxy.ts), next to
// the kernel's own `nft -f` loading it into a throw-away network namespace when run as root.
import { spawnSync } from 'node:child_process';
import { nftablesDump } from '../src/model';
import { cluster } from './kubeproxy';
import { measure, print } from './measure';

/** Wall time of `nft -f -` in a fresh namespace, or why it was not taken. */
function kernelLoad(text: string): string {
  if (process.getuid?.() !== 0) return 'kernel nft -f: not root, not measured';
  const ns = `pwbench-nft-${process.pid}`;
  if (spawnSync('ip', ['netns', 'add', ns]).status !== 0) return 'kernel nft -f: no network namespace';
  try {
    const start = performance.now();
    const r = spawnSync('ip', ['netns', 'exec', ns, 'nft', '-f', '-'], { input: text, encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = performance.now() - start;
    return r.status === 0 ? `kernel nft -f ${(ms / 1000).toFixed(2)} s` : `kernel nft -f failed: ${r.stderr.split('\n')[0]}`;
  } finally {
    spawnSync('ip', ['netns', 'del', ns]);
  }
}

export function benchNftables(): void {
  console.log('\n# kube-proxy nftables mode: a full sync for one node');
  for (const [services, endpoints] of [
    [1000, 10],
    [10000, 5],
  ] as const) {
    const state = cluster(services, endpoints);
    let text = '';
    const fig = measure(`${services} Services × ${endpoints} endpoints`, () => (text = nftablesDump(state, 'node-0')), 5, 1);
    const count = (kind: string) => text.split('\n').filter((l) => l.startsWith(`add ${kind} `)).length;
    print(fig, `${count('rule')} rules, ${count('element')} map elements, ${(text.length / 1e6).toFixed(1)} MB; ${kernelLoad(text)}`);
  }
}
