// For a step of a DNS query: which query this is, how it was answered, and the pod's
// resolv.conf that made the resolver ask it.

import { translateExplanation } from '../../i18n/i18n';
import type { Stage, Trace } from '../../model';
import { useApp } from '../../store/react';
import { selectLocale } from '../../store/selectors';
import { useT } from '../useT';
import { answerOf } from './stages';

export function DnsPanel({ trace, stage }: { trace: Trace; stage: Extract<Stage, { kind: 'dns' }> }) {
  const t = useT();
  const locale = useApp(selectLocale);
  const answer = answerOf(trace.steps, stage);
  const resolvConf = trace.outcome.dns?.resolvConf;
  return (
    <section className="dns-panel" aria-label={t('ui.dns.heading')}>
      <h3>{t('ui.dns.heading')}</h3>
      <p className="dns-query mono">{t('ui.dns.query', { n: stage.query, qname: stage.qname, qtype: stage.qtype })}</p>
      {answer && (
        <p className="dns-answer">
          <strong>{t('ui.dns.answer')}:</strong> {translateExplanation(locale, answer.explain)}
        </p>
      )}
      {resolvConf && (
        <figure className="resolv-conf">
          <figcaption>{t('ui.dns.resolvConf')}</figcaption>
          <pre data-raw>{resolvConf}</pre>
        </figure>
      )}
    </section>
  );
}
