// The derived model and what the topology shows of it (layers).

import { layoutPatch, tracePatch } from '../derive';
import type { GetState, ModelSlice, SetState, StoreDeps } from '../types';

export function createModelSlice(set: SetState, get: GetState, deps: StoreDeps): ModelSlice {
  return {
    model: null,
    shown: null,
    stale: false,
    layout: null,
    layers: { services: true, overlay: true, builtin: true },
    setLayer: (id, on) => {
      const next = { ...get(), layers: { ...get().layers, [id]: on } };
      // Only layers that change the drawing's geometry need a new layout and timeline.
      if (id !== 'overlay') {
        Object.assign(next, layoutPatch(next));
        Object.assign(next, tracePatch(next, deps));
      }
      set(next);
    },
  };
}
