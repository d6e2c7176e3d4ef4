// Keeps <html lang> in step with the interface language (screen readers, CJK line breaking).

import { useEffect } from 'react';
import { htmlLang } from '../i18n/i18n';
import { useApp } from '../store/react';
import { selectLocale } from '../store/selectors';

export function useDocumentLang(): void {
  const locale = useApp(selectLocale);
  useEffect(() => {
    document.documentElement.lang = htmlLang(locale);
  }, [locale]);
}
