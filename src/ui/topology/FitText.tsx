// A line of the drawing's text that fits its box: elided, never clipped, when it is too long,
// the full text then on hover (its <title>) and on keyboard focus (its accessible name).

import { useState } from 'react';
import { createPortal } from 'react-dom';
import { elide, textWidth, type Font } from '../../layout/textWidth';

/** A stretch of a line in one style (a label, then an address in monospace …). */
export interface Run {
  text: string;
  font: Font;
  className?: string;
}

/** The runs that fit in `max`: the first that does not is elided, those after it are left out. */
export function fitRuns(runs: Run[], max: number, where: 'end' | 'middle' = 'end'): { runs: Run[]; elided: boolean } {
  const out: Run[] = [];
  let room = max;
  for (const run of runs) {
    const w = textWidth(run.text, run.font);
    if (w <= room) {
      out.push(run);
      room -= w;
      continue;
    }
    const text = elide(run.text, run.font, room, where);
    if (text) out.push({ ...run, text });
    return { runs: out, elided: true };
  }
  return { runs: out, elided: false };
}

type Content = { text: string; font: Font } | { runs: Run[] };

export function FitText({
  x,
  y,
  max,
  className,
  anchor = 'start',
  where = 'end',
  focusable = true,
  data,
  ...content
}: {
  x: number;
  /** The baseline. */
  y: number;
  max: number;
  className?: string;
  anchor?: 'start' | 'middle' | 'end';
  where?: 'end' | 'middle';
  /** False inside a control that already names the full text. */
  focusable?: boolean;
  /** `data-*` attributes of the text element. */
  data?: Record<`data-${string}`, string>;
} & Content) {
  // While focused, the full text shows over the whole drawing (the last child of its <svg>).
  const [focusedIn, setFocusedIn] = useState<SVGSVGElement | null>(null);
  const runs = 'runs' in content ? content.runs : [{ text: content.text, font: content.font }];
  const fitted = fitRuns(runs, max, where);
  const text = (
    <text x={x} y={y} className={className} textAnchor={anchor === 'start' ? undefined : anchor} {...data}>
      {fitted.runs.map((r, i) => (
        <tspan key={i} className={r.className}>
          {r.text}
        </tspan>
      ))}
    </text>
  );
  if (!fitted.elided || !focusable) return text;
  const full = runs.map((r) => r.text).join('');
  const size = Math.max(...runs.map((r) => r.font.size));
  const w = fitted.runs.reduce((sum, r) => sum + textWidth(r.text, r.font), 0);
  const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  const fullW = runs.reduce((sum, r) => sum + textWidth(r.text, r.font), 0);
  return (
    <g
      className="elided"
      tabIndex={0}
      aria-label={full}
      onFocus={(e) => setFocusedIn(e.currentTarget.ownerSVGElement)}
      onBlur={() => setFocusedIn(null)}
    >
      <title>{full}</title>
      {/* Text takes no pointer events in the drawing: this is where the hover lands. */}
      <rect className="hit" x={left} y={y - size} width={w} height={size * 1.25} />
      {text}
      {focusedIn &&
        createPortal(
          <g className="full-text" aria-hidden="true">
            <rect x={left - 4} y={y - size - 3} width={fullW + 8} height={size * 1.25 + 6} rx={3} />
            <text x={left} y={y} className={className}>
              {runs.map((r, i) => (
                <tspan key={i} className={r.className}>
                  {r.text}
                </tspan>
              ))}
            </text>
          </g>,
          focusedIn,
        )}
    </g>
  );
}
