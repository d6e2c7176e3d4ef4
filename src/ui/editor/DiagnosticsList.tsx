// Every problem of the current text as `file:line:col message`; a click moves the editor there.
// A problem the model can answer with a rewrite shows it below, to apply or copy (FixBlock.tsx).

import { translateDiagnostic } from '../../i18n/i18n';
import { useApp } from '../../store/react';
import { selectDiagnostics, selectLocale } from '../../store/selectors';
import { useT } from '../useT';
import { FixBlock } from './FixBlock';

export function DiagnosticsList() {
  const t = useT();
  const locale = useApp(selectLocale);
  const diagnostics = useApp(selectDiagnostics);
  const jumpTo = useApp((s) => s.jumpTo);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return (
    <section className="diagnostics" aria-labelledby="diagnostics-heading">
      <h2 id="diagnostics-heading">
        {t('ui.diagnostics.heading')}
        {diagnostics.length > 0 && <span className="count">{t('ui.diagnostics.count', { errors, warnings })}</span>}
      </h2>
      {diagnostics.length === 0 ? (
        <p className="muted">{t('ui.diagnostics.none')}</p>
      ) : (
        <ul>
          {diagnostics.map((d, i) => (
            <li key={i} className={`diag diag-${d.severity}`}>
              <button type="button" onClick={() => jumpTo(d.line, d.col)}>
                <span className="diag-severity">{t(`ui.severity.${d.severity}`)}</span>
                <span className="diag-pos" data-raw>
                  {d.file}:{d.line}:{d.col}
                </span>
                <span className="diag-message">{translateDiagnostic(locale, d)}</span>
              </button>
              {d.fix && <FixBlock fix={d.fix} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
