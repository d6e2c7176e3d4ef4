// Over the drawing: the walk's path, hop by hop (passed, current, ahead; request and reply side
// by side, each with its arrowheads), and what opens at the current hop — the chain ladder of a
// netfilter hook, or a note for IPVS, ARP, the router, ingress-nginx. A layer of its own, so a
// step change redraws a few elements here and nothing in the drawing below.

import { line } from 'd3-shape';
import { memo } from 'react';
import type { Timeline } from '../../anim/timeline';
import type { ClusterLayout, Point, Rect } from '../../layout/types';
import { elide, fonts } from '../../layout/textWidth';
import type { Step, Trace } from '../../model';
import { useT } from '../useT';
import { ChainLadder, ladderRect } from './ChainLadder';
import { hopNote, type HopNote } from './hopNote';

const path = line<Point>()
  .x((p) => p.x)
  .y((p) => p.y);

const Paths = memo(function Paths({ timeline, current }: { timeline: Timeline; current: number }) {
  return (
    <g className="routes">
      {timeline.segments.map((s) =>
        s.path.length < 2 ? null : (
          <path
            key={s.step}
            d={path(s.path) ?? ''}
            className={`route-seg ${s.phase} ${s.step < current ? 'passed' : s.step === current ? 'current' : 'ahead'}`}
            markerEnd={`url(#arrow-${s.phase}${s.step > current ? '-ahead' : ''})`}
          />
        ),
      )}
    </g>
  );
});

function Markers() {
  return (
    <defs>
      {(['request', 'reply'] as const).flatMap((phase) =>
        ['', '-ahead'].map((ahead) => (
          <marker
            key={phase + ahead}
            id={`arrow-${phase}${ahead}`}
            className={`arrow ${phase}${ahead ? ' ahead' : ''}`}
            viewBox="0 0 10 10"
            refX={8}
            refY={5}
            markerWidth={4}
            markerHeight={4}
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" />
          </marker>
        )),
      )}
    </defs>
  );
}

const noteLine = 16;
const noteFont = fonts.mono;

/** The note's box, above the hop (below it when the hop is near the drawing's top). */
export function noteRect(note: HopNote, hop: Point): Rect {
  const w = 300;
  const h = 26 + note.lines.length * noteLine;
  return { x: hop.x - w / 2, y: hop.y - h - 18 < 0 ? hop.y + 18 : hop.y - h - 18, w, h };
}

function Note({ note, rect }: { note: HopNote; rect: Rect }) {
  const t = useT();
  return (
    <g className="hop-note">
      <rect x={rect.x} y={rect.y} width={rect.w} height={rect.h} rx={6} className="ladder-box" />
      <text x={rect.x + 8} y={rect.y + 16} className="ladder-title">
        {t(note.title.key, note.title.params)}
      </text>
      {note.lines.map((l, i) => (
        <text key={i} x={rect.x + 8} y={rect.y + 20 + (i + 1) * noteLine} className="mono ladder-taken" data-raw>
          {elide(l, noteFont, rect.w - 16)}
        </text>
      ))}
    </g>
  );
}

/** What opens at the current hop, and where: the camera keeps it in view with the hop. */
export function openedAt(layout: ClusterLayout, trace: Trace | null, step: Step | undefined, hop: Point | undefined) {
  if (!trace || !step || !hop) return undefined;
  const node = layout.nodes.find((n) => n.name === step.at.node);
  if (step.at.element === 'netfilter' && node) {
    const rect = ladderRect(node.netfilter, step);
    if (rect) return { kind: 'ladder' as const, rect };
  }
  const note = hopNote(step, trace);
  return note ? { kind: 'note' as const, note, rect: noteRect(note, hop) } : undefined;
}

interface Props {
  layout: ClusterLayout;
  timeline: Timeline;
  step: Step | undefined;
  opened: ReturnType<typeof openedAt>;
}

export function RouteLayer({ layout, timeline, step, opened }: Props) {
  return (
    <svg
      className="route-layer"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      aria-hidden={!opened}
    >
      <Markers />
      <Paths timeline={timeline} current={step?.index ?? -1} />
      {opened?.kind === 'ladder' && step && <ChainLadder step={step} rect={opened.rect} />}
      {opened?.kind === 'note' && <Note note={opened.note} rect={opened.rect} />}
    </svg>
  );
}
