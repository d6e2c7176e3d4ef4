// A Service: its virtual IP and ports, what the NodePort/DNS/LoadBalancer layers add, and
// the EndpointSlice behind it. Every line fits the box (long names are elided).

import { size } from '../../layout/clusterLayout';
import { fonts, textWidth } from '../../layout/textWidth';
import type { ServiceBox, ServiceExtra } from '../../layout/types';
import { useApp } from '../../store/react';
import { useT } from '../useT';
import { FitText, type Run } from './FitText';
import { activateOnKey } from './Fold';

function ExtraLine({ extra, x, y, max }: { extra: ServiceExtra; x: number; y: number; max: number }) {
  const t = useT();
  const labelled = (kind: string, label: string, value: string) => {
    const runs: Run[] = [
      { text: `${label} `, font: fonts.small },
      { text: value, font: fonts.monoSmall, className: 'mono' },
    ];
    return <FitText x={x} y={y} max={max} className={`service-extra ${kind}`} runs={runs} />;
  };
  if (extra.kind === 'dns')
    return <FitText x={x} y={y} max={max} className="mono service-extra dns" font={fonts.monoSmall} text={extra.name} />;
  if (extra.kind === 'nodePort')
    return labelled('nodeport', t('ui.topology.nodePort'), extra.ports.map((p) => `${p.nodePort}/${p.protocol}`).join(' '));
  if (extra.kind === 'ingress') return labelled('ingress', t('ui.topology.ingressRules'), extra.rules.join(' '));
  if (extra.kind === 'externalLb')
    return (
      <g className="external-lb">
        <title>{t('ui.topology.externalLb.title')}</title>
        <FitText x={x} y={y} max={max} className="service-extra external-lb" font={fonts.small} text={`↳ ${t('ui.topology.externalLb')}`} />
      </g>
    );
  return labelled('lb', t('ui.topology.loadBalancer'), extra.ips.length ? extra.ips.join(' ') : t('ui.topology.pending'));
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
  const label = t('ui.whatIf.policyShort', { policy: svc.externalTrafficPolicy });
  const w = textWidth(label, fonts.small) + 24;
  const x = svc.x + svc.w - w - 8;
  const y = svc.y + svc.h - size.toggleH - 6;
  return (
    <g
      className={`policy-toggle${flips?.[svc.key] ? ' on' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={t('ui.whatIf.policy', { service: svc.key, policy: other })}
      onClick={toggle}
      onKeyDown={activateOnKey(toggle)}
    >
      <title>{t('ui.whatIf.policy', { service: svc.key, policy: other })}</title>
      <rect x={x} y={y} width={w} height={size.toggleH} rx={size.toggleH / 2} />
      <text x={x + w / 2} y={y + 16} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

export function ServiceView({ svc, active }: { svc: ServiceBox; active: boolean }) {
  const t = useT();
  const x = svc.x + 10;
  const max = svc.w - 20;
  const line = (i: number) => svc.y + size.serviceHead + 12 + i * size.serviceLine;
  const endpointsAt = svc.extras.length;
  const typeW = textWidth(svc.type, fonts.small);
  const ports = svc.ports.map((p) => ` ${p.port}/${p.protocol}${p.targetPort === String(p.port) ? '' : `→${p.targetPort}`}`).join('');
  return (
    <g className={['service', active && 'active', svc.origin === 'builtin' && 'builtin'].filter(Boolean).join(' ')} data-service={svc.key}>
      <rect x={svc.x} y={svc.y} width={svc.w} height={svc.h} rx={8} className="service-box" />
      <FitText
        x={x}
        y={svc.y + 20}
        max={max - typeW - 10}
        className="service-name"
        font={fonts.serviceName}
        text={svc.namespace === 'default' ? svc.name : `${svc.namespace}/${svc.name}`}
        // Names of one family differ at their end (ingress-nginx-controller, …-controller-admission).
        where="middle"
      />
      <text x={svc.x + svc.w - 10} y={svc.y + 20} className="service-type" textAnchor="end">
        {svc.type}
      </text>
      <FitText x={x} y={svc.y + 40} max={max} className="mono service-vip" font={fonts.monoBold} text={`${svc.clusterIP}${ports}`} />
      {svc.externalTrafficPolicy && <PolicyToggle svc={{ ...svc, externalTrafficPolicy: svc.externalTrafficPolicy }} />}
      {svc.extras.map((e, i) => (
        <ExtraLine key={e.kind} extra={e} x={x} y={line(i)} max={max} />
      ))}
      {svc.endpoints.length === 0 ? (
        <FitText
          x={x}
          y={line(endpointsAt)}
          max={max}
          className="service-endpoint none"
          font={fonts.label}
          text={t('ui.topology.noEndpoints')}
        />
      ) : (
        svc.endpoints.map((e, i) => (
          <FitText
            key={e.address}
            x={x}
            y={line(endpointsAt + i)}
            max={max}
            className={`mono service-endpoint${e.ready ? '' : ' not-ready'}`}
            font={fonts.mono}
            text={e.address}
          />
        ))
      )}
      {svc.moreEndpoints > 0 && (
        <FitText
          x={x}
          y={line(endpointsAt + svc.endpoints.length)}
          max={max}
          className="route-more"
          font={fonts.small}
          text={t('ui.topology.moreEndpoints', { count: svc.moreEndpoints })}
        />
      )}
    </g>
  );
}
