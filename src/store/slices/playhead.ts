// The playhead: play, pause, scrub and step only move `t`; the step follows from it.

import { arrivalOf, buildTimeline, defaultTiming, frameAt, nextStep, previousStep, reducedMotionTiming } from '../../anim/timeline';
import type { AppState, GetState, PlayheadSlice, SetState, StoreDeps } from '../types';

export const speeds = [0.5, 1, 2, 4] as const;

function at(s: Pick<AppState, 'timeline'>, t: number): Pick<AppState, 't' | 'selectedStep'> {
  const clamped = Math.min(Math.max(t, 0), s.timeline.duration);
  return { t: clamped, selectedStep: frameAt(s.timeline, clamped)?.step ?? -1 };
}

export function createPlayheadSlice(set: SetState, get: GetState, deps: StoreDeps): PlayheadSlice {
  return {
    t: 0,
    playing: false,
    speed: 1,
    until: null,
    selectedStep: -1,
    timing: deps.reducedMotion ? reducedMotionTiming : defaultTiming,
    play: () => {
      const s = get();
      if (s.timeline.segments.length === 0) return;
      const restart = s.t >= s.timeline.duration;
      set({ playing: true, until: null, ...(restart ? at(s, 0) : {}) });
    },
    pause: () => set({ playing: false, until: null }),
    toggle: () => (get().playing ? get().pause() : get().play()),
    seek: (t) => set({ ...at(get(), t), playing: false, until: null }),
    tick: (dtMs) => {
      const s = get();
      if (!s.playing) return;
      const end = s.until ?? s.timeline.duration;
      const t = s.t + dtMs * s.speed;
      if (t >= end) set({ ...at(s, end), playing: false, until: null });
      else set(at(s, t));
    },
    stepForward: () => {
      const s = get();
      const next = nextStep(s.timeline, s.t);
      if (!next) return;
      // Travel to the next step, then stop there; with no travel this is a jump.
      if (next.arrive === next.start) set({ ...at(s, next.arrive), playing: false, until: null });
      else set({ ...at(s, next.start), playing: true, until: next.arrive });
    },
    stepBack: () => {
      const s = get();
      set({ ...at(s, arrivalOf(s.timeline, previousStep(s.timeline, s.t))), playing: false, until: null });
    },
    goToStep: (step) => {
      const s = get();
      set({ ...at(s, arrivalOf(s.timeline, step)), playing: false, until: null });
    },
    setSpeed: (speed) => set({ speed }),
    setReducedMotion: (reduced) => {
      const s = get();
      const timing = reduced ? reducedMotionTiming : defaultTiming;
      const timeline = buildTimeline(s.trace, s.layout, timing);
      set({ timing, timeline, ...at({ timeline }, arrivalOf(timeline, Math.max(s.selectedStep, 0))), playing: false, until: null });
    },
  };
}
