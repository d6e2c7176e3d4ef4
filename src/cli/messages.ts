// The CLI speaks the shell's language (LC_ALL, LC_MESSAGES or LANG: zh* is Simplified Chinese,
// anything else English), with the same catalogues as the UI: the model's diagnostics and
// explanations, and its own messages (src/i18n/catalog/cli.ts).
import type { cliEn } from '../i18n/catalog/cli';
import type { envoyGatewayEn } from '../i18n/catalog/envoyGateway';
import { loadCatalogue, t, type Locale } from '../i18n/i18n';
import type { Diagnostic } from '../model';

let locale: Locale = 'en';

/** The language a shell's environment asks for. */
export function localeOf(env: Record<string, string | undefined>): Locale {
  const asked = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return asked.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Speak `next` from now on (its catalogue loaded, English for any key it lacks). */
export async function useLocale(next: Locale): Promise<void> {
  await loadCatalogue('en');
  if (next !== 'en') await loadCatalogue(next);
  locale = next;
}

/** One of the command's own messages. */
export function say(key: keyof typeof cliEn | keyof typeof envoyGatewayEn, params: Record<string, string | number> = {}): string {
  return t(locale, key, params);
}

/** A message of the model (a diagnostic, an explanation, an event); a key no catalogue has shows with its values. */
export function message(key: string, params: Record<string, string | number> = {}): string {
  const text = t(locale, key, params);
  return text === key ? `${key} ${JSON.stringify(params)}` : text;
}

/** A value from the command line or the input as a message quotes it: a long one is cut, saying how long it was. */
export function elide(value: string, most = 80): string {
  return value.length <= most ? value : say('cli.cut', { start: value.slice(0, most - 20), length: value.length.toLocaleString('en') });
}

/** "a, b, c", or the first ones and how many more when the list is long. */
export function listSome(names: readonly string[], most = 12): string {
  if (names.length === 0) return say('cli.none');
  const shown = names
    .slice(0, most)
    .map((name) => elide(name))
    .join(', ');
  return names.length > most ? say('cli.more', { shown, count: (names.length - most).toLocaleString('en') }) : shown;
}

/**
 * `file:line:col: severity: message`, the form editors and CI logs understand, on one line; a
 * message that carries more (the YAML a removed API becomes, the text its fix writes) follows it
 * indented, so every line that starts at the margin is one diagnostic. A value quoted from the
 * input is cut when long.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const params = Object.fromEntries(Object.entries(d.params).map(([k, v]) => [k, typeof v === 'string' ? elide(v, 200) : v]));
  const text = message(`diag.${d.code}`, params).trimEnd() + (d.fix ? `\n${d.fix.insert.trimEnd()}` : '');
  const [first, ...more] = text.split('\n');
  const where = d.file ? `${d.file}:${d.line}:${d.col}` : 'packetwalk';
  return [`${where}: ${d.severity}: ${first}`, ...more.map((line) => (line ? `    ${line}` : line))].join('\n');
}
