// A Service: its virtual IP and ports, what the NodePort/DNS/LoadBalancer layers add, and
// the EndpointSlice behind it.

import type { ServiceBox, ServiceExtra } from '../../layout/types';
import { useApp } from '../../store/react';
import { useT } from '../useT';

function ExtraLine({ extra, x, y }: { extra: ServiceExtra; x: number; y: number }) {
  const t = useT();
  if (extra.kind === 'dns')
    return (
      <text x={x} y={y} className="mono service-extra dns">
        {extra.name}
      </text>
    );
  if (extra.kind === 'nodePort')
    return (
      <text x={x} y={y} className="service-extra nodeport">
        {t('ui.topology.nodePort')} <tspan className="mono">{extra.ports.map((p) => `${p.nodePort}/${p.protocol}`).join(' ')}</tspan>
      </text>
    );
  if (extra.kind === 'ingress')
    return (
      <text x={x} y={y} className="service-extra ingress">
        {t('ui.topology.ingressRules')} <tspan className="mono">{extra.rules.join(' ')}</tspan>
      </text>
    );
  return (
    <text x={x} y={y} className="service-extra lb">
      {t('ui.topology.loadBalancer')} <tspan className="mono">{extra.ips.length ? extra.ips.join(' ') : t('ui.topology.pending')}</tspan>
    </text>
  );
}

/** What if the Service's externalTrafficPolicy were the other one? A switch on its box. */
function PolicyToggle({ svc }: { svc: ServiceBox & { externalTrafficPolicy: 'Cluster' | 'Local' } }) {
  const t = useT();
  const flips = useApp((s) => s.whatIf.externalTrafficPolicy);
  const setWhatIf = useApp((s) => s.setWhatIf);
  const other = svc.externalTrafficPolicy === 'Cluster' ? 'Local' : 'Cluster';
  const toggle = () => {
    const next = { ...flips };
    // Flipping back is taking the what-if away: the manifests' own policy again.
    if (next[svc.key]) delete next[svc.key];
    else next[svc.key] = other;
    setWhatIf({ externalTrafficPolicy: Object.keys(next).length ? next : undefined });
  };
  const w = 118;
  const x = svc.x + svc.w - w - 8;
  const y = svc.y + svc.h - 21;
  return (
    <g
      className={`policy-toggle${flips?.[svc.key] ? ' on' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={t('ui.whatIf.policy', { service: svc.key, policy: other })}
      onClick={toggle}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          toggle();
        }
      }}
    >
      <title>{t('ui.whatIf.policy', { service: svc.key, policy: other })}</title>
      <rect x={x} y={y} width={w} height={15} rx={7.5} />
      <text x={x + w / 2} y={y + 11} textAnchor="middle">
        {t('ui.whatIf.policyShort', { policy: svc.externalTrafficPolicy })}
      </text>
    </g>
  );
}

export function ServiceView({ svc, active }: { svc: ServiceBox; active: boolean }) {
  const t = useT();
  const first = svc.y + 53;
  const endpointsY = first + svc.extras.length * 15;
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
      {svc.externalTrafficPolicy && <PolicyToggle svc={{ ...svc, externalTrafficPolicy: svc.externalTrafficPolicy }} />}
      {svc.extras.map((e, i) => (
        <ExtraLine key={e.kind} extra={e} x={svc.x + 10} y={first + i * 15} />
      ))}
      {svc.endpoints.length === 0 ? (
        <text x={svc.x + 10} y={endpointsY} className="service-endpoint none">
          {t('ui.topology.noEndpoints')}
        </text>
      ) : (
        svc.endpoints.map((e, i) => (
          <text key={e.address} x={svc.x + 10} y={endpointsY + i * 15} className={`mono service-endpoint${e.ready ? '' : ' not-ready'}`}>
            {e.address}
          </text>
        ))
      )}
      {svc.moreEndpoints > 0 && (
        <text x={svc.x + 10} y={endpointsY + svc.endpoints.length * 15} className="route-more">
          {t('ui.topology.moreEndpoints', { count: svc.moreEndpoints })}
        </text>
      )}
    </g>
  );
}
