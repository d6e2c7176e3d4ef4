// One store for the app, made by a factory so tests and the embed player get their own.

import { createStore, type StoreApi } from 'zustand/vanilla';
import { createCompareSlice, followComparison } from './slices/compare';
import { createEditorSlice } from './slices/editor';
import { createLocaleSlice } from './slices/locale';
import { createModelSlice } from './slices/model';
import { createPacketSlice } from './slices/packet';
import { createPickSlice } from './slices/pick';
import { createPlayheadSlice } from './slices/playhead';
import { createGallerySlice } from './slices/gallery';
import { createTextSlice } from './slices/text';
import { createRederive } from './derive';
import { load, storageKeys } from './storage';
import type { AppState, StoreDeps } from './types';

export type AppStore = StoreApi<AppState>;

/** The model functions come in as dependencies so tests can stand in for them. */
export function createAppStore(given: Pick<StoreDeps, 'deriveModel' | 'traceModel'> & Partial<StoreDeps>): AppStore {
  const deps: StoreDeps = { storage: null, locale: 'en', reducedMotion: false, ...given };
  const store = createStore<AppState>()((set, get) => {
    const rederive = createRederive(set, get, deps);
    return {
      ...createTextSlice(set, get, deps, rederive),
      ...createGallerySlice(set, get, deps, rederive),
      ...createModelSlice(set, get, rederive),
      ...createPacketSlice(set, get, deps),
      ...createPlayheadSlice(set, get, deps),
      ...createLocaleSlice(set, get, deps),
      ...createEditorSlice(set, get),
      ...createCompareSlice(set, get, deps),
      ...createPickSlice(set),
    };
  });
  store.subscribe((s, previous) => {
    const patch = followComparison(s, previous, deps);
    if (patch) store.setState(patch);
  });
  restore(store, deps);
  return store;
}

/** The last visit's text, which scenario it was (if any) and the learner's own manifests. */
function restore(store: AppStore, deps: StoreDeps): void {
  const text = load(deps.storage, storageKeys.text);
  const scenario = load(deps.storage, storageKeys.scenario) || null;
  // Before the gallery, the one saved text was the learner's own.
  const mine = load(deps.storage, storageKeys.mine) ?? (scenario ? null : text);
  store.setState({ mine, scenario, edited: !!scenario && !!load(deps.storage, storageKeys.draft(scenario)) });
  if (text === null) return;
  store.setState({ restored: true });
  createRederive(store.setState, store.getState, deps)(text);
}
