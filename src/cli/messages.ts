// The CLI speaks English; it translates the model's message keys with the same catalogue as the UI.
import { en } from '../i18n/en';
import { format } from '../i18n/format';
import type { Diagnostic } from '../model';

export function message(key: string, params: Record<string, string | number> = {}): string {
  const template = (en as Record<string, string>)[key];
  return template === undefined ? `${key} ${JSON.stringify(params)}` : format(template, params);
}

/** `file:line:col: severity: message`, the form editors and CI logs understand. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${d.severity}: ${message(`diag.${d.code}`, d.params)}`;
}
