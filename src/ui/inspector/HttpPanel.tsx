// At the HTTP step of a walk through ingress-nginx: its answer, the rule that matched and the
// nginx location it became (from the model's ingressDecision for the same request); through a
// Gateway, Envoy's answer: the Gateway, the HTTPRoute and the backend it chose.

import { useMemo } from 'react';
import { ingressDecision, type Trace } from '../../model';
import { useApp } from '../../store/react';
import { useT } from '../useT';
import { GatewayStatus } from './GatewayStatus';

export function HttpPanel({ trace }: { trace: Trace }) {
  const t = useT();
  const model = useApp((s) => s.shown);
  const http = trace.outcome.http;
  const to = trace.spec.to;
  const scheme = to.kind === 'url' && to.url.startsWith('https:') ? 'https' : 'http';
  const decision = useMemo(
    () => (model && http ? ingressDecision(model, { host: http.host, path: http.path, scheme }) : undefined),
    [model, http, scheme],
  );
  if (!http) return null;
  if (http.gateway)
    return (
      <>
        <EnvoyAnswer http={http} />
        <GatewayStatus gateway={http.gateway} />
      </>
    );
  return (
    <section className="http-panel" aria-label={t('ui.http.heading')}>
      <h3>{t('ui.http.heading')}</h3>
      <AnswerLine http={http} />
      <p>
        {http.rule && http.ingress
          ? t('ui.http.rule', { ingress: http.ingress, host: http.rule.host || '*', path: http.rule.path, pathType: http.rule.pathType })
          : t('ui.http.noRule')}
      </p>
      {http.canary && <p>{t('ui.http.canary', { canary: http.canary })}</p>}
      {decision?.nginxLocation && (
        <p className="mono">{t('ui.ingressTester.location', { location: decision.nginxLocation, server: decision.server })}</p>
      )}
      {http.location && <p className="mono">{t('ui.ingressTester.redirect', { location: http.location })}</p>}
    </section>
  );
}

/** The status the proxy answered, and the request it answered (host and path as sent: cluster data). */
function AnswerLine({ http }: { http: NonNullable<Trace['outcome']['http']> }) {
  const t = useT();
  return (
    <p className={`http-answer status-${Math.floor(http.status / 100)}xx`}>
      <strong>{t('ui.ingressTester.status', { status: http.status })}</strong>{' '}
      <span className="mono" data-raw>
        {`${http.host}${http.path}`}
      </span>
    </p>
  );
}

/** The same step when Envoy has the request: the Gateway, and the route and backend it chose. */
function EnvoyAnswer({ http }: { http: NonNullable<Trace['outcome']['http']> }) {
  const t = useT();
  return (
    <section className="http-panel" aria-label={t('ui.http.envoyHeading')}>
      <h3>{t('ui.http.envoyHeading')}</h3>
      <AnswerLine http={http} />
      <p className="mono" data-raw>
        {t('ui.http.envoyGateway', { gateway: http.gateway! })}
      </p>
      <p>
        {http.route && http.backend && http.status < 400
          ? t('ui.http.envoyRoute', { route: http.route, backend: http.backend })
          : http.route
            ? t('ui.http.envoyRouteOnly', { route: http.route })
            : t('ui.http.envoyNoRoute')}
      </p>
      {http.location && <p className="mono">{t('ui.ingressTester.redirect', { location: http.location })}</p>}
    </section>
  );
}
