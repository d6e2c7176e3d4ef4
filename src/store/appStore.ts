// One store for the app, made by a factory so tests and the embed player get their own.

import { createStore, type StoreApi } from 'zustand/vanilla';
import { createEditorSlice } from './slices/editor';
import { createLocaleSlice } from './slices/locale';
import { createModelSlice } from './slices/model';
import { createPacketSlice } from './slices/packet';
import { createPlayheadSlice } from './slices/playhead';
import { createTextSlice, textStorageKey } from './slices/text';
import type { AppState, StoreDeps } from './types';

export type AppStore = StoreApi<AppState>;

/** The model functions come in as dependencies so tests can stand in for them. */
export function createAppStore(given: Pick<StoreDeps, 'deriveModel' | 'traceModel'> & Partial<StoreDeps>): AppStore {
  const deps: StoreDeps = { storage: null, locale: 'en', reducedMotion: false, ...given };
  const store = createStore<AppState>()((set, get) => ({
    ...createTextSlice(set, get, deps),
    ...createModelSlice(set, get, deps),
    ...createPacketSlice(set, get, deps),
    ...createPlayheadSlice(set, get, deps),
    ...createLocaleSlice(set, get, deps),
    ...createEditorSlice(set, get),
  }));
  const saved = readStored(deps.storage);
  if (saved !== null) {
    store.getState().setText(saved);
    store.setState({ restored: true });
  }
  return store;
}

function readStored(storage: StoreDeps['storage']): string | null {
  try {
    return storage?.getItem(textStorageKey) ?? null;
  } catch {
    return null;
  }
}
