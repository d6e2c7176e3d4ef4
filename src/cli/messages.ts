// The CLI speaks English; it translates the model's message keys with the same catalogue as the UI.
import { en } from '../i18n/en';
import { format } from '../i18n/format';
import type { Diagnostic } from '../model';
import { elide } from './errors';

export function message(key: string, params: Record<string, string | number> = {}): string {
  const template = (en as Record<string, string>)[key];
  return template === undefined ? `${key} ${JSON.stringify(params)}` : format(template, params);
}

/**
 * `file:line:col: severity: message`, the form editors and CI logs understand, on one line; a
 * message that carries more (the YAML a removed API becomes) follows it indented, so every line
 * that starts at the margin is one diagnostic. A value quoted from the input is cut when long.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const params = Object.fromEntries(Object.entries(d.params).map(([k, v]) => [k, typeof v === 'string' ? elide(v, 200) : v]));
  const [first, ...more] = message(`diag.${d.code}`, params).trimEnd().split('\n');
  const where = d.file ? `${d.file}:${d.line}:${d.col}` : 'packetwalk';
  return [`${where}: ${d.severity}: ${first}`, ...more.map((line) => (line ? `    ${line}` : line))].join('\n');
}
