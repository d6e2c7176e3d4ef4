// The packet. It moves through a store subscription that writes one attribute, so
// sixty frames a second never re-render React.

import { useEffect, useRef } from 'react';
import { frameAt } from '../../anim/timeline';
import { useAppStore } from '../../store/react';

export function PacketGlyph() {
  const store = useAppStore();
  const ref = useRef<SVGGElement>(null);
  useEffect(() => {
    const place = () => {
      const s = store.getState();
      const frame = frameAt(s.timeline, s.t);
      const g = ref.current;
      if (!g) return;
      if (!frame) {
        g.setAttribute('visibility', 'hidden');
        return;
      }
      g.setAttribute('visibility', 'visible');
      g.setAttribute('transform', `translate(${frame.point.x},${frame.point.y})`);
      g.setAttribute('class', `packet ${frame.phase}${frame.traveling ? ' traveling' : ''}`);
    };
    place();
    return store.subscribe((s, prev) => {
      if (s.t !== prev.t || s.timeline !== prev.timeline) place();
    });
  }, [store]);
  return (
    <g ref={ref} className="packet" visibility="hidden" aria-hidden="true">
      <circle r={13} className="packet-halo" />
      <circle r={7} className="packet-dot" />
    </g>
  );
}
