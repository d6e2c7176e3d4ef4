// A host on the LAN outside the cluster: the learner's laptop or the router, with its address;
// with MetalLB in BGP mode the router lists its routing table.

import type { ReactNode } from 'react';
import type { BgpTableBox, LanHostBox } from '../../layout/types';
import { useT } from '../useT';

const icons = {
  // A laptop: screen and base.
  client: 'M3 2h10v7H3zM1 10h14l-1.5 2.5h-11z',
  // A router: a box with two antennas.
  router: 'M1 8h14v5H1zM4 8V3M12 8V3M3.5 10.5h1M6 10.5h1',
} as const;

export function LanHostView({
  host,
  kind,
  title,
  active,
  children,
}: {
  host: LanHostBox;
  kind: keyof typeof icons;
  title: string;
  active: boolean;
  children?: ReactNode;
}) {
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
      {children}
    </g>
  );
}

/** The router's BGP routes: each prefix with its ECMP next hops, the one chosen at this step marked. */
export function BgpTable({ host, bgp, nextHop }: { host: LanHostBox; bgp: BgpTableBox; nextHop?: string }) {
  const t = useT();
  const lineH = 13;
  let y = host.y + 46 + 2 * lineH;
  const lines: ReactNode[] = [];
  for (const r of bgp.routes) {
    lines.push(
      <text key={r.prefix} x={host.x + 10} y={y} className="mono bgp-prefix">
        B {r.prefix}
      </text>,
    );
    y += lineH;
    for (const h of r.nextHops) {
      lines.push(
        <text
          key={`${r.prefix}-${h.ip}`}
          x={host.x + 22}
          y={y}
          className={`mono bgp-hop${nextHop === h.ip ? ' chosen' : ''}`}
          data-next-hop={h.ip}
        >
          {t('ui.bgp.via', { ip: h.ip, node: h.node })}
        </text>,
      );
      y += lineH;
    }
  }
  return (
    <g className="bgp-table" aria-label={t('ui.bgp.table', { asn: bgp.asn })}>
      <title>{t('ui.bgp.table', { asn: bgp.asn })}</title>
      <text x={host.x + 10} y={host.y + 46 + lineH - 2} className="device-title">
        {t('ui.bgp.table', { asn: bgp.asn })}
      </text>
      {lines}
    </g>
  );
}
