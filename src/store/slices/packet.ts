// Which packet to follow, and its trace through the shown model. On a model the derive
// worker made, the walk and the layout that follows it run there too.

import { emptyTimeline } from '../../anim/timeline';
import { timelinePatch, tracePatch } from '../derive';
import type { GetState, PacketSlice, SetState, StoreDeps } from '../types';

export function createPacketSlice(set: SetState, get: GetState, deps: StoreDeps): PacketSlice {
  const choose = (patch: Pick<PacketSlice, 'spec'>) => {
    const next = { ...get(), ...patch, specChosen: true, selectedStep: 0 };
    const pending = next.shown && !next.shown.full && patch.spec ? deps.traceAsync?.(next.shown, patch.spec, next.layers) : undefined;
    if (!pending) {
      set({ ...patch, specChosen: true, ...tracePatch(next, deps) });
      return;
    }
    set({ ...patch, specChosen: true, deriving: true });
    pending.then(
      (walked) => {
        // A later choice or edit supersedes this walk.
        if (!walked || get().spec !== patch.spec || get().shown !== next.shown) return;
        const { trace, layout } = walked;
        set({ deriving: false, trace, layout, ...timelinePatch({ ...get(), trace, layout, selectedStep: 0 }) });
      },
      (err) => {
        console.error('tracing in the worker failed', err);
        if (get().spec === patch.spec) set({ deriving: false });
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
