// Decodes a positioned YAML node against a FieldSpec, reporting problems where they
// are in the text. Like the API server, `null` and "" mean "not set".

import type { Diagnostic, DiagnosticCode, DiagnosticParams, Severity } from '../diagnostics';
import type { FieldSpec, Fields } from './fieldSpec';
import { FORMATS, type Format } from './formats';
import type { LineIndex } from './lineIndex';
import type { YMap, YNode } from './yamlTree';

/** A present value that failed validation (already reported). */
export const INVALID = Symbol('invalid');
export type Decoded = unknown;

/** Where decoding problems go: offsets are in the text the node was read from. */
export interface Reports {
  report(severity: Severity, code: DiagnosticCode, params: DiagnosticParams, start: number, end?: number): void;
}

export class Reporter implements Reports {
  constructor(
    readonly lines: LineIndex,
    readonly diagnostics: Diagnostic[],
  ) {}

  /** Returns the diagnostic made, so that a fix can be given to it. */
  report(severity: Severity, code: DiagnosticCode, params: DiagnosticParams, start: number, end?: number): Diagnostic {
    const d: Diagnostic = { severity, code, params, ...this.lines.pos(start) };
    if (end !== undefined && end > start) d.endOffset = end;
    this.diagnostics.push(d);
    return d;
  }
}

const TYPE_NAMES: Record<FieldSpec['type'], string> = {
  string: 'string',
  integer: 'integer',
  boolean: 'boolean',
  intOrString: 'integer or string',
  object: 'object',
  array: 'array',
  stringMap: 'map of strings',
  stringArray: 'array of strings',
  ignored: 'any',
};

function actualType(node: YNode): string {
  if (node.kind === 'map') return 'object';
  if (node.kind === 'seq') return 'array';
  return typeof node.value;
}

function isNull(node: YNode | undefined): boolean {
  return node === undefined || (node.kind === 'scalar' && node.value === null);
}

/**
 * Decodes `node` (undefined when the field is absent). `path` is kubectl's display
 * path (`.spec.ports[0].port`); `anchor` is where a missing field is reported.
 * Returns undefined when not set, INVALID when set but unusable.
 */
export function decode(node: YNode | undefined, spec: FieldSpec, path: string, anchor: number, r: Reports): Decoded {
  if (node === undefined || isNull(node)) return undefined;
  switch (spec.type) {
    case 'ignored':
      return undefined;
    case 'string': {
      if (node.kind !== 'scalar' || typeof node.value !== 'string') return typeError(node, spec, path, r);
      if (node.value === '') return undefined;
      return checkString(node.value, spec.enum, spec.format, path, node, r);
    }
    case 'integer':
      if (node.kind !== 'scalar' || typeof node.value !== 'number' || !Number.isInteger(node.value)) return typeError(node, spec, path, r);
      return checkRange(node.value, spec.min, spec.max, path, node, r);
    case 'boolean':
      if (node.kind !== 'scalar' || typeof node.value !== 'boolean') return typeError(node, spec, path, r);
      return node.value;
    case 'intOrString':
      if (node.kind !== 'scalar') return typeError(node, spec, path, r);
      if (typeof node.value === 'number' && Number.isInteger(node.value)) return checkRange(node.value, spec.min, spec.max, path, node, r);
      if (typeof node.value === 'string')
        return node.value === '' ? undefined : checkString(node.value, undefined, spec.format, path, node, r);
      return typeError(node, spec, path, r);
    case 'stringArray': {
      if (node.kind !== 'seq') return typeError(node, spec, path, r);
      const item: FieldSpec = { type: 'string', format: spec.format };
      const out: string[] = [];
      node.items.forEach((n, i) => {
        const v = decode(n, item, `${path}[${i}]`, n.start, r);
        if (typeof v === 'string') out.push(v);
      });
      return out;
    }
    case 'stringMap':
      return node.kind === 'map' ? decodeStringMap(node, spec.keyFormat, spec.valueFormat, path, r) : typeError(node, spec, path, r);
    case 'array': {
      if (node.kind !== 'seq') return typeError(node, spec, path, r);
      const out: unknown[] = [];
      node.items.forEach((item, i) => {
        const v = decode(item, spec.items, `${path}[${i}]`, item.start, r);
        if (v !== INVALID && v !== undefined) out.push(v);
      });
      if (spec.minItems !== undefined && out.length < spec.minItems) {
        // Items dropped for their own errors were reported already.
        if (out.length === node.items.length) r.report('error', 'field.required', { path }, anchor);
        return INVALID;
      }
      return out;
    }
    case 'object':
      return node.kind === 'map' ? decodeObject(node, spec.fields, path, anchor, r) : typeError(node, spec, path, r);
  }
}

