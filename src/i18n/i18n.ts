// A small typed i18n: catalogues are plain records, `t` looks a key up with a fallback
// to English, and the pseudo-locale `qps` wraps every message in ⟦ ⟧ so a test can
// spot interface text that bypassed the catalogue.

import type { Diagnostic, Explanation } from '../model';
import { en, type MessageKey } from './en';
import { format } from './format';
import { zhCN } from './zh-CN';

export type Locale = 'en' | 'zh-CN' | 'qps';
export type Params = Record<string, string | number>;

/** The locales a learner can pick, each named in its own language. */
export const pickableLocales: { id: Locale; name: string }[] = [
  { id: 'en', name: 'English' },
  { id: 'zh-CN', name: '简体中文' },
];

const catalogues: Record<Exclude<Locale, 'qps'>, Record<string, string>> = {
  en,
  'zh-CN': zhCN,
};

function lookup(locale: Locale, key: string): string | undefined {
  const own = locale === 'qps' ? undefined : catalogues[locale][key];
  return own ?? (en as Record<string, string>)[key];
}

export function hasMessage(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/**
 * Translates a key. Keys come from the catalogue (typed) or from the model as strings
 * (a diagnostic code, an explanation); an unknown key renders as itself, never throws.
 */
export function t(locale: Locale, key: MessageKey | (string & {}), params?: Params): string {
  const template = lookup(locale, key);
  const text = template === undefined ? key : format(template, params);
  return locale === 'qps' ? `⟦${text}⟧` : text;
}

/** Model keys arrive with or without their catalogue prefix; the catalogue always has it. */
function prefixed(prefix: string, key: string): string {
  return key.startsWith(`${prefix}.`) ? key : `${prefix}.${key}`;
}

export function translateDiagnostic(locale: Locale, d: Pick<Diagnostic, 'code' | 'params'>): string {
  return t(locale, prefixed('diag', d.code), d.params);
}

/** The model's explanation keys are catalogue keys: one the catalogues lack is a type error here, naming it. */
export function translateExplanation(locale: Locale, e: Explanation): string {
  const key: MessageKey = e.key;
  return t(locale, key, e.params);
}

export function translateEvent(locale: Locale, e: { key: string; params: Params }): string {
  return t(locale, prefixed('event', e.key), e.params);
}

/** The locale a first visit starts in: an explicit `?lang=`, else the browser's language. */
export function initialLocale(search: string, languages: readonly string[]): Locale {
  const asked = new URLSearchParams(search).get('lang');
  if (asked === 'en' || asked === 'zh-CN' || asked === 'qps') return asked;
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

/** `lang` attribute for the document. */
export function htmlLang(locale: Locale): string {
  return locale === 'qps' ? 'en-XA' : locale;
}
