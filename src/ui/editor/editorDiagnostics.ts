// Model diagnostics -> CodeMirror lint diagnostics, with the translated message; one with a fix
// offers "Apply fix" in its tooltip too.

import type { Diagnostic as LintDiagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import { t, translateDiagnostic, type Locale } from '../../i18n/i18n';
import type { Diagnostic, TextFix } from '../../model';

export function toLint(
  diagnostics: readonly Diagnostic[],
  doc: Text,
  file: string,
  locale: Locale,
  applyFix: (fix: TextFix) => void,
): LintDiagnostic[] {
  return diagnostics
    .filter((d) => d.file === file || d.file === '')
    .map((d) => {
      const from = Math.min(Math.max(d.offset, 0), doc.length);
      // Without an end, mark the rest of the line so the squiggle is visible.
      const to = Math.min(Math.max(d.endOffset ?? doc.lineAt(from).to, from), doc.length);
      const lint: LintDiagnostic = { from, to, severity: d.severity, message: translateDiagnostic(locale, d), source: d.code };
      const { fix } = d;
      if (fix) lint.actions = [{ name: t(locale, 'ui.fix.apply'), apply: () => applyFix(fix) }];
      return lint;
    });
}
