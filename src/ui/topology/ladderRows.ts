// The chain ladder as lines to draw: a chain's name, the endpoints the random cascade passed
// over, the rule that sent the packet on. Read from the step's typed ladder; only laid out here.

import type { LadderRule, LadderRung, Step } from '../../model';

export type LadderLine =
  | { kind: 'chain'; depth: number; chain: string; table?: string }
  | { kind: 'passed'; depth: number; chain: string; rule: LadderRule }
  | { kind: 'taken'; depth: number; chain: string; rule: LadderRule & { target: string } };

/** Lines beyond this are summed up in one "… N more" line. */
export const maxLadderLines = 14;

function linesOf(rung: LadderRung): LadderLine[] {
  const out: LadderLine[] = [];
  if (!rung.continued)
    out.push({ kind: 'chain', depth: rung.depth, chain: rung.chain, ...(rung.depth === 0 ? { table: rung.table } : {}) });
  for (const rule of rung.passedOver) out.push({ kind: 'passed', depth: rung.depth, chain: rung.chain, rule });
  if (rung.taken) out.push({ kind: 'taken', depth: rung.depth, chain: rung.chain, rule: rung.taken });
  return out;
}

/**
 * The ladder's lines, the DNAT/SNAT/DROP end kept when the ladder is long: the chains of the
 * tables where nothing but a jump happened go first.
 */
export function ladderLines(step: Pick<Step, 'ladder' | 'rule'>): { lines: LadderLine[]; more: number } {
  const all = (step.ladder ?? []).flatMap(linesOf);
  if (all.length <= maxLadderLines) return { lines: all, more: 0 };
  // Keep the table of the rule that acted (the inspector's highlighted rule) whole, and as much before it as fits.
  // Its chain too: in nftables mode the iptables and nftables listings both number their lines from 1.
  const acting = step.rule
    ? all.findIndex((l) => l.kind === 'taken' && l.rule.line === step.rule!.line && l.chain === step.rule!.chain)
    : -1;
  const end = acting >= 0 ? acting + 1 : all.length;
  const start = Math.max(0, end - (maxLadderLines - 1));
  return { lines: all.slice(start, start + maxLadderLines - 1), more: all.length - (maxLadderLines - 1) };
}

/** What a taken rule reads as: its matches, then where it sends the packet (a NAT target: to which address). */
export function takenText(rule: LadderRule & { target: string }): string {
  const jump = rule.short.match(/^(.*?)\s*-[jg] (\S+)(.*)$/);
  if (!jump) return rule.short;
  const [, matches, target, rest] = jump;
  const nat = rest.match(/--to-(?:destination|source) (\S+)/);
  const to = nat ? `${target} ${nat[1]}` : rest.trim() ? `${target}${rest}` : target;
  return matches ? `${matches} → ${to}` : `→ ${to}`;
}

/** The endpoint a KUBE-SEP rule stands for, from kube-proxy's comment `ns/svc:port -> IP:PORT`. */
export function endpointOf(rule: LadderRule): string | undefined {
  return rule.comment?.split(' -> ')[1];
}
