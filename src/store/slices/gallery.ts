// The gallery: loading a scenario replaces the editor's text, never the learner's own
// manifests (kept under their own key) nor their edits of a scenario (kept per scenario).
// A text opened from a link is shown the same way but stores nothing until the learner edits it.

import { declaredWalk } from '../../model';
import { storageKeys, textKey } from '../storage';
import type { TextSaver } from '../textSaver';
import type { GallerySlice, GetState, Rederive, SetState } from '../types';

/** The what-ifs a text's `# packetwalk:` line asks for (none without one). */
const declaredWhatIf = (text: string) => declaredWalk([{ name: '', text }]).walk?.flags.whatIf ?? {};

export function createGallerySlice(set: SetState, get: GetState, saver: TextSaver, rederive: Rederive): GallerySlice {
  /** Shows a text as a fresh start: the packet and what-ifs it opens on. */
  const show = (text: string, patch: Pick<GallerySlice, 'scenario' | 'edited'>) => {
    // The edit being typed goes where it belongs before the place changes.
    saver.flush();
    // The pointer first: a tab hearing of the text then reads where it now belongs.
    const stored =
      saver.write(storageKeys.scenario, patch.scenario ?? '') &&
      saver.write(storageKeys.shared, '') &&
      saver.write(textKey({ ...patch, shared: false }), text);
    // A scenario as shipped can be fetched again: only the learner's own text is worth a warning.
    const theirOwn = patch.scenario ? patch.edited : text !== '';
    set({ ...patch, shared: false, saveFailed: !stored && theirOwn, whatIf: declaredWhatIf(text), specChosen: false, selectedStep: 0 });
    rederive(text);
  };
  return {
    gallery: [],
    scenario: null,
    edited: false,
    mine: null,
    shared: false,
    setGallery: (gallery) => set({ gallery }),
    openScenario: (id, original) => {
      const draft = saver.read(storageKeys.draft(id));
      show(draft || original, { scenario: id, edited: !!draft && draft !== original });
    },
    resetScenario: (original) => {
      const { scenario } = get();
      if (!scenario) return;
      // The edit still waiting is written first, so it cannot land after the reset.
      saver.flush();
      saver.write(storageKeys.draft(scenario), '');
      show(original, { scenario, edited: false });
    },
    backToMine: () => show(get().mine ?? '', { scenario: null, edited: false }),
    openShared: ({ text, scenario, spec, whatIf, layers, step }) => {
      // The editor's very text (the learner reloading their own address) stays theirs: only the view changes.
      const own = text === get().text;
      set({
        ...(own ? {} : { scenario, edited: false, shared: true }),
        whatIf,
        layers,
        spec,
        specChosen: !!spec,
        selectedStep: step,
        comparison: null,
        playing: false,
        until: null,
      });
      rederive(text);
    },
    tryWalk: (walk) => {
      const { text, spec } = get();
      if (!walk) {
        set({ whatIf: declaredWhatIf(text), specChosen: false, selectedStep: 0 });
      } else {
        // What the try leaves out stays as it is now: a new target keeps the source.
        const from = walk.from ?? spec?.from;
        const to = walk.to ?? spec?.to;
        if (!from || !to) return;
        const tried = {
          from,
          to,
          ...(walk.seed !== undefined ? { seed: walk.seed } : {}),
          ...(walk.endpoint ? { endpoint: walk.endpoint } : {}),
        };
        set({ whatIf: walk.whatIf, spec: tried, specChosen: true, selectedStep: 0 });
      }
      rederive(text);
    },
  };
}
