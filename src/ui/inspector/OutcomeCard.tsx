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
  return (
    <div className={`outcome ${outcome.result}`} role="status">
      <h3>{t('ui.outcome.heading')}</h3>
      <p className="headline">{headline}</p>
      {outcome.service && <p className="muted">{t('ui.outcome.via', { service: outcome.service })}</p>}
      {outcome.reason && <p>{translateExplanation(locale, outcome.reason)}</p>}
    </div>
  );
}
