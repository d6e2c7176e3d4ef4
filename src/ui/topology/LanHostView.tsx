// A host on the LAN outside the cluster: the learner's laptop or the router, with its address.

import type { LanHostBox } from '../../layout/types';

const icons = {
  // A laptop: screen and base.
  client: 'M3 2h10v7H3zM1 10h14l-1.5 2.5h-11z',
  // A router: a box with two antennas.
  router: 'M1 8h14v5H1zM4 8V3M12 8V3M3.5 10.5h1M6 10.5h1',
} as const;

export function LanHostView({ host, kind, title, active }: { host: LanHostBox; kind: keyof typeof icons; title: string; active: boolean }) {
  return (
    <g className={`lan-host ${kind}${active ? ' active' : ''}`} data-lan-host={kind}>
      <line x1={host.uplink.x} y1={host.uplink.y} x2={host.uplink.x} y2={host.y} className="uplink" />
      <rect x={host.x} y={host.y} width={host.w} height={host.h} rx={6} className="lan-host-box" />
      <g transform={`translate(${host.x + 8},${host.y + 7})`} className="lan-host-icon" aria-hidden="true">
        <path d={icons[kind]} />
      </g>
      <text x={host.x + 30} y={host.y + 19} className="lan-host-name">
        {title} <tspan className="mono device-sub">{host.ip}</tspan>
      </text>
      <text x={host.x + 30} y={host.y + 35} className="mono device-sub">
        {host.mac}
      </text>
    </g>
  );
}
