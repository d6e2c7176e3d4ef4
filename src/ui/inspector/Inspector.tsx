// What happens at the current hop: where, why, the headers, the rule, conntrack. Three parts
// side by side on a wide screen; on a phone (`tab` given) only the part its tab shows. Each part,
// and each panel in the step's card, has its own error boundary; the next step draws a failed one afresh.

import { useCallback } from 'react';
import { translateExplanation } from '../../i18n/i18n';
import { useApp } from '../../store/react';
import { ErrorBoundary } from '../boundary/ErrorBoundary';
import { selectLocale, selectStepIndex, selectTrace } from '../../store/selectors';
import { useAfterPaint } from '../nextFrame';
import { panelProps, type PhoneTab } from '../PhoneTabs';
import { useT } from '../useT';
import { conntrackText } from './conntrackText';
import { HeadersTable } from './HeadersTable';
import { OutcomeCard } from './OutcomeCard';
import { DnsPanel } from './DnsPanel';
import { ArpPanel, isArpStep } from './ArpPanel';
import { HttpPanel } from './HttpPanel';
import { Evidence } from './Evidence';
import { StepList } from './StepList';
import { whereText } from './where';

export function Inspector({ tab }: { tab?: PhoneTab }) {
  const t = useT();
  const locale = useApp(selectLocale);
  const trace = useApp(selectTrace);
  // The picture shows a new step in its frame; the inspector follows once that frame is painted.
  const shown = useAfterPaint(useApp(selectStepIndex));
  const index = trace ? Math.min(shown, trace.steps.length - 1) : shown;
  const step = trace?.steps[index];
  const atEnd = !!trace && index === trace.steps.length - 1;
  const goToStep = useApp((s) => s.goToStep);
  const pick = useCallback((i: number) => goToStep(i), [goToStep]);

  return (
    <section className="inspector" aria-label={t('ui.inspector.label')} hidden={tab === 'editor'}>
      <div className="inspector-steps" {...panelProps('steps', tab)}>
        <h3>{t('ui.inspector.steps')}</h3>
        {trace && (
          <ErrorBoundary part="steps">
            <StepList steps={trace.steps} current={index} locale={locale} onPick={pick} label={t('ui.inspector.steps')} />
          </ErrorBoundary>
        )}
      </div>
      {/* It scrolls on a wide screen: a tab stop with a name, so the keyboard can scroll it too. */}
      <div className="inspector-main" tabIndex={0} role="region" aria-label={t('ui.frame.tab.step')} {...panelProps('step', tab)}>
        <ErrorBoundary part="step" retryOn={index}>
          {!step ? (
            <p className="muted">{t('ui.inspector.empty')}</p>
          ) : (
            <>
              <div className="where">
                <span className={`phase ${step.phase}`}>{t(`ui.phase.${step.phase}`)}</span>
                <h2>{whereText(locale, step.at)}</h2>
              </div>
              <p className="explain">{translateExplanation(locale, step.explain)}</p>
              {atEnd && trace && (
                <ErrorBoundary part="outcome">
                  <OutcomeCard outcome={trace.outcome} locale={locale} />
                </ErrorBoundary>
              )}
              {trace && step.stage?.kind === 'dns' && (
                <ErrorBoundary part="dns" retryOn={index}>
                  <DnsPanel trace={trace} stage={step.stage} />
                </ErrorBoundary>
              )}
              {trace && isArpStep(step) && (
                <ErrorBoundary part="arp" retryOn={index}>
                  <ArpPanel trace={trace} arp={step.arp} />
                </ErrorBoundary>
              )}
              {trace && step.stage?.kind === 'http' && (
                <ErrorBoundary part="http" retryOn={index}>
                  <HttpPanel trace={trace} />
                </ErrorBoundary>
              )}
              <h3>{t('ui.inspector.headers')}</h3>
              <HeadersTable before={step.before} after={step.after} />
              {step.conntrack && (
                <>
                  <h3>{t('ui.inspector.conntrack')}</h3>
                  <pre className="conntrack" data-raw>
                    {conntrackText(step.conntrack)}
                  </pre>
                </>
              )}
            </>
          )}
        </ErrorBoundary>
      </div>
      <div className="inspector-rules" {...panelProps('rules', tab)}>
        <ErrorBoundary part="rules" retryOn={index}>
          <Evidence step={step} />
        </ErrorBoundary>
      </div>
    </section>
  );
}
