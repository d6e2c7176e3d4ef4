// The topology's pull-out tools: the request tester (ingress-nginx and Gateways), the migration to
// the Gateway API, the externalTrafficPolicy comparison and the proxy modes' comparison. Each floats over the drawing and opens from a button in its corner, and stands
// behind its own error boundary: a tool that fails to draw leaves the picture working. Their code
// is fetched when one first opens, so a page's first step never waits for it.

import { lazy, Suspense } from 'react';
import { useApp } from '../../store/react';
import { policyOf } from '../../store/slices/compare';
import { ErrorBoundary } from '../boundary/ErrorBoundary';
import { useT } from '../useT';

const ComparePanel = lazy(() => import('./ComparePanel').then((m) => ({ default: m.ComparePanel })));
const ModeComparePanel = lazy(() => import('./ModeComparePanel').then((m) => ({ default: m.ModeComparePanel })));
const IngressTester = lazy(() => import('./IngressTester').then((m) => ({ default: m.IngressTester })));
const MigratePanel = lazy(() => import('./MigratePanel').then((m) => ({ default: m.MigratePanel })));

export function PanelButtons({
  testerOpen,
  onTester,
  migrate,
}: {
  testerOpen: boolean;
  onTester: (open: boolean) => void;
  migrate: boolean;
}) {
  const t = useT();
  const hasIngress = useApp((s) => s.shown?.ingress !== undefined);
  const hasGateway = useApp((s) => (s.shown?.gatewayApi?.gateways.length ?? 0) > 0);
  const migrating = useApp((s) => s.migrationOpen);
  const openMigration = useApp((s) => s.openMigration);
  // The Service the walk went through, when its externalTrafficPolicy matters (NodePort, LoadBalancer).
  const service = useApp((s) => {
    const key = s.trace?.outcome.service;
    return key && policyOf(s, key) ? key : undefined;
  });
  const comparing = useApp((s) => s.comparison !== null);
  const compareEtp = useApp((s) => s.compareEtp);
  return (
    <>
      {service && (
        <button type="button" className="ghost" aria-pressed={comparing} onClick={() => compareEtp(comparing ? null : service)}>
          {t('ui.compare.open')}
        </button>
      )}
      {(hasIngress || hasGateway) && (
        <button type="button" className="ghost" aria-pressed={testerOpen} onClick={() => onTester(!testerOpen)}>
          {t('ui.ingressTester.open')}
        </button>
      )}
      {migrate && hasIngress && (
        <button type="button" className="ghost" aria-pressed={migrating} onClick={() => openMigration(!migrating)}>
          {t('ui.migrate.open')}
        </button>
      )}
    </>
  );
}

export function Panels({ testerOpen, onTester }: { testerOpen: boolean; onTester: (open: boolean) => void }) {
  const model = useApp((s) => s.shown);
  const comparison = useApp((s) => s.comparison);
  const modeComparison = useApp((s) => s.modeComparison);
  const migrating = useApp((s) => s.migrationOpen && s.shown?.ingress !== undefined);
  return (
    <div className="float-panels">
      {modeComparison && (
        <ErrorBoundary part="mode-compare" className="float-panel">
          <Suspense>
            <ModeComparePanel comparison={modeComparison} />
          </Suspense>
        </ErrorBoundary>
      )}
      {comparison && (
        <ErrorBoundary part="compare" className="float-panel">
          <Suspense>
            <ComparePanel comparison={comparison} />
          </Suspense>
        </ErrorBoundary>
      )}
      {migrating && (
        <ErrorBoundary part="migrate" className="float-panel">
          <Suspense>
            <MigratePanel />
          </Suspense>
        </ErrorBoundary>
      )}
      {testerOpen && model && (model.ingress || (model.gatewayApi?.gateways.length ?? 0) > 0) && (
        <ErrorBoundary part="ingress-tester" className="float-panel">
          <Suspense>
            <IngressTester model={model} onClose={() => onTester(false)} />
          </Suspense>
        </ErrorBoundary>
      )}
    </div>
  );
}
