// The gallery: loading a scenario replaces the editor's text, never the learner's own
// manifests (kept under their own key) nor their edits of a scenario (kept per scenario).

import { load, save, storageKeys } from '../storage';
import type { GallerySlice, GetState, Rederive, SetState, StoreDeps } from '../types';

export function createGallerySlice(set: SetState, get: GetState, deps: StoreDeps, rederive: Rederive): GallerySlice {
  /** Shows a text as a fresh start: the default packet, no what-ifs. */
  const show = (text: string, patch: Pick<GallerySlice, 'scenario' | 'edited'>) => {
    save(deps.storage, storageKeys.text, text);
    save(deps.storage, storageKeys.scenario, patch.scenario ?? '');
    set({ ...patch, whatIf: {}, specChosen: false, selectedStep: 0 });
    rederive(text);
  };
  return {
    gallery: [],
    scenario: null,
    edited: false,
    mine: null,
    setGallery: (gallery) => set({ gallery }),
    openScenario: (id, original) => {
      const draft = load(deps.storage, storageKeys.draft(id));
      show(draft || original, { scenario: id, edited: !!draft && draft !== original });
    },
    resetScenario: (original) => {
      const { scenario } = get();
      if (!scenario) return;
      save(deps.storage, storageKeys.draft(scenario), '');
      show(original, { scenario, edited: false });
    },
    backToMine: () => show(get().mine ?? '', { scenario: null, edited: false }),
  };
}
