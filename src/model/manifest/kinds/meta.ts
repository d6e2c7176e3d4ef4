// ObjectMeta, label selectors and object references, shared by every kind.

import type { Format } from '../formats';
import { arr, bool, ignoring, labels, obj, oneOf, required, str, stringMap, strings, type FieldSpec } from '../fieldSpec';
import type { LabelSelector, Labels } from '../types';
import type { FinishContext } from './kindDecoder';

const metaFields = (nameFormat: Format, nameRequired: boolean) => ({
  name: str({ format: nameFormat, required: nameRequired }),
  generateName: str(),
  namespace: str({ format: 'dns1123Label' }),
  uid: str(),
  labels,
  annotations: stringMap('labelKey'),
  ownerReferences: arr(
    obj({
      apiVersion: required(str()),
      kind: required(str()),
      name: required(str()),
      uid: required(str()),
      controller: bool,
      blockOwnerDeletion: bool,
    }),
  ),
  creationTimestamp: str(),
  ...ignoring(
    'selfLink',
    'resourceVersion',
    'generation',
    'deletionTimestamp',
    'deletionGracePeriodSeconds',
    'finalizers',
    'managedFields',
  ),
});

/** An object's own metadata: the name is required (Services use a stricter name format). */
export const objectMeta = (nameFormat: Format = 'dns1123Subdomain'): FieldSpec => required(obj(metaFields(nameFormat, true)));

/** A pod template's metadata: no name needed. */
export const templateMeta: FieldSpec = obj(metaFields('dns1123Subdomain', false));

export const labelSelector = (opts: { required?: boolean } = {}): FieldSpec =>
  obj(
    {
      matchLabels: labels,
      matchExpressions: arr(
        obj({
          key: required(str({ format: 'labelKey' })),
          operator: required(oneOf(['In', 'NotIn', 'Exists', 'DoesNotExist'])),
          values: strings('labelValue'),
        }),
      ),
    },
    opts,
  );

export const objectReference: FieldSpec = obj({
  kind: str(),
  namespace: str(),
  name: str(),
  uid: str(),
  ...ignoring('apiVersion', 'resourceVersion', 'fieldPath'),
});

/** The checks ValidateLabelSelector does beyond field types (operators and their values). */
export function checkSelector(selector: LabelSelector, path: string, c: FinishContext): void {
  selector.matchExpressions?.forEach((e, i) => {
    const n = e.values?.length ?? 0;
    const needsValues = e.operator === 'In' || e.operator === 'NotIn';
    if (needsValues && n === 0) c.report('error', 'field.required', {}, `${path}.matchExpressions.${i}.values`);
    if (!needsValues && n > 0)
      c.report('error', 'selector.valuesForbidden', { operator: e.operator }, `${path}.matchExpressions.${i}.values`);
  });
}

/** Whether a label set satisfies a selector (an empty selector matches everything). */
export function selectorMatches(selector: LabelSelector, set: Labels): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (set[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(set, e.key);
    const inValues = has && (e.values ?? []).includes(set[e.key]);
    if (e.operator === 'In' && !inValues) return false;
    if (e.operator === 'NotIn' && inValues) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}
