// The derived model and what the topology shows of it (layers, the what-if proxy mode).

import { layoutPatch, timelinePatch } from '../derive';
import type { GetState, LayerId, ModelSlice, Rederive, SetState } from '../types';

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

export function createModelSlice(set: SetState, get: GetState, rederive: Rederive): ModelSlice {
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
      if (id !== 'overlay') {
        Object.assign(next, layoutPatch(next));
        Object.assign(next, timelinePatch(next));
      }
      set(next);
    },
    setWhatIf: (patch) => {
      const whatIf = { ...get().whatIf, ...patch };
      for (const key of Object.keys(whatIf) as (keyof typeof whatIf)[]) if (whatIf[key] === undefined) delete whatIf[key];
      set({ whatIf });
      rederive(get().text);
    },
  };
}
