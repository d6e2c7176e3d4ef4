// The packet in an exported picture: the dot at the hop and its label, drawn in SVG (the screen's
// glyph is an HTML element over the drawing, which an image cannot carry). The label says what
// the screen's says (packetLabelOf): the protocol, the addresses with NAT's rewrite struck out
// beside the new one, VXLAN's outer header above the inner.

import type { Point, Rect } from '../layout/types';
import { fonts, textWidth } from '../layout/textWidth';
import type { Step } from '../model';
import { useT } from '../ui/useT';
import { packetLabelOf, type Rewrite } from '../ui/topology/packetLabel';

const font = fonts.mono;
const lineH = 16;
const padX = 8;
const padY = 4;
const gap = 3;
/** The label's lower left corner from the hop, as on screen. */
const offset = { x: 14, y: -12 };

/** A stretch of a line in one style, drawn at its own x so widths never drift. */
interface Piece {
  text: string;
  className?: string;
}

const width = (pieces: Piece[]) => pieces.reduce((w, p) => w + textWidth(p.text, font), 0);

function address({ was, now }: Rewrite): Piece[] {
  return was === now ? [{ text: now }] : [{ text: was, className: 'was' }, { text: ' ' }, { text: now, className: 'now' }];
}

function lines(step: Step, t: ReturnType<typeof useT>) {
  const { proto, src, dst, outer, outerState } = packetLabelOf(step);
  const inner: Piece[] = [{ text: proto, className: 'proto' }, { text: ' ' }, ...address(src), { text: ' → ' }, ...address(dst)];
  const outerLine: Piece[] | undefined = outer && [
    { text: t('ui.packet.vxlan'), className: 'vxlan' },
    { text: ` ${outer.src} → ${outer.dst} · ${t('ui.packet.vni', { vni: outer.vni })}` },
  ];
  return { inner, outer: outerLine, outerState };
}

/** The label's box for a packet at `at` (the picture's crop keeps it inside). */
export function packetMarkRect(step: Step, at: Point, t: ReturnType<typeof useT>): Rect {
  const { inner, outer } = lines(step, t);
  const indent = outer ? 13 : 0;
  const w = Math.max(width(inner) + indent, outer ? width(outer) : 0) + 2 * padX;
  const h = (outer ? 2 * lineH + gap : lineH) + 2 * padY;
  return { x: at.x + offset.x, y: at.y + offset.y - h, w, h };
}

function Line({ pieces, x, y }: { pieces: Piece[]; x: number; y: number }) {
  let left = x;
  return pieces.map((p, i) => {
    const at = left;
    const w = textWidth(p.text, font);
    left += w;
    return (
      <g key={i}>
        {p.className === 'now' && <rect x={at - 2} y={y - 12} width={w + 4} height={15} rx={2} className="packet-now-bg" />}
        <text x={at} y={y} className={`mono packet-text${p.className ? ` packet-${p.className}` : ''}`} xmlSpace="preserve">
          {p.text}
        </text>
      </g>
    );
  });
}

export function PacketMark({ step, at }: { step: Step; at: Point }) {
  const t = useT();
  const { inner, outer, outerState } = lines(step, t);
  const r = packetMarkRect(step, at, t);
  const baseline = (row: number) => r.y + padY + row * (lineH + gap) + 12;
  return (
    <g className={`packet-mark ${step.phase}`} data-raw>
      <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={6} className="packet-box" />
      {outer && (
        <g className={`packet-outer ${outerState}`}>
          <path
            d={`M${r.x + 0.75} ${r.y + lineH + padY + 2}V${r.y + 6}a5.25 5.25 0 0 1 5.25 -5.25H${r.x + r.w - 6}a5.25 5.25 0 0 1 5.25 5.25V${r.y + lineH + padY + 2}z`}
            className="packet-outer-band"
          />
          <Line pieces={outer} x={r.x + padX} y={baseline(0)} />
          <line x1={r.x + padX} x2={r.x + padX} y1={baseline(1) - 12} y2={baseline(1) + 3} className="packet-inner-bar" />
        </g>
      )}
      <Line pieces={inner} x={r.x + padX + (outer ? 13 : 0)} y={baseline(outer ? 1 : 0)} />
      <circle cx={at.x} cy={at.y} r={14} className="packet-halo" />
      <circle cx={at.x} cy={at.y} r={7.5} className="packet-dot" />
    </g>
  );
}
