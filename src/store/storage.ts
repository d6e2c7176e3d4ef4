// Where the learner's text lives between visits. Storage may be full, blocked or absent:
// then the text still lives in memory and in the editor.

import type { StoreDeps } from './types';

export const storageKeys = {
  /** The editor's text, whatever it is. */
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

export function save(storage: StoreDeps['storage'], key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Not remembered; still in memory.
  }
}

export function load(storage: StoreDeps['storage'], key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}
