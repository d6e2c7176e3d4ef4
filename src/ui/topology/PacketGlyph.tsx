// The packet: a dot on the path with its label (protocol, source → destination). It is an HTML
// element on its own compositor layer: a store subscription writes only its CSS transform each
// frame, so playing never lays the drawing out again. Its label changes with the step: an
// address NAT rewrote is struck out beside the new one, and VXLAN's outer header wraps the inner.

import { useEffect, useRef } from 'react';
import { frameAt } from '../../anim/timeline';
import type { Step } from '../../model';
import { useApp, useAppStore } from '../../store/react';
import { selectActiveStep } from '../../store/selectors';
import { useT } from '../useT';
import { packetLabelOf, type PacketLabelFacts, type Rewrite } from './packetLabel';

function Addr({ was, now }: Rewrite) {
  if (was === now) return <span>{now}</span>;
  return (
    <>
      <s className="was">{was}</s> <mark className="now">{now}</mark>
    </>
  );
}

function Outer({ outer, state }: { outer: NonNullable<PacketLabelFacts['outer']>; state: PacketLabelFacts['outerState'] }) {
  const t = useT();
  return (
    <span className={`outer ${state}`}>
      <b>{t('ui.packet.vxlan')}</b> {outer.src} → {outer.dst} · {t('ui.packet.vni', { vni: outer.vni })}
    </span>
  );
}

function PacketLabel({ step }: { step: Step }) {
  const t = useT();
  const { phase, proto, src, dst, outer, outerState } = packetLabelOf(step);
  const inner = (
    <span className="inner" data-raw>
      <b>{proto}</b> <Addr {...src} /> → <Addr {...dst} />
    </span>
  );
  return (
    <span className={`packet-label ${phase}`} aria-label={t('ui.packet.label', { proto, src: src.now, dst: dst.now })}>
      {outer && <Outer outer={outer} state={outerState} />}
      {inner}
    </span>
  );
}

export function PacketGlyph() {
  const store = useAppStore();
  const step = useApp(selectActiveStep);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let shown: boolean | null = null;
    let cls = '';
    const place = () => {
      const s = store.getState();
      const frame = frameAt(s.timeline, s.t);
      const el = ref.current;
      if (!el) return;
      if (shown !== !!frame) {
        shown = !!frame;
        el.hidden = !frame;
      }
      if (!frame) return;
      el.style.transform = `translate(${frame.point.x}px, ${frame.point.y}px)`;
      const next = `packet-glyph ${frame.phase}${frame.traveling ? ' traveling' : ''}`;
      if (next !== cls) el.className = cls = next;
    };
    place();
    return store.subscribe((s, prev) => {
      if (s.t !== prev.t || s.timeline !== prev.timeline) place();
    });
  }, [store]);
  return (
    <div ref={ref} className="packet-glyph" hidden>
      <span className="packet-dot" aria-hidden="true" />
      {step && <PacketLabel step={step} />}
    </div>
  );
}

/** On a narrow screen the packet's label is docked at the top of the picture instead. */
export function PacketCaption() {
  const step = useApp(selectActiveStep);
  return step ? (
    <div className="packet-caption" aria-hidden="true">
      <PacketLabel step={step} />
    </div>
  ) : null;
}
