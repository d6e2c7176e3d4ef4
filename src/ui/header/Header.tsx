import { ErrorBoundary } from '../boundary/ErrorBoundary';
import { ScenarioPicker } from '../gallery/ScenarioPicker';
import { ShareButton } from '../share/ShareButton';
import { useT } from '../useT';
import { LanguageSwitch } from './LanguageSwitch';

// Each control has its own error boundary: a Share dialog that fails to draw leaves the language
// switch and the scenario picker in reach.
export function Header() {
  const t = useT();
  return (
    <header className="app-header">
      <h1>{t('ui.app.title')}</h1>
      <p className="tagline">{t('ui.app.tagline')}</p>
      <ErrorBoundary part="scenarios" className="compact">
        <ScenarioPicker />
      </ErrorBoundary>
      <ErrorBoundary part="share" className="compact">
        <ShareButton />
      </ErrorBoundary>
      <ErrorBoundary part="language" className="compact">
        <LanguageSwitch />
      </ErrorBoundary>
    </header>
  );
}
