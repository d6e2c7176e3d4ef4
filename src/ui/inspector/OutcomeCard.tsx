// How the walk ended: where the packet was delivered (or why not), and on the way how the
// name resolved, who announced the address and what the Ingress answered.

import type { Explanation, Outcome } from '../../model';
import { t as translate, translateExplanation, type Locale } from '../../i18n/i18n';
import { useApp } from '../../store/react';
import { selectTrace } from '../../store/selectors';
import { useT } from '../useT';
import { announcementOf, type Announcement } from './announcement';
import './outcome.css';

/** The walk left what the model knows (a name or an address outside the cluster): not a failure. */
const ANNOUNCED_BY = {
  layer2: 'ui.outcome.announcer',
  bgp: 'ui.outcome.bgpNextHop',
  externalLb: 'ui.outcome.externalLb',
} as const satisfies Record<Announcement['kind'], string>;

const outsideModel = (o: Outcome) =>
  o.result === 'unmodelled' || (o.result === 'dropped' && o.reason?.key === 'explain.outcome.leftCluster');

export function OutcomeCard({ outcome, locale }: { outcome: Outcome; locale: Locale }) {
  const t = useT();
  const trace = useApp(selectTrace);
  const unknown = outsideModel(outcome);
  const headline =
    outcome.result === 'delivered'
      ? outcome.endpoint
        ? t('ui.outcome.delivered', { pod: outcome.pod ?? '', endpoint: outcome.endpoint })
        : t('ui.outcome.deliveredPlain', { pod: outcome.pod ?? '' })
      : unknown
        ? t('ui.outcome.notModelled')
        : t(outcome.result === 'rejected' ? 'ui.outcome.rejected' : 'ui.outcome.dropped');
  const { dns, http } = outcome;
  const announced = trace && announcementOf(trace);
  // Through a Gateway, Envoy's decision says why (the route's status reason for a 404 or a 500).
  const envoyReason = trace?.steps.find((s) => s.stage?.kind === 'http' && s.stage.proxy === 'envoy')?.explain;
  return (
    <div className={`outcome ${unknown ? 'unknown' : outcome.result}`} role="status">
      <h3>{t('ui.outcome.heading')}</h3>
      <p className="headline">{headline}</p>
      {dns && (
        <p className="outcome-dns">
          <span className="mono">
            {dns.addresses.length
              ? t('ui.outcome.dns', { name: dns.name, addresses: dns.addresses.join(', ') })
              : t('ui.outcome.dnsNone', { name: dns.name })}
          </span>{' '}
          <span className="muted">
            {t('ui.outcome.dnsDetail', { status: translate(locale, `ui.dnsStatus.${dns.status}`), queries: dns.queries })}
          </span>
        </p>
      )}
      {http && (
        <p className="outcome-http">
          <strong>{t('ui.outcome.http', { status: http.status })}</strong>
          {http.ingress && http.rule && (
            <span className="muted">
              {' · '}
              {t('ui.outcome.ingress', { ingress: http.ingress, host: http.rule.host, path: http.rule.path, pathType: http.rule.pathType })}
            </span>
          )}
          {http.location && <span className="muted"> · {t('ui.outcome.location', { location: http.location })}</span>}
        </p>
      )}
      {http?.gateway && <GatewayLine http={http} envoyReason={envoyReason} locale={locale} />}
      {outcome.service && <p className="muted">{t('ui.outcome.via', { service: outcome.service })}</p>}
      {announced && <p className="muted">{t(ANNOUNCED_BY[announced.kind], { node: announced.node })}</p>}
      {outcome.reason && <p>{translateExplanation(locale, outcome.reason)}</p>}
    </div>
  );
}

/** Which Gateway, HTTPRoute and backend answered, and Envoy's reason when no backend did. */
function GatewayLine({ http, envoyReason, locale }: { http: NonNullable<Outcome['http']>; envoyReason?: Explanation; locale: Locale }) {
  const t = useT();
  const gateway = http.gateway!;
  return (
    <>
      <p className="outcome-gateway mono" data-raw>
        {http.route && http.backend
          ? t('ui.outcome.gateway', { gateway, route: http.route, backend: http.backend })
          : http.route
            ? t('ui.outcome.gatewayRoute', { gateway, route: http.route })
            : t('ui.outcome.gatewayNoRoute', { gateway })}
      </p>
      {envoyReason && http.status >= 400 && <p className="outcome-gateway-reason">{translateExplanation(locale, envoyReason)}</p>}
    </>
  );
}
