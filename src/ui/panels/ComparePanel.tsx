// "Compare Cluster and Local": the same packet walked under both externalTrafficPolicy values,
// the facts that differ side by side. Both walks come from the store (two derived models).

import { useApp } from '../../store/react';
import { selectLocale } from '../../store/selectors';
import type { EtpComparison } from '../../store/types';
import { useT } from '../useT';
import { CompareTable, type CompareRow } from './CompareTable';
import { outcomeText, walkFacts } from './walkFacts';

export function ComparePanel({ comparison }: { comparison: EtpComparison }) {
  const t = useT();
  const locale = useApp(selectLocale);
  const compareEtp = useApp((s) => s.compareEtp);
  const current = useApp((s) => s.trace);
  const flips = useApp((s) => s.whatIf.externalTrafficPolicy);
  const setWhatIf = useApp((s) => s.setWhatIf);
  const none = t('ui.compare.none');
  const facts = comparison.walks.map((w) => (w.trace ? walkFacts(w.trace) : null));
  const row = (id: string, label: string, cell: (f: NonNullable<(typeof facts)[number]>) => string, raw?: boolean): CompareRow => ({
    id,
    label,
    cells: facts.map((f) => (f ? cell(f) : none)),
    raw,
  });
  const rows = [
    row('entry', t('ui.compare.entry'), (f) => f.entry ?? none, true),
    row('source', t('ui.compare.source'), (f) =>
      f.seenSource ? t(f.seenSource === f.client ? 'ui.compare.kept' : 'ui.compare.lost', { ip: f.seenSource, client: f.client }) : none,
    ),
    row('snat', t('ui.compare.snat'), (f) => (f.snatOn ? t('ui.compare.snatOn', { node: f.snatOn }) : none)),
    row('hop', t('ui.compare.hop'), (f) => (f.forwarded ? t('ui.compare.hopVia', f.forwarded) : none)),
    row('outcome', t('ui.compare.outcome'), (f) => outcomeText(locale, f)),
    row('steps', t('ui.compare.steps'), (f) => String(f.steps), true),
  ];
  const show = (policy: 'Cluster' | 'Local') => setWhatIf({ externalTrafficPolicy: { ...flips, [comparison.service]: policy } });
  return (
    <section className="float-panel compare-panel" aria-label={t('ui.compare.title')}>
      <header>
        <h3>{t('ui.compare.heading', { service: comparison.service })}</h3>
        <button type="button" className="ghost" onClick={() => compareEtp(null)}>
          {t('ui.panel.close')}
        </button>
      </header>
      <p className="muted">{t('ui.compare.intro')}</p>
      <CompareTable
        columns={comparison.walks.map((w) => ({
          id: w.policy,
          head: <span data-raw>{w.policy}</span>,
          shown: w.trace === current,
          show: (
            <button type="button" onClick={() => show(w.policy)}>
              {t('ui.compare.walk', { policy: w.policy })}
            </button>
          ),
        }))}
        rows={rows}
      />
    </section>
  );
}
