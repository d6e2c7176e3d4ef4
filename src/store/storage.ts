// Where the learner's text lives between visits. Storage may be full, blocked or absent:
// then the text still lives in memory and in the editor, and the store says it is not saved.
//
// The editor's text is kept under ONE key, the one its place names (see `textKey`): the learner's
// own manifests, their edit of a scenario, or — for a text with no place of its own (a scenario as
// shipped, an edit of a shared link) — `packetwalk:text`. `packetwalk:scenario` and
// `packetwalk:shared` are the pointer saying which. Earlier versions wrote the text under
// `packetwalk:text` too on every keystroke; those copies were always equal to the place's, so
// reading the place first and `packetwalk:text` second restores every earlier layout as it was.

import type { StoreDeps } from './types';

export const storageKeys = {
  /** The editor's text when no other key holds it (and, in earlier layouts, always). */
  text: 'packetwalk:text',
  /** The gallery scenario in the editor ('' = the learner's own manifests). */
  scenario: 'packetwalk:scenario',
  /** The learner's own manifests. */
  mine: 'packetwalk:mine',
  /** '1' while the editor's text is the learner's edit of a text opened from a link. */
  shared: 'packetwalk:shared',
  /** The learner's edit of one scenario. */
  draft: (id: string) => `packetwalk:draft:${id}`,
} as const;

type Storage = StoreDeps['storage'];

/** Whether the value was stored (false: full, blocked, or no storage at all). */
export function save(storage: Storage, key: string, value: string): boolean {
  try {
    if (!storage) return false;
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export function load(storage: Storage, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** What decides where the editor's text is kept. */
export interface TextPlace {
  scenario: string | null;
  shared: boolean;
  edited: boolean;
}

/** The one key the editor's text is kept under. */
export function textKey({ scenario, shared, edited }: TextPlace): string {
  if (shared) return storageKeys.text;
  if (scenario) return edited ? storageKeys.draft(scenario) : storageKeys.text;
  return storageKeys.mine;
}

/** The last visit's text and its place, from this layout or an earlier one. */
export interface SavedText {
  /** null: nothing was saved. */
  text: string | null;
  scenario: string | null;
  shared: boolean;
  edited: boolean;
  mine: string | null;
}

export function readSaved(read: (key: string) => string | null): SavedText {
  const scenario = read(storageKeys.scenario) || null;
  const shared = read(storageKeys.shared) === '1';
  const loose = read(storageKeys.text);
  // Before the gallery, the one saved text was the learner's own.
  const mine = read(storageKeys.mine) ?? (scenario || shared ? null : loose);
  // An emptied draft is a scenario set back to as shipped.
  const draft = scenario && !shared ? read(storageKeys.draft(scenario)) || null : null;
  const text = shared ? loose : scenario ? (draft ?? loose) : mine;
  return { text, scenario, shared, edited: draft !== null, mine };
}
