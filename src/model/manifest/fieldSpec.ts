// A small declarative description of an API type's fields, enough to decode YAML
// the way the API server does with strict field validation: unknown fields, wrong
// types, missing required fields, enums, ranges and string formats.

import type { Format } from './formats';

interface Common {
  /** Missing or invalid makes the enclosing object invalid (it is dropped). */
  required?: boolean;
}

export type FieldSpec = Common &
  (
    | { type: 'string'; enum?: readonly string[]; format?: Format }
    | { type: 'integer'; min?: number; max?: number }
    | { type: 'boolean' }
    | { type: 'intOrString'; min?: number; max?: number; format?: Format }
    | { type: 'object'; fields: Fields }
    | { type: 'array'; items: FieldSpec; minItems?: number }
    | { type: 'stringMap'; keyFormat?: Format; valueFormat?: Format }
    | { type: 'stringArray'; format?: Format }
    /** A real API field PacketWalk does not model: accepted as is, not kept. */
    | { type: 'ignored' }
  );

export type Fields = Readonly<Record<string, FieldSpec>>;

const INT32_MAX = 2147483647;

export const ignored: FieldSpec = { type: 'ignored' };
export const bool: FieldSpec = { type: 'boolean' };
export const str = (opts: { format?: Format; required?: boolean } = {}): FieldSpec => ({ type: 'string', ...opts });
export const oneOf = (values: readonly string[], opts: { required?: boolean } = {}): FieldSpec => ({
  type: 'string',
  enum: values,
  ...opts,
});
export const int = (min = -INT32_MAX - 1, max = INT32_MAX, opts: { required?: boolean } = {}): FieldSpec => ({
  type: 'integer',
  min,
  max,
  ...opts,
});
export const port = (opts: { required?: boolean } = {}): FieldSpec => ({ type: 'integer', min: 1, max: 65535, ...opts });
export const obj = (fields: Fields, opts: { required?: boolean } = {}): FieldSpec => ({ type: 'object', fields, ...opts });
export const arr = (items: FieldSpec, opts: { required?: boolean; minItems?: number } = {}): FieldSpec => ({
  type: 'array',
  items,
  ...opts,
});
export const strings = (format?: Format): FieldSpec => ({ type: 'stringArray', format });
export const stringMap = (keyFormat?: Format, valueFormat?: Format): FieldSpec => ({ type: 'stringMap', keyFormat, valueFormat });
export const labels = stringMap('labelKey', 'labelValue');
export const required = (spec: FieldSpec): FieldSpec => ({ ...spec, required: true });
/** Fields that exist in the API but matter nothing to networking: accepted, not kept. */
export const ignoring = (...names: string[]): Fields => Object.fromEntries(names.map((n) => [n, ignored]));
