// What each supported kind provides: its group/version, its fields, and a finishing
// step for what a field spec cannot say (API server defaults, cross-field checks).

import type { DiagnosticCode, DiagnosticParams, Severity } from '../../diagnostics';
import type { Reports } from '../decode';
import type { Fields } from '../fieldSpec';
import type { KubeObject } from '../types';

export interface FinishContext {
  /**
   * Reports at the field `path` (dotted, relative to the object, `spec.ports.0.name`); params.path is
   * filled in. With `replacement`, the diagnostic's fix writes those objects in place of this one.
   */
  report(severity: Severity, code: DiagnosticCode, params: DiagnosticParams, path: string, replacement?: object[]): void;
  /** Whether `path` is written in the text with a non-null value. */
  written(path: string): boolean;
  /** For the string at `path` read as a text of its own: reports at offsets in that string, shown where they are in the file. */
  inside(path: string): Reports;
}

export interface KindDecoder<T extends KubeObject = KubeObject> {
  apiVersion: T['apiVersion'];
  kind: T['kind'];
  namespaced: boolean;
  fields: Fields;
  /** Applies defaults and checks on a decoded object; undefined drops it. */
  finish(object: T, c: FinishContext): T | undefined;
  /** Removed apiVersions the learner may still paste (old blog posts). */
  legacy?: LegacyVersions;
}

/** Old versions of a kind: decoded with their own fields, answered with the current form. */
export interface LegacyVersions {
  apiVersions: readonly string[];
  fields: Fields;
  /** The error about a decoded old object, with the current form to write in its place when it is whole. */
  migrate(old: Record<string, unknown>): { code: DiagnosticCode; params: DiagnosticParams; replacement?: object[] };
}

/** kubectl's way of writing a field path: `.spec.ports[0].name`. */
export function displayPath(dotted: string): string {
  return dotted
    .split('.')
    .map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`))
    .join('');
}

export const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
