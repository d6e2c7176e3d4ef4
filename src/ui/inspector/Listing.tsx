// A node's whole listing (iptables-save, ipvsadm -Ln, ip route) with the line that acted
// highlighted and other lines marked; the highlighted line is scrolled into view. A long
// listing (a large cluster's iptables-save has thousands of lines) renders only the lines in
// view, so stepping through the walk stays quick.

import { memo, useId, useRef, useState, type ReactNode } from 'react';
import { useNextFrame } from '../nextFrame';

interface Props {
  caption: ReactNode;
  lines: string[];
  /** 1-based line that acted. */
  highlight?: number;
  /** 1-based line -> a class ('visited', 'passed'). */
  marks?: Map<number, string>;
  /** The line to scroll to when nothing is highlighted. */
  focus?: number;
}

/** Height of one line in CSS pixels (`.listing li`), and when windowing starts to pay. */
const lineH = 18;
const windowFrom = 400;
const overscan = 30;

export const Listing = memo(function Listing({ caption, lines, highlight, marks, focus = highlight }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const captionId = useId();
  const windowed = lines.length > windowFrom;
  const [view, setView] = useState({ top: 0, height: 600 });

  // Scroll only the listing, never the page; in the next frame, so a step change lays out once.
  useNextFrame(() => {
    const container = box.current;
    if (!container || !focus) return;
    container.scrollTop = Math.max(0, (focus - 1) * lineH - container.clientHeight / 3);
    setView({ top: container.scrollTop, height: container.clientHeight });
  }, [lines, focus]);

  const first = windowed ? Math.max(0, Math.floor(view.top / lineH) - overscan) : 0;
  const last = windowed ? Math.min(lines.length, Math.ceil((view.top + view.height) / lineH) + overscan) : lines.length;

  return (
    <figure className="rules">
      <figcaption id={captionId}>{caption}</figcaption>
      {/* It scrolls: a named tab stop, so the keyboard can scroll it too. */}
      <div
        className="listing"
        ref={box}
        tabIndex={0}
        role="group"
        aria-labelledby={captionId}
        data-raw
        onScroll={windowed ? (e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight }) : undefined}
      >
        <ol style={windowed ? { paddingTop: first * lineH, paddingBottom: (lines.length - last) * lineH } : undefined}>
          {lines.slice(first, last).map((text, i) => {
            const n = first + i + 1;
            return (
              <li
                key={n}
                className={n === highlight ? 'matched' : marks?.get(n)}
                data-focus={n === focus ? '' : undefined}
                aria-current={n === highlight ? 'true' : undefined}
              >
                <span className="ln">{n}</span>
                <code>{text}</code>
              </li>
            );
          })}
        </ol>
      </div>
    </figure>
  );
});
