// -m statistic --mode random --probability P. xt_statistic keeps P as a 31-bit
// fraction (round(P * 2^31)); iptables-save prints that fraction back with %.11f,
// which is why kube-proxy's 0.3333333333 comes back as 0.33333333349.

import { issue, type MatchModule } from './module';

const SCALE = 0x80000000;

interface StatisticState {
  mode?: 'random' | 'nth';
  /** round(P * 2^31), as the kernel stores it. */
  fraction?: number;
  invert: boolean;
  every?: number;
  packet?: number;
}

/** The kernel's representation of a probability: lround(p * 2^31). */
export function probabilityFraction(p: number): number {
  return Math.round(p * SCALE);
}

/** printf("%.11f", fraction / 2^31), exactly (ties to even, as glibc rounds the exact binary value). */
export function formatProbability(fraction: number): string {
  const scaled = BigInt(fraction) * 10n ** 11n;
  const den = BigInt(SCALE);
  let q = scaled / den;
  const r2 = (scaled % den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) q += 1n;
  const digits = q.toString().padStart(12, '0');
  return `${digits.slice(0, -11)}.${digits.slice(-11)}`;
}

export const statisticMatch: MatchModule<StatisticState> = {
  name: 'statistic',
  options: { mode: 1, probability: 1, every: 1, packet: 1 },
  invertible: ['probability', 'every'],
  init: () => ({ invert: false }),
  option(state, name, values, invert) {
    const v = values[0];
    if (name === 'mode') {
      if (v !== 'random' && v !== 'nth') return issue('netfilter.badValue', { option: '--mode', value: v });
      state.mode = v;
    } else if (name === 'probability') {
      const p = Number(v);
      if (!/^[0-9.eE+-]+$/.test(v) || !(p >= 0 && p <= 1)) return issue('netfilter.badValue', { option: '--probability', value: v });
      state.fraction = probabilityFraction(p);
      state.invert = invert;
    } else {
      const n = /^\d+$/.test(v) ? Number(v) : NaN;
      if (Number.isNaN(n)) return issue('netfilter.badValue', { option: `--${name}`, value: v });
      if (name === 'every') {
        state.every = n;
        state.invert = invert;
      } else state.packet = n;
    }
    return undefined;
  },
  finish(state) {
    if (state.mode === 'random' && state.fraction === undefined)
      return issue('netfilter.missingOption', { module: 'statistic', option: '--probability' });
    if (state.mode === 'nth' && state.every === undefined)
      return issue('netfilter.missingOption', { module: 'statistic', option: '--every' });
    return state.mode ? undefined : issue('netfilter.missingOption', { module: 'statistic', option: '--mode' });
  },
  save(state) {
    const inv = state.invert ? ' !' : '';
    if (state.mode === 'random') return ` --mode random${inv} --probability ${formatProbability(state.fraction!)}`;
    return ` --mode nth${inv} --every ${state.every}${state.packet ? ` --packet ${state.packet}` : ''}`;
  },
  match(state, { rule, ctx }) {
    if (state.mode !== 'random') return undefined; // nth needs packet counters the model does not keep
    return ctx.decideRandom(rule, state.fraction! / SCALE) !== state.invert;
  },
};
