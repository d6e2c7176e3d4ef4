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

/** One family's texts of a node: kube-proxy's batch and our save listing. */
export type FamilyTexts = Pick<NodeDataplane, 'iptablesRestore' | 'iptablesSave'>;

/** (1): restore our save listing into a fresh namespace and read it back (family 6: with ip6tables). */
export function restoreSaveListing(dp: FamilyTexts, family: 4 | 6 = 4): KernelVerdict {
  return withNetns(['save'], (ns) => {
    addNfacctObjects(ns, dp.iptablesSave);
    const loaded = loadRules(ns, dp.iptablesSave, family);
    if (loaded.code !== 0) return { refused: `${tool(family)}-restore: ${loaded.stderr.trim()}`, diff: '' };
    return readBack(ns, dp, family);
  });
}

/** (2): kube-proxy's own sync in a fresh namespace, then the rules it and flannel add one by one. */
export function replayNodeSync(dp: FamilyTexts, extraRules: RuleSpec[], family: 4 | 6 = 4): KernelVerdict {
  const iptables = tool(family);
  return withNetns(['sync'], (ns) => {
    addNfacctObjects(ns, dp.iptablesRestore);
    // kube-proxy runs `iptables-restore -w 5 -W 100000 --noflush --counters`; the batch carries no counters.
    const loaded = ns.exec(`${iptables}-restore`, ['--noflush'], dp.iptablesRestore);
    if (loaded.code !== 0) return { refused: `${iptables}-restore --noflush: ${loaded.stderr.trim()}`, diff: '' };
    // flanneld makes its chains (FLANNEL-POSTRTG, FLANNEL-FWD) before it appends to them or jumps to them, and
    // kube-proxy EnsureChain()s each jump's target (KUBE-FIREWALL is in no IPv6 batch) before it inserts the jump.
    const chains = extraRules.flatMap((s) => [
      ...(isBuiltin(s.table, s.chain) ? [] : [`${s.table} ${s.chain}`]),
      ...(s.position === 'insert' ? [`${s.table} ${s.args[s.args.indexOf('-j') + 1]}`] : []),
    ]);
    for (const chain of new Set(chains)) {
      const [table, name] = chain.split(' ');
      const r = ns.exec(iptables, ['-w', '-t', table, '-N', name]);
      if (r.code !== 0 && !r.stderr.includes('exists'))
        return { refused: `${iptables} -t ${table} -N ${name}: ${r.stderr.trim()}`, diff: '' };
    }
    for (const spec of extraRules) {
      const args = ['-w', '-t', spec.table, spec.position === 'insert' ? '-I' : '-A', spec.chain, ...spec.args];
      const r = ns.exec(iptables, args);
      if (r.code !== 0) return { refused: `${iptables} ${args.join(' ')}: ${r.stderr.trim()}`, diff: '' };
    }
    return readBack(ns, dp, family);
  });
}

const tool = (family: 4 | 6) => (family === 6 ? 'ip6tables' : 'iptables');

function readBack(ns: Netns, dp: FamilyTexts, family: 4 | 6): KernelVerdict {
  const labels = family === 6 ? { expected: 'PacketWalk --family 6 --format save', actual: 'real ip6tables-save' } : LABELS;
  return { refused: '', diff: lineDiff(withoutComments(dp.iptablesSave), withoutComments(saveRules(ns, family)), labels) };
}

/** e.g. `iptables v1.8.9 (nf_tables)`, for provenance lines. */
export function iptablesVersion(): string {
  return run('iptables', ['--version']).stdout.trim();
}

/** `uname -r`, for provenance lines. */
export function kernelRelease(): string {
  return run('uname', ['-r']).stdout.trim();
}
