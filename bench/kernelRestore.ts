// The kernel's own iptables-restore of a text, in a network namespace made for it and deleted after:
// the yardstick the model's figures are set against. Needs root (and namespaces); else says why not.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { timeProcess, type ProcessTime } from './processTime';

/** `noflush`: `iptables-restore --noflush`, as kube-proxy runs it. */
export function kernelRestore(textFile: string, noflush: boolean): ProcessTime | string {
  if (process.getuid?.() !== 0) return 'not root: kernel figure skipped';
  const ns = `pwbench-${process.pid}`;
  const ip = (args: string[]) => spawnSync('ip', args, { encoding: 'utf8', timeout: 300_000 });
  if (ip(['netns', 'add', ns]).status !== 0) return 'no network namespaces: kernel figure skipped';
  try {
    // kube-proxy's accounting rules name nfacct objects that must exist first.
    const text = readFileSync(textFile, 'utf8');
    for (const name of new Set([...text.matchAll(/--nfacct-name\s+(\S+)/g)].map((m) => m[1]!)))
      ip(['netns', 'exec', ns, 'nfacct', 'add', name]);
    const args = ['netns', 'exec', ns, 'iptables-restore', ...(noflush ? ['--noflush'] : [])];
    const t = timeProcess('ip', args, { stdinFile: textFile });
    return t.status === 0 ? t : `iptables-restore failed: ${t.stderr.slice(0, 200)}`;
  } finally {
    ip(['netns', 'del', ns]);
  }
}
