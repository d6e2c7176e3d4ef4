// The few hops that matter first: a walk of 20–100 steps shown as 5–10 rows, each the step
// where something a learner should notice happens (the packet leaves, an address is rewritten,
// VXLAN wraps it, it arrives, the reply starts) followed by the quieter steps up to the next
// one. Which steps matter is read from each step's typed facts only: its place, its phase and
// stage, and how its headers changed.

import type { Headers, Step } from '../../model';
import { groupByStage, type StageGroup } from './stages';

export type HopKind =
  | 'send'
  | 'query'
  | 'http'
  | 'envoy'
  | 'reply'
  | 'dnat'
  | 'snat'
  | 'unDnat'
  | 'unSnat'
  | 'router'
  | 'encap'
  | 'decap'
  | 'deliver'
  | 'end'
  | 'hop';

export interface KeyHop {
  kind: HopKind;
  /** Indexes of the steps of this row; the first is the key step the row is named after. */
  steps: number[];
}

export interface KeySection extends Omit<StageGroup, 'steps'> {
  hops: KeyHop[];
}

/** Rows a learner can take in at a glance; the threshold moves until the count falls in here. */
export const fewest = 5;
export const most = 10;
/** The threshold tried first: sends, arrivals, replies, the NAT and the tunnel of the request. */
const usual = 2;
/** A DNS query's inner hops matter less than the connection's: a long search walk stays one row per query. */
const dnsPenalty = 3;
const never = 99;

const addr = (h: Headers, side: 'src' | 'dst') => (side === 'src' ? `${h.src}:${h.sport}` : `${h.dst}:${h.dport}`);
const changed = (s: Step, side: 'src' | 'dst') => addr(s.before, side) !== addr(s.after, side);
const endpoints = new Set(['pod', 'client']);

/** How much a step matters: 0 always shows, higher numbers show only in short walks. */
function importance(steps: Step[], i: number, groupStart: boolean): number {
  const s = steps[i];
  const prev = steps[i - 1];
  const next = steps[i + 1];
  if (groupStart || !next) return 0;
  const penalty = s.stage?.kind === 'dns' ? dnsPenalty : 0;
  const request = s.phase === 'request';
  let rank = never;
  if (prev.phase !== s.phase || next.phase !== s.phase) rank = 0;
  else if (changed(s, 'dst')) rank = request ? 1 : 2;
  else if (s.at.element === 'router') rank = 1;
  else if (changed(s, 'src')) rank = 2;
  else if (!s.before.outer && s.after.outer) rank = request ? 2 : 3;
  else if (s.before.outer && !s.after.outer) rank = 3;
  else if (s.rule || s.at.node !== prev.at.node) rank = 4;
  return rank + penalty;
}

function kindOf(steps: Step[], i: number, groupStart: boolean): HopKind {
  const s = steps[i];
  const prev = steps[i - 1];
  const next = steps[i + 1];
  if (groupStart)
    return s.stage?.kind === 'dns'
      ? 'query'
      : s.stage?.kind === 'http'
        ? s.stage.proxy === 'envoy'
          ? 'envoy'
          : 'http'
        : s.phase === 'reply'
          ? 'reply'
          : 'send';
  if (prev.phase !== s.phase) return 'reply';
  if (changed(s, 'dst')) return s.phase === 'request' ? 'dnat' : 'unSnat';
  if (s.at.element === 'router') return 'router';
  if (changed(s, 'src')) return s.phase === 'request' ? 'snat' : 'unDnat';
  if (!s.before.outer && s.after.outer) return 'encap';
  if (s.before.outer && !s.after.outer) return 'decap';
  // The request arrives where the reply will start; the last step is an arrival only at a pod or the client.
  if (next && next.phase !== s.phase) return 'deliver';
  if (!next) return endpoints.has(s.at.element) && prev.at.element !== s.at.element ? 'deliver' : 'end';
  return 'hop';
}

/** The walk as stage sections of key hops, at most `most` rows when the walk allows it. */
export function keyHops(steps: Step[]): KeySection[] {
  const groups = groupByStage(steps);
  const starts = new Set(groups.map((g) => g.steps[0]));
  const ranks = steps.map((_, i) => importance(steps, i, starts.has(i)));
  const count = (threshold: number) => ranks.filter((r) => r <= threshold).length;
  let threshold = usual;
  while (threshold > 0 && count(threshold) > most) threshold--;
  while (count(threshold) < fewest && threshold < never && count(threshold + 1) <= most) threshold++;
  return groups.map(({ stage, steps: members }) => {
    const hops: KeyHop[] = [];
    for (const i of members) {
      if (ranks[i] <= threshold || !hops.length) hops.push({ kind: kindOf(steps, i, starts.has(i)), steps: [i] });
      else hops.at(-1)!.steps.push(i);
    }
    return stage ? { stage, hops } : { hops };
  });
}

/** The row that holds a step. */
export function hopOf(sections: KeySection[], step: number): KeyHop | undefined {
  for (const section of sections) for (const hop of section.hops) if (hop.steps.includes(step)) return hop;
  return undefined;
}
