// The page events that keep the learner's text safe: a waiting edit is written when the page is
// hidden or closed (no pause in typing will come), and another tab's writes reach the store. A
// page closed while the worker computes was not frozen by it: the next visit derives as usual.

import type { AppStore } from './appStore';

/** The part of `window` this needs (an EventTarget in tests). */
export interface PageEvents {
  addEventListener: (type: string, listener: (e: Event) => void) => void;
  document: { visibilityState: DocumentVisibilityState; addEventListener: (type: string, listener: () => void) => void };
}

export function watchPage(store: AppStore, page: PageEvents): void {
  const save = () => store.getState().saveText();
  page.addEventListener('pagehide', () => {
    save();
    store.getState().pageLeft();
  });
  page.document.addEventListener('visibilitychange', () => {
    if (page.document.visibilityState === 'hidden') save();
  });
  page.addEventListener('storage', (e) => {
    const { key, newValue } = e as StorageEvent;
    // key is null when another tab cleared the whole storage: nothing of theirs to offer.
    if (key?.startsWith('packetwalk:')) store.getState().heardElsewhere(key, newValue);
  });
}
