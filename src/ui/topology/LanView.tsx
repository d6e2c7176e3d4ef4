// The LAN the nodes, the client and the router share; the current place while a frame is on the wire.

import type { ClusterLayout } from '../../layout/types';
import { useT } from '../useT';
import { currentIf, type Highlight } from './highlight';

export function LanView({ lan, hl }: { lan: ClusterLayout['lan']; hl: Highlight }) {
  const t = useT();
  const here = hl.element === 'wire';
  return (
    <g className={`lan-segment${here ? ' active' : ''}`} aria-current={currentIf(here)}>
      <line x1={lan.x1} x2={lan.x2} y1={lan.y} y2={lan.y} className="lan" />
      <text x={(lan.x1 + lan.x2) / 2} y={lan.y + 16} className="mono lan-label" textAnchor="middle">
        {t('ui.topology.lan', { subnet: lan.subnet })}
      </text>
    </g>
  );
}
