// Model diagnostics -> CodeMirror lint diagnostics, with the translated message.

import type { Diagnostic as LintDiagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import { translateDiagnostic, type Locale } from '../../i18n/i18n';
import type { Diagnostic } from '../../model';

export function toLint(diagnostics: readonly Diagnostic[], doc: Text, file: string, locale: Locale): LintDiagnostic[] {
  return diagnostics
    .filter((d) => d.file === file || d.file === '')
    .map((d) => {
      const from = Math.min(Math.max(d.offset, 0), doc.length);
      // Without an end, mark the rest of the line so the squiggle is visible.
      const to = Math.min(Math.max(d.endOffset ?? doc.lineAt(from).to, from), doc.length);
      return { from, to, severity: d.severity, message: translateDiagnostic(locale, d), source: d.code };
    });
}
