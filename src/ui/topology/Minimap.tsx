// The overview of a drawing larger than the screen: the nodes, the walk's nodes marked, and the
// part the camera shows. A click looks there.

import type { Camera, Viewport } from '../../anim/camera';
import type { ClusterLayout, Point } from '../../layout/types';
import { useT } from '../useT';

const width = 160;

export function Minimap({
  layout,
  camera,
  view,
  walkNodes,
  onLook,
}: {
  layout: ClusterLayout;
  camera: Camera;
  view: Viewport;
  walkNodes: Set<string>;
  onLook: (p: Point) => void;
}) {
  const t = useT();
  const scale = width / layout.width;
  const height = layout.height * scale;
  // The camera's view in drawing units.
  const seen = { x: -camera.x / camera.k, y: -camera.y / camera.k, w: view.w / camera.k, h: view.h / camera.k };
  const all = seen.x <= 0 && seen.y <= 0 && seen.x + seen.w >= layout.width && seen.y + seen.h >= layout.height;
  if (all || view.w === 0) return null;
  return (
    <div className="minimap">
      <svg
        className="minimap-map"
        width={width}
        height={height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-label={t('ui.camera.overview')}
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          onLook({ x: (e.clientX - r.left) / scale, y: (e.clientY - r.top) / scale });
        }}
      >
        <title>{t('ui.camera.overview')}</title>
        <rect width={layout.width} height={layout.height} className="minimap-bg" />
        {layout.services.map((s) => (
          <rect key={s.key} x={s.x} y={s.y} width={s.w} height={s.h} className="minimap-service" />
        ))}
        {layout.nodes.map((n) => (
          <rect
            key={n.name}
            x={n.x}
            y={n.y}
            width={n.w}
            height={n.h}
            className={`minimap-node${walkNodes.has(n.name) ? ' on-walk' : ''}`}
          />
        ))}
        <rect x={seen.x} y={seen.y} width={seen.w} height={seen.h} className="minimap-view" />
      </svg>
    </div>
  );
}
