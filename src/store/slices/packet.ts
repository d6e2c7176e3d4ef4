// Which packet to follow, and its trace through the shown model.

import { emptyTimeline } from '../../anim/timeline';
import { tracePatch } from '../derive';
import type { GetState, PacketSlice, SetState, StoreDeps } from '../types';

export function createPacketSlice(set: SetState, get: GetState, deps: StoreDeps): PacketSlice {
  const choose = (patch: Pick<PacketSlice, 'spec'>) => {
    const next = { ...get(), ...patch, specChosen: true, selectedStep: 0 };
    set({ ...patch, specChosen: true, ...tracePatch(next, deps) });
  };
  return {
    spec: null,
    specChosen: false,
    trace: null,
    timeline: emptyTimeline,
    setFrom: (from) => {
      const spec = get().spec;
      if (spec) choose({ spec: { ...spec, from } });
    },
    setTo: (to) => {
      const spec = get().spec;
      if (spec) choose({ spec: { ...spec, to } });
    },
  };
}
