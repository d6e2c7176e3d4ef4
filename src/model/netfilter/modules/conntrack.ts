// -m conntrack --ctstate and its older alias -m state --state. The virtual states
// SNAT/DNAT mean the connection's source/destination was translated.

import type { CtInfo } from '../types';
import { issue, type MatchModule } from './module';

// libxt_conntrack prints states in this order.
const STATES = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'];

interface StateSel {
  states?: string[];
  invert: boolean;
}

function has(ct: CtInfo, state: string): boolean {
  if (state === 'SNAT') return ct.snat;
  if (state === 'DNAT') return ct.dnat;
  return ct.state === state;
}

function stateModule(name: 'conntrack' | 'state', option: string, allowed: string[]): MatchModule<StateSel> {
  return {
    name,
    options: { [option]: 1 },
    invertible: [option],
    init: () => ({ invert: false }),
    option(state, _name, values, invert) {
      const names = values[0].split(',').map((s) => s.toUpperCase());
      if (state.states) return issue('netfilter.duplicateOption', { option: `--${option}` });
      if (!names.every((s) => allowed.includes(s))) return issue('netfilter.badValue', { option: `--${option}`, value: values[0] });
      state.states = allowed.filter((s) => names.includes(s));
      state.invert = invert;
      return undefined;
    },
    finish: (state) => (state.states ? undefined : issue('netfilter.missingOption', { module: name, option: `--${option}` })),
    save: (state) => `${state.invert ? ' !' : ''} --${option} ${state.states!.join(',')}`,
    match: (state, { ct }) => state.states!.some((s) => has(ct, s)) !== state.invert,
  };
}

export const conntrackMatch = stateModule('conntrack', 'ctstate', STATES);
export const stateMatch = stateModule('state', 'state', STATES.slice(0, 5));
