// One hook's traversal as a ladder of chains: PREROUTING → KUBE-SERVICES → KUBE-SVC-… →
// KUBE-SEP-… → DNAT. Each rung is a chain the packet entered and the rule that sent it on;
// the picture draws it inside the node's netfilter box, so it is computed once, here.

import type { Rule, TableName, TargetEffect, Visit } from '../netfilter/types';
import type { LadderRule, LadderRung } from './types';

const effectTarget = (e: TargetEffect): string =>
  e.kind === 'jump' || e.kind === 'goto' ? e.chain : e.kind === 'noop' ? e.target : e.kind.toUpperCase();

function argAfter(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Drops `-m comment --comment X`, `-m statistic …` and a `-m tcp` that repeats `-p tcp`. */
function shortForm(rule: Rule): string {
  const out: string[] = [];
  const a = rule.args;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === '-m' && a[i + 1] === 'comment') i += 3;
    else if (a[i] === '-m' && a[i + 1] === 'statistic') {
      i += 1;
      while (a[i + 1]?.startsWith('--') && ['--mode', '--probability', '--every', '--packet'].includes(a[i + 1])) i += 2;
    } else if (a[i] === '-m' && a[i + 1] === argAfter(a, '-p')) i += 1;
    else out.push(/\s/.test(a[i]) ? `"${a[i]}"` : a[i]);
  }
  return out.join(' ');
}

function ladderRule(rule: Rule): LadderRule {
  const r: LadderRule = { line: rule.line, short: shortForm(rule) };
  const probability = argAfter(rule.args, '--probability');
  const comment = argAfter(rule.args, '--comment');
  if (probability !== undefined) r.probability = probability;
  if (comment !== undefined) r.comment = comment;
  return r;
}

/** Only the rungs where a rule acted or a random choice was made: the chains that tell the story. */
export function chainLadder(visits: Visit[]): LadderRung[] {
  const rungs: LadderRung[] = [];
  const stack: LadderRung[] = [];
  const open = (table: TableName, chain: string, depth: number) => {
    const rung: LadderRung = { table, chain, depth, passedOver: [] };
    rungs.push(rung);
    return rung;
  };
  for (const v of visits) {
    if (v.kind === 'enter') stack.splice(0, stack.length, open(v.table, v.chain, 0));
    else if (v.kind === 'return') {
      if (stack.length > 1 && stack[stack.length - 1].chain === v.chain) stack.pop();
    } else if (v.kind === 'rule') {
      let top = stack[stack.length - 1];
      if (!top) continue;
      if (!v.matched) {
        if (argAfter(v.rule.args, '--probability') !== undefined) top.passedOver.push(ladderRule(v.rule));
        continue;
      }
      if (!v.effect) continue;
      // Back in a chain that already sent the packet on once (after a RETURN): a new rung at the same depth.
      if (top.taken) {
        top = open(top.table, top.chain, top.depth);
        top.continued = true;
        stack[stack.length - 1] = top;
      }
      top.taken = { ...ladderRule(v.rule), target: effectTarget(v.effect) };
      if (v.effect.kind === 'jump') stack.push(open(v.table, v.effect.chain, top.depth + 1));
      else if (v.effect.kind === 'goto') stack[stack.length - 1] = open(v.table, v.effect.chain, top.depth + 1);
      else if (v.effect.kind === 'return' && stack.length > 1) stack.pop();
    }
  }
  return rungs.filter((r) => r.taken || r.passedOver.length > 0);
}
