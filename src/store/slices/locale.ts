// The interface language, remembered across visits. A language whose catalogue has not arrived
// yet is switched to once it has, so the interface never shows bare message keys.

import { catalogueLoaded, isLocale, loadCatalogue, type Locale } from '../../i18n/i18n';
import type { GetState, LocaleSlice, SetState, StoreDeps } from '../types';

export const localeStorageKey = 'packetwalk:locale';

/**
 * The learner's last pick. Anything else stored under its key (written by another version, by
 * hand, or damaged) is removed so no later visit reads it again: a value that names no language
 * once left every visit blank.
 */
export function rememberedLocale(storage: Pick<Storage, 'getItem' | 'removeItem'> | null): Locale | null {
  try {
    const value = storage?.getItem(localeStorageKey) ?? null;
    if (value === null || isLocale(value)) return value;
    storage?.removeItem(localeStorageKey);
  } catch {
    // Storage blocked: nothing is remembered.
  }
  return null;
}

export function createLocaleSlice(set: SetState, _get: GetState, deps: StoreDeps): LocaleSlice {
  // The learner's latest pick: a slower download of an earlier pick does not switch back to it.
  let wanted: Locale = deps.locale;
  return {
    locale: deps.locale,
    setLocale: (locale) => {
      wanted = locale;
      try {
        deps.storage?.setItem(localeStorageKey, locale);
      } catch {
        // Not remembered; still switched.
      }
      if (catalogueLoaded(locale)) return set({ locale });
      loadCatalogue(locale).then(
        () => {
          if (wanted === locale) set({ locale });
        },
        (err: unknown) => console.error('could not load the language', err),
      );
    },
  };
}
