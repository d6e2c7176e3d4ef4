// One store for the app, made by a factory so tests and the embed player get their own.

import { createStore, type StoreApi } from 'zustand/vanilla';
import { comparisonToFollow, createCompareSlice } from './slices/compare';
import { createCompareModesSlice, modesToFollow } from './slices/compareModes';
import { createComputeSlice } from './slices/compute';
import { createEditorSlice } from './slices/editor';
import { createLinkSlice } from './slices/link';
import { createMigrationSlice, migrationToFollow } from './slices/migration';
import { createLocaleSlice } from './slices/locale';
import { createModelSlice } from './slices/model';
import { createPacketSlice } from './slices/packet';
import { createPickSlice } from './slices/pick';
import { createPlayheadSlice } from './slices/playhead';
import { createGallerySlice } from './slices/gallery';
import { createTextSlice, textSaverFor } from './slices/text';
import { createRederive } from './derive';
import { readSaved } from './storage';
import type { TextSaver } from './textSaver';
import type { AppState, Rederive, StoreDeps } from './types';

export type AppStore = StoreApi<AppState>;

/** The model functions come in as dependencies so tests can stand in for them. */
export function createAppStore(given: Pick<StoreDeps, 'deriveModel' | 'walkPacket'> & Partial<StoreDeps>): AppStore {
  const deps: StoreDeps = { storage: null, locale: 'en', reducedMotion: false, ...given };
  // One rederive for the store's life, so the latest text wins even over the restored one.
  let rederive!: Rederive;
  let saver!: TextSaver;
  const store = createStore<AppState>()((set, get) => {
    const deriver = createRederive(set, get, deps);
    rederive = deriver.rederive;
    saver = textSaverFor(set, get, deps);
    return {
      ...createTextSlice(set, get, deps, rederive, saver),
      ...createGallerySlice(set, get, saver, rederive),
      ...createModelSlice(set, get, deps, rederive),
      ...createPacketSlice(set, get, deps),
      ...createPlayheadSlice(set, get, deps),
      ...createLocaleSlice(set, get, deps),
      ...createEditorSlice(set, get),
      ...createCompareSlice(set, get, deps),
      ...createCompareModesSlice(set, get, deps),
      ...createMigrationSlice(set, get, deps),
      ...createPickSlice(set),
      ...createLinkSlice(set),
      ...createComputeSlice(deriver),
    };
  });
  store.subscribe((s, previous) => {
    const service = comparisonToFollow(s, previous);
    if (service) s.compareEtp(service);
    const modes = modesToFollow(s, previous);
    if (modes) s.compareModes(modes);
    if (migrationToFollow(s, previous)) s.followMigration();
  });
  restore(store, saver, rederive);
  return store;
}

/** The last visit's text, which scenario it was (if any), whether it came from a link, and the learner's own manifests. */
function restore(store: AppStore, saver: TextSaver, rederive: Rederive): void {
  const { text, mine, scenario, shared, edited } = readSaved(saver.read);
  store.setState({ mine, scenario, shared, edited });
  if (text === null) return;
  store.setState({ restored: true });
  rederive(text);
}
