// The translation function for the current locale.

import { useCallback } from 'react';
import { t, type Params } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { useApp } from '../store/react';
import { selectLocale } from '../store/selectors';

export function useT() {
  const locale = useApp(selectLocale);
  return useCallback((key: MessageKey, params?: Params) => t(locale, key, params), [locale]);
}
