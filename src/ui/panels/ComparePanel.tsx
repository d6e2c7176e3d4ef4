// "Compare Cluster and Local": the same packet walked under both externalTrafficPolicy values,
// the facts that differ side by side. Both walks come from the store (two derived models).

import type { MessageKey } from '../../i18n/en';
import { translateExplanation } from '../../i18n/i18n';
import { useApp } from '../../store/react';
import { selectLocale } from '../../store/selectors';
import type { EtpComparison } from '../../store/types';
import { useT } from '../useT';
import { walkFacts, type WalkFacts } from './walkFacts';

/** A fact of both walks; `raw` when the cell is cluster data (a node name, a count), not a sentence. */
type Row = { key: MessageKey; cell: (f: WalkFacts) => string; raw?: boolean };

export function ComparePanel({ comparison }: { comparison: EtpComparison }) {
  const t = useT();
  const locale = useApp(selectLocale);
  const compareEtp = useApp((s) => s.compareEtp);
  const current = useApp((s) => s.trace);
  const flips = useApp((s) => s.whatIf.externalTrafficPolicy);
  const setWhatIf = useApp((s) => s.setWhatIf);
  const none = t('ui.compare.none');
  const rows: Row[] = [
    { key: 'ui.compare.entry', cell: (f) => f.entry ?? none, raw: true },
    {
      key: 'ui.compare.source',
      cell: (f) =>
        f.seenSource ? t(f.seenSource === f.client ? 'ui.compare.kept' : 'ui.compare.lost', { ip: f.seenSource, client: f.client }) : none,
    },
    { key: 'ui.compare.snat', cell: (f) => (f.snatOn ? t('ui.compare.snatOn', { node: f.snatOn }) : none) },
    { key: 'ui.compare.hop', cell: (f) => (f.forwarded ? t('ui.compare.hopVia', f.forwarded) : none) },
    {
      key: 'ui.compare.outcome',
      cell: (f) =>
        f.result === 'delivered'
          ? t('ui.compare.delivered', { pod: f.pod ?? '', node: f.node ?? '' })
          : `${t(f.result === 'unmodelled' ? 'ui.outcome.notModelled' : f.result === 'dropped' ? 'ui.outcome.dropped' : 'ui.outcome.rejected')}${f.reason ? `: ${translateExplanation(locale, f.reason)}` : ''}`,
    },
    { key: 'ui.compare.steps', cell: (f) => String(f.steps), raw: true },
  ];
  const facts = comparison.walks.map((w) => (w.trace ? walkFacts(w.trace) : null));
  const show = (policy: 'Cluster' | 'Local') => {
    const next = { ...flips, [comparison.service]: policy };
    setWhatIf({ externalTrafficPolicy: next });
  };
  return (
    <section className="float-panel compare-panel" aria-label={t('ui.compare.title')}>
      <header>
        <h3>{t('ui.compare.heading', { service: comparison.service })}</h3>
        <button type="button" className="ghost" onClick={() => compareEtp(null)}>
          {t('ui.panel.close')}
        </button>
      </header>
      <p className="muted">{t('ui.compare.intro')}</p>
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col" />
            {comparison.walks.map((w) => (
              <th key={w.policy} scope="col" className={w.trace === current ? 'current' : undefined}>
                <span data-raw>{w.policy}</span>
                {w.trace === current && <span className="muted"> {t('ui.compare.shown')}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const cells = facts.map((f) => (f ? r.cell(f) : none));
            return (
              <tr key={r.key} className={cells[0] !== cells[1] ? 'differs' : undefined}>
                <th scope="row">{t(r.key)}</th>
                {cells.map((c, i) => (
                  <td key={comparison.walks[i].policy} data-raw={r.raw || undefined}>
                    {c}
                  </td>
                ))}
              </tr>
            );
          })}
          <tr>
            <th scope="row" />
            {comparison.walks.map((w) => (
              <td key={w.policy}>
                {w.trace !== current && (
                  <button type="button" onClick={() => show(w.policy)}>
                    {t('ui.compare.walk', { policy: w.policy })}
                  </button>
                )}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}
