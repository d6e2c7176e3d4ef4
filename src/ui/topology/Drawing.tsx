// The picture without its camera: the cluster drawing, and what the current step puts on it (the
// highlight, the hop, what opened there). The screen draws it under a camera (Topology.tsx), the
// exported image draws the very same components at a step (src/export).

import { memo, useMemo } from 'react';
import { union } from '../../anim/camera';
import { boxOf } from '../../anim/route';
import type { Timeline } from '../../anim/timeline';
import type { ClusterLayout } from '../../layout/types';
import type { Step, Trace } from '../../model';
import { useApp } from '../../store/react';
import { selectActiveStep, selectLayout, selectTimeline, selectTrace } from '../../store/selectors';
import { useT } from '../useT';
import { highlightOf, type Highlight } from './highlight';
import { BgpTable, LanHostView } from './LanHostView';
import { LanView } from './LanView';
import { NodeView } from './NodeView';
import { openedAt } from './RouteLayer';
import { ServiceView } from './ServiceView';

// A step change re-renders only the nodes it touches: the others get one highlight object that
// stays the same from step to step (the walk's source and target pods).
const Node = memo(NodeView);
const Service = memo(ServiceView);

export const Drawing = memo(function Drawing({ layout, hl, overlay }: { layout: ClusterLayout; hl: Highlight; overlay: boolean }) {
  const t = useT();
  const { target, source } = hl;
  const elsewhere = useMemo<Highlight>(() => ({ target, source }), [target, source]);
  return (
    <svg className="drawing" width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} data-raw>
      <LanView lan={layout.lan} hl={hl} />
      <LanHostView host={layout.client} kind="client" title={t('ui.topology.client')} active={hl.element === 'client'} />
      <LanHostView host={layout.router} kind="router" title={t('ui.topology.router')} active={hl.element === 'router'}>
        {layout.router.bgp && <BgpTable host={layout.router} bgp={layout.router.bgp} nextHop={hl.nextHop} />}
      </LanHostView>
      {layout.nodes.map((n) => (
        <line
          key={n.name}
          x1={n.nic.x + n.nic.w / 2}
          x2={n.nic.x + n.nic.w / 2}
          y1={n.nic.y + n.nic.h}
          y2={layout.lan.y}
          className="uplink"
        />
      ))}
      {layout.services.map((s) => (
        <Service key={s.key} svc={s} active={hl.service === s.key} />
      ))}
      {layout.moreServices && (
        <text x={layout.moreServices.x} y={layout.moreServices.y} className="more-objects">
          {t('ui.topology.moreServices', { count: layout.moreServices.count })}
        </text>
      )}
      {layout.nodes.map((n) => (
        <Node key={n.name} node={n} hl={n.name === hl.node ? hl : elsewhere} overlay={overlay} />
      ))}
    </svg>
  );
});

/** The current step as the picture shows it: what lights up, the hop, what opened there and the region around them. */
export function pictureAt(layout: ClusterLayout | null, trace: Trace | null, timeline: Timeline, step: Step | undefined) {
  const hl = highlightOf(trace, step, layout?.services);
  const hop = step ? timeline.segments[step.index]?.to : undefined;
  const opened = layout ? openedAt(layout, trace, step, hop) : undefined;
  // The hop, its box and what opened there; the packet's label stands to the hop's upper right.
  const box = layout && step ? boxOf(layout, step.at) : undefined;
  const focus = hop
    ? union([{ x: hop.x - 16, y: hop.y - 16, w: 32, h: 32 }, ...(box ? [box] : []), ...(opened ? [opened.rect] : [])])
    : undefined;
  const label = hop && { x: hop.x, y: hop.y - 70, w: 400, h: 70 };
  return { hl, hop, opened, focus, label };
}

/** `pictureAt` of the store's current step, once per step. */
export function usePictureStep() {
  const layout = useApp(selectLayout);
  const trace = useApp(selectTrace);
  const timeline = useApp(selectTimeline);
  const step = useApp(selectActiveStep);
  const picture = useMemo(() => pictureAt(layout, trace, timeline, step), [layout, trace, timeline, step]);
  return { layout, trace, timeline, step, ...picture };
}
