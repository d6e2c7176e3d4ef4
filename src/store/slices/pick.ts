// A rule picked in the picture's chain ladder: the inspector's listing shows it while its step is on.

import type { PickSlice, SetState } from '../types';

export function createPickSlice(set: SetState): PickSlice {
  return {
    pickedRule: null,
    pickRule: (step, chain, line) => set({ pickedRule: { step, chain, line } }),
  };
}
