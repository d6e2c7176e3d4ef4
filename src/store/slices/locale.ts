// The interface language, remembered across visits.

import type { GetState, LocaleSlice, SetState, StoreDeps } from '../types';

export const localeStorageKey = 'packetwalk:locale';

export function createLocaleSlice(set: SetState, _get: GetState, deps: StoreDeps): LocaleSlice {
  return {
    locale: deps.locale,
    setLocale: (locale) => {
      try {
        deps.storage?.setItem(localeStorageKey, locale);
      } catch {
        // Not remembered; still switched.
      }
      set({ locale });
    },
  };
}
