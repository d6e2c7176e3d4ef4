// A Service: its virtual IP and ports, and the EndpointSlice behind it.

import type { ServiceBox } from '../../layout/types';
import { useT } from '../useT';

export function ServiceView({ svc, active }: { svc: ServiceBox; active: boolean }) {
  const t = useT();
  return (
    <g className={['service', active && 'active', svc.origin === 'builtin' && 'builtin'].filter(Boolean).join(' ')} data-service={svc.key}>
      <rect x={svc.x} y={svc.y} width={svc.w} height={svc.h} rx={8} className="service-box" />
      <text x={svc.x + 10} y={svc.y + 17} className="service-name">
        {svc.namespace === 'default' ? svc.name : `${svc.namespace}/${svc.name}`}
      </text>
      <text x={svc.x + svc.w - 10} y={svc.y + 17} className="service-type" textAnchor="end">
        {svc.type}
      </text>
      <text x={svc.x + 10} y={svc.y + 35} className="mono service-vip">
        {svc.clusterIP}
        {svc.ports.map((p) => ` ${p.port}/${p.protocol}${p.targetPort === String(p.port) ? '' : `→${p.targetPort}`}`).join('')}
      </text>
      {svc.endpoints.length === 0 ? (
        <text x={svc.x + 10} y={svc.y + 53} className="service-endpoint none">
          {t('ui.topology.noEndpoints')}
        </text>
      ) : (
        svc.endpoints.map((e, i) => (
          <text key={e.address} x={svc.x + 10} y={svc.y + 53 + i * 15} className={`mono service-endpoint${e.ready ? '' : ' not-ready'}`}>
            {e.address}
          </text>
        ))
      )}
    </g>
  );
}
