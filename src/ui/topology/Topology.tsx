// The cluster drawing under a camera. React owns every element; d3-zoom is attached once to the
// viewport and moves the camera by one CSS transform. Three layers share the drawing's units:
// the drawing itself (it changes with the model, not with the step), the walk's path and what
// opens at the hop, and the packet glyph (moved every frame by its transform alone).

import { memo, useMemo, useRef, useState } from 'react';
import { walkBounds, union } from '../../anim/camera';
import { boxOf } from '../../anim/route';
import type { ClusterLayout } from '../../layout/types';
import { useApp } from '../../store/react';
import { selectActiveStep, selectLayers, selectLayout, selectStale, selectTimeline, selectTrace } from '../../store/selectors';
import { PanelButtons, Panels } from '../panels/Panels';
import { useT } from '../useT';
import { highlightOf, type Highlight } from './highlight';
import { BgpTable, LanHostView } from './LanHostView';
import { LanView } from './LanView';
import { Legend } from './Legend';
import { Minimap } from './Minimap';
import { NodeView } from './NodeView';
import { PacketCaption, PacketGlyph } from './PacketGlyph';
import { openedAt, RouteLayer } from './RouteLayer';
import { ServiceView } from './ServiceView';
import { useCamera } from './useCamera';
import { ZoomControls } from './ZoomControls';
import './drawing.css';
import './camera.css';

// A step change re-renders only the nodes it touches: the others get one highlight object that
// stays the same from step to step (the walk's source and target pods).
const Node = memo(NodeView);
const Service = memo(ServiceView);

const Drawing = memo(function Drawing({ layout, hl, overlay }: { layout: ClusterLayout; hl: Highlight; overlay: boolean }) {
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

export function Topology() {
  const t = useT();
  const layout = useApp(selectLayout);
  const layers = useApp(selectLayers);
  const stale = useApp(selectStale);
  const trace = useApp(selectTrace);
  const timeline = useApp(selectTimeline);
  const step = useApp(selectActiveStep);
  const [testerOpen, setTesterOpen] = useState(false);

  const hl = useMemo(() => highlightOf(trace, step, layout?.services), [trace, step, layout]);
  const hop = step ? timeline.segments[step.index]?.to : undefined;
  const walk = useMemo(() => (layout ? walkBounds(layout, trace) : undefined), [layout, trace]);
  const opened = useMemo(() => (layout ? openedAt(layout, trace, step, hop) : undefined), [layout, trace, step, hop]);
  // The hop, its box and what opened there; the packet's label stands to the hop's upper right.
  const box = layout && step ? boxOf(layout, step.at) : undefined;
  const focus = hop
    ? union([{ x: hop.x - 16, y: hop.y - 16, w: 32, h: 32 }, ...(box ? [box] : []), ...(opened ? [opened.rect] : [])])
    : undefined;
  const label = hop && { x: hop.x, y: hop.y - 70, w: 400, h: 70 };
  const viewportRef = useRef<HTMLDivElement>(null);
  const cameraRef = useRef<HTMLDivElement>(null);
  const camera = useCamera(viewportRef, cameraRef, walk, hop, focus, label, trace);
  const walkNodes = useMemo(() => new Set(trace?.steps.flatMap((s) => (s.at.node ? [s.at.node] : [])) ?? []), [trace]);
  const empty = !layout || layout.nodes.length === 0;
  const whole = useMemo(() => ({ x: 0, y: 0, w: layout?.width ?? 1, h: layout?.height ?? 1 }), [layout]);

  return (
    <section className="topology" aria-label={t('ui.topology.label')}>
      {stale && (
        <p className="banner stale" role="status">
          {t('ui.topology.stale')}
        </p>
      )}
      {empty && <p className="banner empty">{t('ui.topology.empty')}</p>}
      {hl.direct && (
        <p className="banner direct" role="status">
          {t(step?.stage?.kind === 'upstream' ? 'ui.topology.upstreamDirect' : 'ui.topology.httpInPod')}
        </p>
      )}
      <div className="viewport" ref={viewportRef}>
        <div className="camera" ref={cameraRef}>
          {layout && !empty && (
            <>
              <Drawing layout={layout} hl={hl} overlay={layers.overlay} />
              <RouteLayer layout={layout} timeline={timeline} step={step} opened={opened} />
              <PacketGlyph />
            </>
          )}
        </div>
        <PacketCaption />
        <div className="topology-tools">
          <PanelButtons testerOpen={testerOpen} onTester={setTesterOpen} />
          {!empty && <ZoomControls camera={camera} whole={whole} />}
        </div>
        {layout && !empty && (
          <Minimap layout={layout} camera={camera.camera} view={camera.view} walkNodes={walkNodes} onLook={camera.lookAt} />
        )}
      </div>
      <Panels testerOpen={testerOpen} onTester={setTesterOpen} />
      <Legend />
    </section>
  );
}
