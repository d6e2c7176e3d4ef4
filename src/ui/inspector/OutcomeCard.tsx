// How the walk ended: where the packet was delivered (or why not), and on the way how the
// name resolved, who announced the address and what the Ingress answered.

import type { Outcome } from '../../model/trace/types';
import { translateExplanation, type Locale } from '../../i18n/i18n';
import { useT } from '../useT';

export function OutcomeCard({ outcome, locale }: { outcome: Outcome; locale: Locale }) {
  const t = useT();
  const headline =
    outcome.result === 'delivered'
      ? outcome.endpoint
        ? t('ui.outcome.delivered', { pod: outcome.pod ?? '', endpoint: outcome.endpoint })
        : t('ui.outcome.deliveredPlain', { pod: outcome.pod ?? '' })
      : t(outcome.result === 'rejected' ? 'ui.outcome.rejected' : 'ui.outcome.dropped');
  const { dns, http } = outcome;
  return (
    <div className={`outcome ${outcome.result}`} role="status">
      <h3>{t('ui.outcome.heading')}</h3>
      <p className="headline">{headline}</p>
      {dns && (
        <p className="outcome-dns">
          <span className="mono">
            {dns.addresses.length
              ? t('ui.outcome.dns', { name: dns.name, addresses: dns.addresses.join(', ') })
              : t('ui.outcome.dnsNone', { name: dns.name })}
          </span>{' '}
          <span className="muted">{t('ui.outcome.dnsDetail', { status: dns.status, queries: dns.queries })}</span>
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
      {outcome.service && <p className="muted">{t('ui.outcome.via', { service: outcome.service })}</p>}
      {outcome.announcer && <p className="muted">{t('ui.outcome.announcer', { node: outcome.announcer })}</p>}
      {outcome.reason && <p>{translateExplanation(locale, outcome.reason)}</p>}
    </div>
  );
}
