// The learner's YAML. Every change is persisted at once and re-derives the model.

import { chooseShown, layoutPatch, tracePatch } from '../derive';
import type { GetState, SetState, StoreDeps, TextSlice } from '../types';

export const textStorageKey = 'packetwalk:text';

export function createTextSlice(set: SetState, get: GetState, deps: StoreDeps): TextSlice {
  return {
    text: '',
    fileName: 'manifests.yaml',
    restored: false,
    setText: (text) => {
      try {
        deps.storage?.setItem(textStorageKey, text);
      } catch {
        // Storage full or blocked: the text still lives in memory and in the editor.
      }
      const s = get();
      let model;
      try {
        model = deps.deriveModel([{ name: s.fileName, text }]);
      } catch (err) {
        console.error('deriveModel failed', err);
        set({ text });
        return;
      }
      const { shown, stale } = chooseShown(s.shown, model);
      const next = { ...get(), text, model, shown, stale };
      if (shown !== s.shown) Object.assign(next, layoutPatch(next));
      Object.assign(next, tracePatch(next, deps));
      set(next);
    },
  };
}
