// A small typed i18n: catalogues are plain records, `t` looks a key up with a fallback
// to English, and the pseudo-locale `qps` wraps every message in ⟦ ⟧ so a test can
// spot interface text that bypassed the catalogue. Each language's catalogue is its own
// chunk, loaded on demand (`loadCatalogue`): a page ships only the language it shows, and the
// embed only the player's part of it (en.ts; the editor's, dialogs' and CLI's are en.app.ts).

import type { Diagnostic, DiagnosticCode, Explanation } from '../model';
import type { MessageKey } from './en';
import { format } from './format';

export type Locale = 'en' | 'zh-CN' | 'qps';
export type Params = Record<string, string | number>;

/** The locales a learner can pick, each named in its own language. */
export const pickableLocales: { id: Locale; name: string }[] = [
  { id: 'en', name: 'English' },
  { id: 'zh-CN', name: '简体中文' },
];

type Language = Exclude<Locale, 'qps'>;
type Catalogue = Record<string, string>;

/**
 * What a page shows: `player`, a drawn walk's messages (the embed without its manifests tab);
 * `all`, with the text's problems, the dialogs and the CLI's words too.
 */
export type CataloguePart = 'player' | 'all';
type Piece = 'player' | 'app';

const pieces: Record<Language, Record<Piece, () => Promise<Catalogue>>> = {
  en: { player: () => import('./en').then((m) => m.en), app: () => import('./en.app').then((m) => m.enApp) },
  'zh-CN': { player: () => import('./zh-CN').then((m) => m.zhCN), app: () => import('./zh-CN.app').then((m) => m.zhCNApp) },
};
const piecesOf = (part: CataloguePart): Piece[] => (part === 'all' ? ['player', 'app'] : ['player']);

const catalogues: Partial<Record<Language, Catalogue>> = {};
const arrived: Record<Language, Set<Piece>> = { en: new Set(), 'zh-CN': new Set() };
const loading: Partial<Record<`${Language}:${Piece}`, Promise<void>>> = {};

/** The pseudo-locale shows the English text. */
const languageOf = (locale: Locale): Language => (locale === 'qps' ? 'en' : locale);

/** Whether `t` can already show this locale's text for that part of the interface. */
export function catalogueLoaded(locale: Locale, part: CataloguePart = 'all'): boolean {
  const language = languageOf(locale);
  return piecesOf(part).every((piece) => arrived[language].has(piece));
}

/** Loads a locale's catalogue, or the player's part of it, once (later calls share the first request). */
export function loadCatalogue(locale: Locale, part: CataloguePart = 'all'): Promise<void> {
  const language = languageOf(locale);
  return Promise.all(piecesOf(part).map((piece) => loadPiece(language, piece))).then(() => undefined);
}

function loadPiece(language: Language, piece: Piece): Promise<void> {
  const id = `${language}:${piece}` as const;
  loading[id] ??= pieces[language][piece]().then(
    (records) => {
      catalogues[language] = { ...catalogues[language], ...records };
      arrived[language].add(piece);
    },
    (err: unknown) => {
      // A failed download (offline) may be retried by the next switch.
      delete loading[id];
      throw err;
    },
  );
  return loading[id];
}

function lookup(locale: Locale, key: string): string | undefined {
  return catalogues[languageOf(locale)]?.[key] ?? catalogues.en?.[key];
}

/**
 * Translates a key. Keys come from the catalogue (typed) or from the model as strings
 * (a diagnostic code, an explanation); an unknown key, or one whose catalogue has not been
 * loaded, renders as itself, never throws.
 */
export function t(locale: Locale, key: MessageKey | (string & {}), params?: Params): string {
  const template = lookup(locale, key);
  const text = template === undefined ? key : format(template, params, lookup(locale, 'value.elided'));
  return locale === 'qps' ? `⟦${text}⟧` : text;
}

/** Model keys arrive with or without their catalogue prefix; the catalogue always has it. */
function prefixed(prefix: string, key: string): string {
  return key.startsWith(`${prefix}.`) ? key : `${prefix}.${key}`;
}

/** A key that must be in the catalogues: a `diag.<code>` they lack fails tsc here, naming it. */
type Catalogued<K extends MessageKey> = K;
/** The message of every code the model declares (src/model/diagnosticCodes.ts). */
export type DiagnosticKey = Catalogued<`diag.${DiagnosticCode}`>;

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

const locales: readonly Locale[] = ['en', 'zh-CN', 'qps'];

/** Whether a value from outside the code (the address, storage) names a locale: anything else is ignored, never cast. */
export function isLocale(value: unknown): value is Locale {
  return locales.some((l) => l === value);
}

/**
 * The locale a visit starts in: an explicit `?lang=`, else the learner's last pick (`remembered`,
 * from storage), else the browser's language. A value that names no locale is passed over.
 */
export function initialLocale(search: string, languages: readonly string[], remembered: string | null = null): Locale {
  const asked = new URLSearchParams(search).get('lang');
  if (isLocale(asked)) return asked;
  if (isLocale(remembered)) return remembered;
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

/** `lang` attribute for the document. */
export function htmlLang(locale: Locale): string {
  return locale === 'qps' ? 'en-XA' : locale;
}
