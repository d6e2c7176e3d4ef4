// MARK (and CONNMARK) options. The kernel keeps one form, mark = (mark & ~mask) ^ value,
// so every spelling comes back from iptables-save as --set-xmark VALUE/MASK.

import { hex, issue, type Issue, type TargetModule } from './module';
import { parseMarkValue } from './mark';

export interface Xmark {
  value: number;
  mask: number;
}

export const markOptions = { 'set-xmark': 1, 'set-mark': 1, 'and-mark': 1, 'or-mark': 1, 'xor-mark': 1 };

export function parseMarkOption(state: Partial<Xmark>, name: string, values: string[]): Issue | undefined {
  if (state.value !== undefined) return issue('netfilter.conflictingOptions', { a: '--set-xmark', b: `--${name}` });
  const parsed = parseMarkValue(values[0]);
  const bad = issue('netfilter.badValue', { option: `--${name}`, value: values[0] });
  if (!parsed) return bad;
  const bare = !values[0].includes('/');
  let x: Xmark;
  switch (name) {
    case 'set-xmark':
      x = parsed;
      break;
    case 'set-mark': // value/mask: clear the mask bits, then set value
      x = { value: parsed.value, mask: (parsed.mask | parsed.value) >>> 0 };
      break;
    case 'and-mark':
      if (!bare) return bad;
      x = { value: 0, mask: ~parsed.value >>> 0 };
      break;
    case 'or-mark':
      if (!bare) return bad;
      x = { value: parsed.value, mask: parsed.value };
      break;
    default: // xor-mark
      if (!bare) return bad;
      x = { value: parsed.value, mask: 0 };
  }
  Object.assign(state, x);
  return undefined;
}

export function saveXmark(state: Partial<Xmark>): string {
  return ` --set-xmark ${hex(state.value!)}/${hex(state.mask!)}`;
}

export function applyXmark(mark: number, x: Xmark): number {
  return ((mark & ~x.mask) ^ x.value) >>> 0;
}

export const markTarget: TargetModule<Partial<Xmark>> = {
  name: 'MARK',
  options: markOptions,
  init: () => ({}),
  option: parseMarkOption,
  finish: (state) => (state.value === undefined ? issue('netfilter.missingOption', { module: 'MARK', option: '--set-xmark' }) : undefined),
  save: saveXmark,
  apply(state, { packet }) {
    const to = applyXmark(packet.mark, state as Xmark);
    return { effect: { kind: 'mark', from: packet.mark, to }, packet: { ...packet, mark: to } };
  },
};
