// The cluster drawing under a camera. React owns every element; d3-zoom is attached once to the
// viewport and moves the camera by one CSS transform. Three layers share the drawing's units:
// the drawing itself (it changes with the model, not with the step), the walk's path and what
// opens at the hop, and the packet glyph (moved every frame by its transform alone).

import { useMemo, useRef, useState } from 'react';
import { walkBounds } from '../../anim/camera';
import { useApp } from '../../store/react';
import { selectLayers, selectStale } from '../../store/selectors';
import { PanelButtons, Panels } from '../panels/Panels';
import type { Stage } from '../../model';
import { useT } from '../useT';
import { Drawing, usePictureStep } from './Drawing';
import { Legend } from './Legend';
import { Minimap } from './Minimap';
import { PacketCaption, PacketGlyph } from './PacketGlyph';
import { RouteLayer } from './RouteLayer';
import { useCamera } from './useCamera';
import { ZoomControls } from './ZoomControls';
import './drawing.css';
import './camera.css';

/** The banner when the packet is inside a proxy: which proxy, reading the request or connecting on. */
function directBanner(stage: Stage | undefined) {
  const envoy = stage && 'proxy' in stage && stage.proxy === 'envoy';
  if (stage?.kind === 'upstream') return envoy ? 'ui.topology.envoyUpstream' : 'ui.topology.upstreamDirect';
  return envoy ? 'ui.topology.envoyInPod' : 'ui.topology.httpInPod';
}

/** `migrate`: offer the migration view (the app; the player has not its words). */
export function Topology({ migrate = true }: { migrate?: boolean }) {
  const t = useT();
  const layers = useApp(selectLayers);
  const stale = useApp(selectStale);
  const { layout, trace, timeline, step, hl, hop, opened, focus, label } = usePictureStep();
  const [testerOpen, setTesterOpen] = useState(false);
  const walk = useMemo(() => (layout ? walkBounds(layout, trace) : undefined), [layout, trace]);
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
          {t(directBanner(step?.stage))}
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
          <PanelButtons testerOpen={testerOpen} onTester={setTesterOpen} migrate={migrate} />
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
