// Animation as a function of time: a trace laid over the topology becomes segments
// (a fast travel from the previous step's anchor, then a hold while the inspector
// explains). Everything here is pure so Node tests can check any instant.

import type { ClusterLayout, Point } from '../layout/types';
import type { Step, Trace } from '../model';
import { pointOf, samePoint, wayBetween } from './route';

export interface Timing {
  /** Travel time between two anchors at 1x; 0 jumps (prefers-reduced-motion). */
  travelMs: number;
  holdMs: number;
}

export const defaultTiming: Timing = { travelMs: 500, holdMs: 1000 };
export const reducedMotionTiming: Timing = { travelMs: 0, holdMs: 1200 };

export interface Segment {
  step: number;
  phase: Step['phase'];
  start: number;
  /** When the glyph arrives at the step's anchor and the hold begins. */
  arrive: number;
  end: number;
  from: Point;
  to: Point;
  /** The way travelled, from `from` to `to` (see route.ts): along the node's lane, between nodes along the LAN. */
  path: Point[];
}

export interface Timeline {
  segments: Segment[];
  duration: number;
}

export interface Frame {
  /** The step being travelled to or held at. */
  step: number;
  phase: Step['phase'];
  point: Point;
  traveling: boolean;
}

export const emptyTimeline: Timeline = { segments: [], duration: 0 };

export function buildTimeline(trace: Trace | null, layout: ClusterLayout | null, timing: Timing = defaultTiming): Timeline {
  if (!trace || !layout || trace.steps.length === 0) return emptyTimeline;
  const segments: Segment[] = [];
  let t = 0;
  let prev: Point | null = null;
  trace.steps.forEach((step, i) => {
    const to = pointOf(layout, step);
    const from = prev ?? to;
    const travel = samePoint(from, to) ? 0 : timing.travelMs;
    const previous = trace.steps[i - 1];
    const path = previous ? wayBetween(layout, previous, step) : [to];
    segments.push({ step: i, phase: step.phase, start: t, arrive: t + travel, end: t + travel + timing.holdMs, from, to, path });
    t += travel + timing.holdMs;
    prev = to;
  });
  return { segments, duration: t };
}

/** d3's interpolateNumber, written out: importing d3-interpolate would bring d3-color into the first load. */
const mix = (a: number, b: number, f: number) => a * (1 - f) + b * f;

/** The point a fraction k (0..1) of the way along a polyline. */
function along(path: Point[], k: number): Point {
  const lengths = path.slice(1).map((p, i) => Math.hypot(p.x - path[i].x, p.y - path[i].y));
  let left = k * lengths.reduce((a, b) => a + b, 0);
  for (let i = 0; i < lengths.length; i++) {
    if (left <= lengths[i] || i === lengths.length - 1) {
      const f = lengths[i] === 0 ? 1 : Math.min(left / lengths[i], 1);
      return { x: mix(path[i].x, path[i + 1].x, f), y: mix(path[i].y, path[i + 1].y, f) };
    }
    left -= lengths[i];
  }
  return path[path.length - 1];
}

function easeInOut(x: number): number {
  return x < 0.5 ? 4 * x * x * x : 1 - Math.pow(-2 * x + 2, 3) / 2;
}

/** The segment playing at time t (the last one once t reaches the end). */
function segmentAt(tl: Timeline, t: number): Segment | undefined {
  const segs = tl.segments;
  if (segs.length === 0) return undefined;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid].start <= t) lo = mid;
    else hi = mid - 1;
  }
  return segs[lo];
}

export function frameAt(tl: Timeline, t: number): Frame | null {
  const seg = segmentAt(tl, t);
  if (!seg) return null;
  if (t >= seg.arrive || seg.arrive === seg.start) return { step: seg.step, phase: seg.phase, point: seg.to, traveling: false };
  const k = easeInOut((t - seg.start) / (seg.arrive - seg.start));
  return { step: seg.step, phase: seg.phase, point: along(seg.path, k), traveling: true };
}

/** The moment the glyph arrives at a step (clamped to the trace). */
export function arrivalOf(tl: Timeline, step: number): number {
  if (tl.segments.length === 0) return 0;
  const i = Math.min(Math.max(step, 0), tl.segments.length - 1);
  return tl.segments[i].arrive;
}

/** Where "step forward" travels from and to: the next step's travel, or nothing at the end. */
export function nextStep(tl: Timeline, t: number): Segment | undefined {
  const frame = frameAt(tl, t);
  if (!frame) return undefined;
  return tl.segments[frame.step + 1];
}

/** The step "step back" jumps to: the previous one (or the first). */
export function previousStep(tl: Timeline, t: number): number {
  const frame = frameAt(tl, t);
  return frame ? Math.max(0, frame.step - 1) : 0;
}
