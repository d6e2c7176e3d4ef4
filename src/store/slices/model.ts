// The derived model and what the topology shows of it (layers, the what-if proxy mode).

import { layoutPatch, timelinePatch } from '../derive';
import type { GetState, LayerId, ModelSlice, Rederive, SetState, StoreDeps } from '../types';

/** Every layer is on until the learner hides one. */
export const defaultLayers: Readonly<Record<LayerId, boolean>> = {
  services: true,
  nodeports: true,
  loadbalancers: true,
  ingress: true,
  dns: true,
  overlay: true,
  builtin: true,
};

export function createModelSlice(set: SetState, get: GetState, deps: StoreDeps, rederive: Rederive): ModelSlice {
  return {
    model: null,
    shown: null,
    stale: false,
    layout: null,
    layers: { ...defaultLayers },
    whatIf: {},
    setLayer: (id, on) => {
      const next = { ...get(), layers: { ...get().layers, [id]: on } };
      // Only layers that change the drawing's geometry need a new layout and timeline.
      if (id === 'overlay') return set(next);
      // The worker's model is laid out there; the drawing follows when it answers.
      const pending = next.shown && !next.shown.full ? deps.layoutAsync?.(next.shown, next.layers) : undefined;
      if (!pending) {
        Object.assign(next, layoutPatch(next));
        Object.assign(next, timelinePatch(next));
        return set(next);
      }
      set({ layers: next.layers });
      pending.then(
        (layout) => {
          if (layout === undefined || get().layers !== next.layers || get().shown !== next.shown) return;
          set({ layout, ...timelinePatch({ ...get(), layout }) });
        },
        (err) => console.error('laying out in the worker failed', err),
      );
    },
    setWhatIf: (patch) => {
      const whatIf = { ...get().whatIf, ...patch };
      for (const key of Object.keys(whatIf) as (keyof typeof whatIf)[]) if (whatIf[key] === undefined) delete whatIf[key];
      set({ whatIf });
      rederive(get().text);
    },
  };
}
