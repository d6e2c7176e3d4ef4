// -m mark --mark VALUE[/MASK]: (skb->mark & mask) == value. A full mask is not printed.

import { hex, issue, not, parseUint, type MatchModule } from './module';

export interface MarkValue {
  value: number;
  mask: number;
}

export function parseMarkValue(text: string): MarkValue | undefined {
  const [v, m, extra] = text.split('/');
  const value = parseUint(v);
  const mask = m === undefined ? 0xffffffff : parseUint(m);
  return value === undefined || mask === undefined || extra !== undefined ? undefined : { value, mask };
}

interface MarkState extends Partial<MarkValue> {
  invert: boolean;
}

export const markMatch: MatchModule<MarkState> = {
  name: 'mark',
  options: { mark: 1 },
  invertible: ['mark'],
  init: () => ({ invert: false }),
  option(state, _name, values, invert) {
    const parsed = parseMarkValue(values[0]);
    if (!parsed) return issue('netfilter.badValue', { option: '--mark', value: values[0] });
    Object.assign(state, parsed, { invert });
    return undefined;
  },
  finish: (state) => (state.value === undefined ? issue('netfilter.missingOption', { module: 'mark', option: '--mark' }) : undefined),
  save: (state) => `${not(state.invert)} --mark ${hex(state.value!)}${state.mask === 0xffffffff ? '' : `/${hex(state.mask!)}`}`,
  match: (state, { packet }) => ((packet.mark & state.mask!) >>> 0 === state.value) !== state.invert,
};
