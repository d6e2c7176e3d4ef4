// Which packet to follow, and its trace through the shown model. On a model the derive
// worker made, the walk runs there too (it may build dataplanes of nodes not read yet).

import { emptyTimeline } from '../../anim/timeline';
import { tracePatch } from '../derive';
import type { GetState, PacketSlice, SetState, StoreDeps } from '../types';

export function createPacketSlice(set: SetState, get: GetState, deps: StoreDeps): PacketSlice {
  const choose = (patch: Pick<PacketSlice, 'spec'>) => {
    const next = { ...get(), ...patch, specChosen: true, selectedStep: 0 };
    const pending = next.shown && patch.spec ? deps.traceAsync?.(next.shown, patch.spec) : undefined;
    if (!pending) {
      set({ ...patch, specChosen: true, ...tracePatch(next, deps) });
      return;
    }
    set({ ...patch, specChosen: true, deriving: true });
    pending.then(
      (trace) => {
        // A later choice or edit supersedes this walk.
        if (get().spec !== patch.spec || get().shown !== next.shown) return;
        set({
          deriving: false,
          ...tracePatch(
            { ...get(), selectedStep: 0 },
            { walkPacket: (m, spec) => (spec === patch.spec ? trace : deps.walkPacket(m, spec)) },
          ),
        });
      },
      (err) => {
        console.error('tracing in the worker failed', err);
        set({ deriving: false, ...tracePatch(get(), deps) });
      },
    );
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
