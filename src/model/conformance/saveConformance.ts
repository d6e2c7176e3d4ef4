// One node's iptables, as the model printed it, put through the real kernel two ways:
// (1) our `iptables-save` text restored as it is, and (2) the way the node got it:
// kube-proxy's restore batch (--noflush), then kube-proxy's jump rules (-I) and flannel's
// rules (-A) as single iptables commands. Either way the real iptables-save must print
// exactly our save text, `#` header/footer lines aside. Test-side code (runs the tools).

import type { NodeDataplane } from '../dataplane';
import { isBuiltin } from '../netfilter/hooks';
import type { RuleSpec } from '../netfilter/types';
import { addNfacctObjects, loadRules, run, saveRules, withNetns, withoutComments, type Netns } from '../netfilter/kernel/harness';
import { lineDiff } from './lineDiff';

export interface KernelVerdict {
  /** What iptables-restore or iptables said when it refused a step ('' when all loaded). */
  refused: string;
  /** lineDiff(ours, iptables-save's), '' when they are the same. */
  diff: string;
}

const LABELS = { expected: 'PacketWalk --format save', actual: 'real iptables-save' };

/** (1): restore our save listing into a fresh namespace and read it back. */
export function restoreSaveListing(dp: NodeDataplane): KernelVerdict {
  return withNetns(['save'], (ns) => {
    addNfacctObjects(ns, dp.iptablesSave);
    const loaded = loadRules(ns, dp.iptablesSave);
    if (loaded.code !== 0) return { refused: `iptables-restore: ${loaded.stderr.trim()}`, diff: '' };
    return readBack(ns, dp);
  });
}

/** (2): kube-proxy's own sync in a fresh namespace, then the rules it and flannel add one by one. */
export function replayNodeSync(dp: NodeDataplane, extraRules: RuleSpec[]): KernelVerdict {
  return withNetns(['sync'], (ns) => {
    addNfacctObjects(ns, dp.iptablesRestore);
    // kube-proxy runs `iptables-restore -w 5 -W 100000 --noflush --counters`; the batch carries no counters.
    const loaded = ns.exec('iptables-restore', ['--noflush'], dp.iptablesRestore);
    if (loaded.code !== 0) return { refused: `iptables-restore --noflush: ${loaded.stderr.trim()}`, diff: '' };
    // flanneld makes its chains (FLANNEL-POSTRTG, FLANNEL-FWD) before it appends to them or jumps to them.
    for (const chain of new Set(extraRules.filter((s) => !isBuiltin(s.table, s.chain)).map((s) => `${s.table} ${s.chain}`))) {
      const [table, name] = chain.split(' ');
      const r = ns.exec('iptables', ['-w', '-t', table, '-N', name]);
      if (r.code !== 0 && !r.stderr.includes('exists')) return { refused: `iptables -t ${table} -N ${name}: ${r.stderr.trim()}`, diff: '' };
    }
    for (const spec of extraRules) {
      const args = ['-w', '-t', spec.table, spec.position === 'insert' ? '-I' : '-A', spec.chain, ...spec.args];
      const r = ns.exec('iptables', args);
      if (r.code !== 0) return { refused: `iptables ${args.join(' ')}: ${r.stderr.trim()}`, diff: '' };
    }
    return readBack(ns, dp);
  });
}

function readBack(ns: Netns, dp: NodeDataplane): KernelVerdict {
  return { refused: '', diff: lineDiff(withoutComments(dp.iptablesSave), withoutComments(saveRules(ns)), LABELS) };
}

/** e.g. `iptables v1.8.9 (nf_tables)`, for provenance lines. */
export function iptablesVersion(): string {
  return run('iptables', ['--version']).stdout.trim();
}

/** `uname -r`, for provenance lines. */
export function kernelRelease(): string {
  return run('uname', ['-r']).stdout.trim();
}
