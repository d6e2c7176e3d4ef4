// The learner's YAML. Every change re-derives the model at once and is written to storage once
// typing pauses (textSaver.ts). Another tab's write of the same text is followed when this tab has
// no edit of its own, and otherwise offered to the learner as theirs, never dropped silently.

import { pasteChars } from '../derive';
import { load, storageKeys, textKey } from '../storage';
import { createTextSaver, type TextSaver } from '../textSaver';
import type { AppState, GetState, Rederive, SetState, StoreDeps, TextSlice } from '../types';

/** The saver of the store's text, telling the store what became of each write. */
export function textSaverFor(set: SetState, get: GetState, deps: StoreDeps): TextSaver {
  const saver: TextSaver = createTextSaver(deps.storage, {
    saved: (ok) => {
      if (get().saveFailed !== !ok) set({ saveFailed: !ok });
    },
    conflict: (key, text) => {
      saver.hold(true);
      set({ theirs: { key, text } });
    },
  });
  return saver;
}

/** The key whose changes by another tab change the text this tab shows. */
function watchedKey(s: AppState): string {
  if (s.shared) return storageKeys.text;
  // A scenario's edit, even while this tab shows it as shipped.
  if (s.scenario) return storageKeys.draft(s.scenario);
  return storageKeys.mine;
}

export function createTextSlice(set: SetState, get: GetState, deps: StoreDeps, rederive: Rederive, saver: TextSaver): TextSlice {
  /** Shows another tab's text as this tab's own (it is already stored). */
  const follow = (text: string) => {
    const { scenario, shared } = get();
    if (!shared) set(scenario ? { edited: true } : { mine: text });
    rederive(text);
  };

  return {
    text: '',
    fileName: 'manifests.yaml',
    restored: false,
    deriving: false,
    saveFailed: false,
    theirs: null,
    setText: (text) => {
      const { scenario, shared } = get();
      // An edit of a shared text is kept as the editor's text only: a link never replaces the
      // learner's own manifests nor their draft of the scenario it was made from.
      // An edit of a scenario stays that scenario's; anything else is the learner's own.
      if (!shared) set(scenario ? { edited: true } : { mine: text });
      const first: [string, string][] = shared
        ? [
            [storageKeys.scenario, scenario ?? ''],
            [storageKeys.shared, '1'],
          ]
        : [];
      const pasted = Math.abs(text.length - get().text.length) > pasteChars;
      saver.queue(textKey(get()), text, first);
      // A paste is stored before it is computed: should computing it stop the page, the next
      // visit opens this text in safe mode rather than losing it for the one before.
      if (pasted) saver.flush();
      rederive(text);
    },
    saveText: () => saver.flush(),
    heardElsewhere: (key, value) => {
      saver.heard(key, value);
      const s = get();
      const watched = watchedKey(s);
      // Their own manifests changed while this tab shows something else: "back to mine" brings theirs.
      if (key === storageKeys.mine && watched !== key) return set({ mine: value });
      if (key !== watched || !value) return;
      // The loose text is this tab's only while the stored pointer still says it is a shared edit.
      if (key === storageKeys.text && load(deps.storage, storageKeys.shared) !== '1') return;
      const mine = saver.waiting();
      // The other tab now holds this very text: nothing is left to save or to choose.
      if (value === s.text) {
        if (mine?.key === key) saver.drop();
        if (s.theirs?.key === key) {
          saver.hold(false);
          set({ theirs: null });
        }
        return;
      }
      if (mine || s.theirs) {
        saver.hold(true);
        return set({ theirs: { key, text: value } });
      }
      follow(value);
    },
    keepMine: () => {
      if (!get().theirs) return;
      saver.hold(false);
      set({ theirs: null });
      saver.flush();
    },
    takeTheirs: () => {
      const { theirs } = get();
      if (!theirs) return;
      saver.drop();
      saver.hold(false);
      set({ theirs: null, saveFailed: false });
      if (theirs.key === watchedKey(get())) follow(theirs.text);
    },
  };
}
