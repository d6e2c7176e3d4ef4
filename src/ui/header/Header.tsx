import { ScenarioPicker } from '../gallery/ScenarioPicker';
import { ShareButton } from '../share/ShareButton';
import { useT } from '../useT';
import { LanguageSwitch } from './LanguageSwitch';

export function Header() {
  const t = useT();
  return (
    <header className="app-header">
      <h1>{t('ui.app.title')}</h1>
      <p className="tagline">{t('ui.app.tagline')}</p>
      <ScenarioPicker />
      <ShareButton />
      <LanguageSwitch />
    </header>
  );
}
