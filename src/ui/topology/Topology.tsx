// The cluster drawing. React owns every element; d3-zoom is attached once to the
// root <svg> and only writes the transform of the inner group.

import { line } from 'd3-shape';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';
import { useEffect, useMemo, useRef, useState } from 'react';
import { routeOf } from '../../anim/timeline';
import type { Point } from '../../layout/types';
import { useApp } from '../../store/react';
import { selectActiveStep, selectLayers, selectLayout, selectStale, selectTimeline, selectTrace } from '../../store/selectors';
import { useT } from '../useT';
import { highlightOf } from './highlight';
import { BgpTable, LanHostView } from './LanHostView';
import { Legend } from './Legend';
import { NodeView } from './NodeView';
import { PacketGlyph } from './PacketGlyph';
import { PanelButtons, Panels } from '../panels/Panels';
import { ServiceView } from './ServiceView';
import './drawing.css';

const path = line<Point>()
  .x((p) => p.x)
  .y((p) => p.y);

export function Topology() {
  const t = useT();
  const layout = useApp(selectLayout);
  const layers = useApp(selectLayers);
  const stale = useApp(selectStale);
  const trace = useApp(selectTrace);
  const timeline = useApp(selectTimeline);
  const step = useApp(selectActiveStep);
  const [testerOpen, setTesterOpen] = useState(false);
  const svgRef = useRef<SVGSVGElement>(null);
  const viewRef = useRef<SVGGElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const behaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.5, 6])
      .on('zoom', (e) => viewRef.current?.setAttribute('transform', e.transform.toString()));
    select(svg).call(behaviour).on('dblclick.zoom', null);
    zoomRef.current = behaviour;
    return () => {
      select(svg).on('.zoom', null);
    };
  }, []);

  const hl = highlightOf(trace, step, layout?.services);
  // The trail so far: the way already travelled, not the whole route at once.
  const upTo = step?.index ?? -1;
  const routes = useMemo(
    () => ({ request: path(routeOf(timeline, 'request', upTo)) ?? '', reply: path(routeOf(timeline, 'reply', upTo)) ?? '' }),
    [timeline, upTo],
  );
  const empty = !layout || layout.nodes.length === 0;

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
      <svg
        ref={svgRef}
        viewBox={layout ? `0 0 ${layout.width} ${layout.height}` : '0 0 100 100'}
        preserveAspectRatio="xMidYMid meet"
        data-raw
      >
        <g ref={viewRef}>
          {layout && !empty && (
            <>
              <line x1={layout.lan.x1} x2={layout.lan.x2} y1={layout.lan.y} y2={layout.lan.y} className="lan" />
              <text x={(layout.lan.x1 + layout.lan.x2) / 2} y={layout.lan.y + 16} className="mono lan-label" textAnchor="middle">
                {t('ui.topology.lan', { subnet: layout.lan.subnet })}
              </text>
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
                <ServiceView key={s.key} svc={s} active={hl.service === s.key} />
              ))}
              {layout.moreServices && (
                <text x={layout.moreServices.x} y={layout.moreServices.y} className="more-objects">
                  {t('ui.topology.moreServices', { count: layout.moreServices.count })}
                </text>
              )}
              {layout.nodes.map((n) => (
                <NodeView key={n.name} node={n} hl={hl} overlay={layers.overlay} />
              ))}
              <path d={routes.request} className={`route request${step?.phase === 'request' ? ' current' : ''}`} />
              <path d={routes.reply} className={`route reply${step?.phase === 'reply' ? ' current' : ''}`} />
              <PacketGlyph />
            </>
          )}
        </g>
      </svg>
      <Panels testerOpen={testerOpen} onTester={setTesterOpen} />
      <div className="topology-tools">
        <PanelButtons testerOpen={testerOpen} onTester={setTesterOpen} />
        <button
          type="button"
          className="ghost"
          onClick={() => svgRef.current && zoomRef.current && select(svgRef.current).call(zoomRef.current.transform, zoomIdentity)}
        >
          {t('ui.topology.resetZoom')}
        </button>
      </div>
      <Legend />
    </section>
  );
}
