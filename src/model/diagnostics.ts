// Diagnostics are data: a code and parameters, never prose. The UI and the CLI
// translate them through i18n, so the model stays language-free.

import type { DiagnosticCode } from './diagnosticCodes';

export type { DiagnosticCode } from './diagnosticCodes';

export type Severity = 'error' | 'warning' | 'info';

/** A place in one input file. `line` and `col` are 1-based; `offset` is 0-based. */
export interface SourcePos {
  file: string;
  offset: number;
  line: number;
  col: number;
}

export type DiagnosticParams = Record<string, string | number>;

export interface Diagnostic extends SourcePos {
  severity: Severity;
  /** A DiagnosticCode, e.g. `yaml.syntax`, `field.unknown`; i18n has `diag.<code>`. */
  code: string;
  params: DiagnosticParams;
  /** End of the offending span (exclusive), when known. */
  endOffset?: number;
  /** A rewrite of the text that answers it (the UI applies it as it is, the CLI prints it). */
  fix?: TextFix;
}

/** Replace `[from, to)` of `file`'s text with `insert` (offsets in that text, 0-based). */
export interface TextFix {
  file: string;
  from: number;
  to: number;
  insert: string;
}

/** `text` with `fix` applied (its offsets are in `text`). */
export function applyTextFix(text: string, fix: Pick<TextFix, 'from' | 'to' | 'insert'>): string {
  return text.slice(0, fix.from) + fix.insert + text.slice(fix.to);
}

/** Where a decoded object came from, able to point at any of its fields. */
export interface SourceRef {
  file: string;
  /** Position of the object itself (its first key). */
  pos: SourcePos;
  /** Position of a field given as a dotted path (`spec.ports.0.targetPort`), or of its nearest ancestor. */
  at(path: string): SourcePos;
}

/**
 * A code written as a literal must be a DiagnosticCode (else tsc fails at the call); one built
 * at run time (a `string`) is taken as it is.
 */
export type KnownCode<C extends string> = C & (string extends C ? unknown : DiagnosticCode);

export function diagnostic<C extends string>(
  severity: Severity,
  code: KnownCode<C>,
  params: DiagnosticParams,
  pos: SourcePos,
  endOffset?: number,
): Diagnostic {
  const d: Diagnostic = { severity, code, params, file: pos.file, offset: pos.offset, line: pos.line, col: pos.col };
  if (endOffset !== undefined) d.endOffset = endOffset;
  return d;
}

/** A position for diagnostics about things that have no source text (defaults, controllers). */
export function nowhere(file = ''): SourcePos {
  return { file, offset: 0, line: 1, col: 1 };
}

/** Converts a 0-based offset into a 1-based line and column. */
export function positionOf(file: string, text: string, offset: number): SourcePos {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { file, offset: end, line, col: end - lineStart + 1 };
}