function typeError(node: YNode, spec: FieldSpec, path: string, r: Reports): typeof INVALID {
  r.report('error', 'field.type', { path, expected: TYPE_NAMES[spec.type], actual: actualType(node) }, node.start, node.end);
  return INVALID;
}

const requiredNames = new WeakMap<Fields, string[]>();

function decodeObject(node: YMap, fields: Fields, path: string, anchor: number, r: Reports): Decoded {
  const out: Record<string, unknown> = {};
  let failed: string[] | undefined;
  for (const p of node.pairs) {
    // Own fields only: `constructor` or `toString` must be unknown, not Object.prototype's.
    const field = Object.hasOwn(fields, p.key) ? fields[p.key] : undefined;
    const at = `${path}.${p.key}`;
    if (!field) {
      r.report('warning', 'field.unknown', { path: at }, p.keyStart, p.keyEnd);
      continue;
    }
    const v = decode(p.value, field, at, p.keyStart, r);
    if (v === INVALID) (failed ??= []).push(p.key);
    else if (v !== undefined) out[p.key] = v;
  }
  let required = requiredNames.get(fields);
  if (!required) requiredNames.set(fields, (required = Object.keys(fields).filter((k) => fields[k].required)));
  let invalid = false;
  for (const name of required) {
    if (name in out) continue;
    if (!failed?.includes(name)) r.report('error', 'field.required', { path: `${path}.${name}` }, anchor);
    invalid = true;
  }
  return invalid ? INVALID : out;
}

function decodeStringMap(
  node: YMap,
  keyFormat: Format | undefined,
  valueFormat: Format | undefined,
  path: string,
  r: Reports,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of node.pairs) {
    const at = `${path}.${p.key}`;
    if (keyFormat && !FORMATS[keyFormat].check(p.key)) {
      r.report('error', FORMATS[keyFormat].code, { path: at, value: p.key }, p.keyStart, p.keyEnd);
      continue;
    }
    const v = p.value;
    if (isNull(v)) setOwn(out, p.key, '');
    else if (v.kind === 'scalar' && (typeof v.value === 'boolean' || typeof v.value === 'number')) {
      // The classic: `ssl-redirect: true` is a YAML boolean, and the API server refuses it. Say how to fix it.
      r.report('error', 'field.unquoted', { path: at, value: v.written ?? String(v.value), actual: actualType(v) }, v.start, v.end);
    } else if (v.kind !== 'scalar' || typeof v.value !== 'string')
      r.report('error', 'field.type', { path: at, expected: 'string', actual: actualType(v) }, v.start, v.end);
    else if (valueFormat && !FORMATS[valueFormat].check(v.value))
      r.report('error', FORMATS[valueFormat].code, { path: at, value: v.value }, v.start, v.end);
    else setOwn(out, p.key, v.value);
  }
  return out;
}

/** A key the learner wrote is an own property: assigning `__proto__` would set the prototype instead and lose the entry. */
function setOwn(out: Record<string, string>, key: string, value: string): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

function checkString(
  value: string,
  allowed: readonly string[] | undefined,
  format: Format | undefined,
  path: string,
  node: YNode,
  r: Reports,
): Decoded {
  if (allowed && !allowed.includes(value)) {
    r.report('error', 'field.enum', { path, value, allowed: allowed.map((a) => `"${a}"`).join(', ') }, node.start, node.end);
    return INVALID;
  }
  if (format && !FORMATS[format].check(value)) {
    r.report('error', FORMATS[format].code, { path, value }, node.start, node.end);
    return INVALID;
  }
  return value;
}

function checkRange(value: number, min: number | undefined, max: number | undefined, path: string, node: YNode, r: Reports): Decoded {
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    r.report('error', 'field.range', { path, value, min: min ?? '', max: max ?? '' }, node.start, node.end);
    return INVALID;
  }
  return value;
}
