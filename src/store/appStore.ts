// One store for the app, made by a factory so tests and the embed player get their own.

import { createStore, type StoreApi } from 'zustand/vanilla';
import { comparisonToFollow, createCompareSlice } from './slices/compare';
import { createEditorSlice } from './slices/editor';
import { createLinkSlice } from './slices/link';
import { createLocaleSlice } from './slices/locale';
import { createModelSlice } from './slices/model';
import { createPacketSlice } from './slices/packet';
import { createPickSlice } from './slices/pick';
import { createPlayheadSlice } from './slices/playhead';
import { createGallerySlice } from './slices/gallery';
import { createTextSlice } from './slices/text';
import { createRederive } from './derive';
import { load, storageKeys } from './storage';
import type { AppState, Rederive, StoreDeps } from './types';

export type AppStore = StoreApi<AppState>;

/** The model functions come in as dependencies so tests can stand in for them. */
export function createAppStore(given: Pick<StoreDeps, 'deriveModel' | 'traceModel'> & Partial<StoreDeps>): AppStore {
  const deps: StoreDeps = { storage: null, locale: 'en', reducedMotion: false, ...given };
  // One rederive for the store's life, so the latest text wins even over the restored one.
  let rederive!: Rederive;
  const store = createStore<AppState>()((set, get) => {
    rederive = createRederive(set, get, deps);
    return {
      ...createTextSlice(set, get, deps, rederive),
      ...createGallerySlice(set, get, deps, rederive),
      ...createModelSlice(set, get, deps, rederive),
      ...createPacketSlice(set, get, deps),
      ...createPlayheadSlice(set, get, deps),
      ...createLocaleSlice(set, get, deps),
      ...createEditorSlice(set, get),
      ...createCompareSlice(set, get, deps),
      ...createPickSlice(set),
      ...createLinkSlice(set),
    };
  });
  store.subscribe((s, previous) => {
    const service = comparisonToFollow(s, previous);
    if (service) s.compareEtp(service);
  });
  restore(store, deps, rederive);
  return store;
}

/** The last visit's text, which scenario it was (if any), whether it came from a link, and the learner's own manifests. */
function restore(store: AppStore, deps: StoreDeps, rederive: Rederive): void {
  const text = load(deps.storage, storageKeys.text);
  const scenario = load(deps.storage, storageKeys.scenario) || null;
  const shared = load(deps.storage, storageKeys.shared) === '1';
  // Before the gallery, the one saved text was the learner's own.
  const mine = load(deps.storage, storageKeys.mine) ?? (scenario || shared ? null : text);
  const edited = !shared && !!scenario && !!load(deps.storage, storageKeys.draft(scenario));
  store.setState({ mine, scenario, shared, edited });
  if (text === null) return;
  store.setState({ restored: true });
  rederive(text);
}
