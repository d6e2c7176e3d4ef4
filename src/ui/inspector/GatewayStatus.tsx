// A Gateway's status as its controller wrote it, beside Envoy's answer: its address and conditions,
// each listener with attachedRoutes, and each HTTPRoute's conditions for this Gateway, so a 404 or a
// 500 can be read off the objects (NoMatchingListenerHostname, RefNotPermitted …).

import type { ConditionFact, GatewayStatusFact } from '../../model';
import { useApp } from '../../store/react';
import { useT } from '../useT';
import './gatewayStatus.css';

function Conditions({ conditions }: { conditions: ConditionFact[] }) {
  const t = useT();
  return (
    <span className="gw-conditions">
      {conditions.map((c) => (
        <span key={c.type} className={`gw-cond ${c.ok ? 'ok' : 'bad'}`} data-raw>
          {t(c.ok ? 'ui.gwStatus.conditionOk' : 'ui.gwStatus.conditionBad', { type: c.type, reason: c.reason })}
        </span>
      ))}
    </span>
  );
}

export function GatewayStatus({ gateway }: { gateway: string }) {
  const t = useT();
  const fact: GatewayStatusFact | undefined = useApp((s) => s.shown?.gateways?.find((g) => g.key === gateway));
  if (!fact) return null;
  return (
    <section className="gw-status" aria-label={t('ui.gwStatus.heading', { gateway })}>
      <h3>{t('ui.gwStatus.heading', { gateway })}</h3>
      <p>
        <span className="mono" data-raw>
          {fact.addresses.length ? t('ui.gwStatus.address', { addresses: fact.addresses.join(', ') }) : t('ui.gwStatus.noAddress')}
        </span>{' '}
        <Conditions conditions={fact.conditions} />
      </p>
      <ul className="gw-list">
        {fact.listeners.map((l) => (
          <li key={l.name}>
            <span className="mono" data-raw>
              {t('ui.gwStatus.listener', {
                name: l.name,
                protocol: l.protocol,
                port: l.port,
                hostname: l.hostname ?? t('ui.gwStatus.anyHost'),
                count: l.attachedRoutes,
              })}
            </span>{' '}
            <Conditions conditions={l.conditions} />
          </li>
        ))}
      </ul>
      <h4>{t('ui.gwStatus.routes')}</h4>
      {fact.routes.length === 0 ? (
        <p className="muted">{t('ui.gwStatus.noRoutes')}</p>
      ) : (
        <ul className="gw-list">
          {fact.routes.map((r) => (
            <li key={`${r.route}/${r.section ?? ''}`}>
              <span className="mono" data-raw>
                {r.section
                  ? t('ui.gwStatus.routeSection', { route: r.route, section: r.section })
                  : t('ui.gwStatus.route', { route: r.route })}
              </span>{' '}
              <Conditions conditions={r.conditions} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
