// Extensions that only count or annotate (-m nfacct), and the stand-in for an
// extension the model does not know: its words are kept and printed back as written.

import { issue, type MatchModule } from './module';

export const nfacctMatch: MatchModule<{ name?: string }> = {
  name: 'nfacct',
  options: { 'nfacct-name': 1 },
  init: () => ({}),
  option(state, _name, values) {
    state.name = values[0];
    return undefined;
  },
  finish: (state) => (state.name ? undefined : issue('netfilter.missingOption', { module: 'nfacct', option: '--nfacct-name' })),
  // iptables-save 1.8.9 prints two spaces here (libxt_nfacct's "nfacct-name " then xtables_save_string's " %s").
  save: (state) => ` --nfacct-name  ${state.name}`,
  match: () => true,
};

export interface RawWords {
  words: string[];
}

const unknownModules = new WeakSet<object>();

/** An unknown `-m NAME`: the rule compiler feeds it the words no other extension claims. */
export function unknownMatch(name: string): MatchModule<RawWords> {
  const module: MatchModule<RawWords> = {
    name,
    options: {},
    init: () => ({ words: [] }),
    option: () => undefined,
    save: (state) => state.words.map((w) => ` ${w}`).join(''),
    match: () => undefined,
  };
  unknownModules.add(module);
  return module;
}

export function isUnknownMatch(module: object): boolean {
  return unknownModules.has(module);
}
