// What each supported kind provides: its group/version, its fields, and a finishing
// step for what a field spec cannot say (API server defaults, cross-field checks).

import type { DiagnosticParams, Severity } from '../../diagnostics';
import type { Fields } from '../fieldSpec';
import type { KubeObject } from '../types';
import type { YNode } from '../yamlTree';

export interface FinishContext {
  /** Reports at the field `path` (dotted, relative to the object, `spec.ports.0.name`); params.path is filled in. */
  report(severity: Severity, code: string, params: DiagnosticParams, path: string): void;
  /** Whether `path` is written in the text with a non-null value. */
  written(path: string): boolean;
}

export interface KindDecoder<T extends KubeObject = KubeObject> {
  apiVersion: T['apiVersion'];
  kind: T['kind'];
  namespaced: boolean;
  fields: Fields;
  /** Applies defaults and checks on a decoded object; undefined drops it. */
  finish(object: T, c: FinishContext): T | undefined;
  /** For a removed apiVersion the learner may still paste (old blog posts): the error that shows the current form. */
  migrate?(node: YNode, apiVersion: string): { code: string; params: DiagnosticParams } | undefined;
}

/** kubectl's way of writing a field path: `.spec.ports[0].name`. */
export function displayPath(dotted: string): string {
  return dotted
    .split('.')
    .map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`))
    .join('');
}

export const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
