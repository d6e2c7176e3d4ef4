// The learner's YAML. Every change is persisted at once and re-derives the model.

import { save, storageKeys } from '../storage';
import type { GetState, Rederive, SetState, StoreDeps, TextSlice } from '../types';

export const textStorageKey = storageKeys.text;

export function createTextSlice(set: SetState, get: GetState, deps: StoreDeps, rederive: Rederive): TextSlice {
  return {
    text: '',
    fileName: 'manifests.yaml',
    restored: false,
    deriving: false,
    setText: (text) => {
      const { scenario, shared } = get();
      save(deps.storage, storageKeys.text, text);
      // An edit of a shared text is kept as the editor's text only: a link never replaces the
      // learner's own manifests nor their draft of the scenario it was made from.
      if (shared) {
        save(deps.storage, storageKeys.scenario, scenario ?? '');
        save(deps.storage, storageKeys.shared, '1');
        rederive(text);
        return;
      }
      // An edit of a scenario stays that scenario's; anything else is the learner's own.
      if (scenario) save(deps.storage, storageKeys.draft(scenario), text);
      else save(deps.storage, storageKeys.mine, text);
      set(scenario ? { edited: true } : { mine: text });
      rederive(text);
    },
  };
}
