import { pickableLocales, type Locale } from '../../i18n/i18n';
import { useApp } from '../../store/react';
import { useT } from '../useT';

export function LanguageSwitch() {
  const t = useT();
  const locale = useApp((s) => s.locale);
  const setLocale = useApp((s) => s.setLocale);
  return (
    <label className="language">
      <span className="visually-hidden">{t('ui.language.label')}</span>
      <select aria-label={t('ui.language.label')} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
        {pickableLocales.map((l) => (
          <option key={l.id} value={l.id} lang={l.id}>
            {l.name}
          </option>
        ))}
        {locale === 'qps' && <option value="qps">qps</option>}
      </select>
    </label>
  );
}
