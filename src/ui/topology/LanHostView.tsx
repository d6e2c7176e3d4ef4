// A host on the LAN outside the cluster: the learner's laptop or the router, with its address;
// with MetalLB in BGP mode the router lists its routing table.

import type { ReactNode } from 'react';
import { size } from '../../layout/clusterLayout';
import { fonts } from '../../layout/textWidth';
import type { BgpTableBox, LanHostBox } from '../../layout/types';
import { useT } from '../useT';
import { FitText } from './FitText';
import { currentIf } from './highlight';

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
    <g className={`lan-host ${kind}${active ? ' active' : ''}`} data-lan-host={kind} aria-current={currentIf(active)}>
      <line x1={host.uplink.x} y1={host.uplink.y} x2={host.uplink.x} y2={host.y} className="uplink" />
      <rect x={host.x} y={host.y} width={host.w} height={host.h} rx={6} className="lan-host-box" />
      <g transform={`translate(${host.x + 8},${host.y + 7})`} className="lan-host-icon" aria-hidden="true">
        <path d={icons[kind]} />
      </g>
      <FitText
        x={host.x + 30}
        y={host.y + 21}
        max={host.w - 38}
        className="lan-host-name"
        runs={[
          { text: `${title} `, font: fonts.title },
          { text: host.ip, font: fonts.monoBold, className: 'mono device-sub' },
        ]}
      />
      <FitText x={host.x + 30} y={host.y + 40} max={host.w - 38} className="mono device-sub" font={fonts.mono} text={host.mac} />
      {children}
    </g>
  );
}

/** The router's BGP routes: each prefix with its ECMP next hops, the one chosen at this step marked. */
export function BgpTable({ host, bgp, nextHop }: { host: LanHostBox; bgp: BgpTableBox; nextHop?: string }) {
  const t = useT();
  const lineH = size.bgpLine;
  // Line i's baseline, under the host's name and address.
  const baseline = (i: number) => host.y + size.hostH + 12 + i * lineH;
  let i = 1;
  const lines: ReactNode[] = [];
  for (const r of bgp.routes) {
    lines.push(
      <FitText
        key={r.prefix}
        x={host.x + 10}
        y={baseline(i++)}
        max={host.w - 20}
        className="mono bgp-prefix"
        font={fonts.monoSmallBold}
        text={`B ${r.prefix}`}
      />,
    );
    for (const h of r.nextHops) {
      lines.push(
        <FitText
          key={`${r.prefix}-${h.ip}`}
          x={host.x + 22}
          y={baseline(i++)}
          max={host.w - 32}
          className={`mono bgp-hop${nextHop === h.ip ? ' chosen' : ''}`}
          font={fonts.monoSmallBold}
          text={t('ui.bgp.via', { ip: h.ip, node: h.node })}
          data={{ 'data-next-hop': h.ip }}
        />,
      );
    }
  }
  const title = t('ui.bgp.table', { asn: bgp.asn });
  return (
    <g className="bgp-table" aria-label={title}>
      <title>{title}</title>
      <FitText x={host.x + 10} y={baseline(0)} max={host.w - 20} className="device-title" font={fonts.title} text={title} />
      {lines}
    </g>
  );
}
