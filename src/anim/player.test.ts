import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { startPlayer } from './player';

function fakeStore() {
  return createStore<{ playing: boolean; t: number; tick: (dt: number) => void }>()((set, get) => ({
    playing: false,
    t: 0,
    tick: (dt) => set({ t: get().t + dt, playing: get().t + dt < 1000 }),
  }));
}

function fakeClock() {
  const pending = new Map<number, (now: number) => void>();
  let id = 0;
  let now = 0;
  return {
    pending,
    request: (cb: (now: number) => void) => (pending.set(++id, cb), id),
    cancel: (i: number) => void pending.delete(i),
    advance(ms: number) {
      now += ms;
      const due = [...pending.entries()];
      pending.clear();
      due.forEach(([, cb]) => cb(now));
    },
  };
}

describe('startPlayer', () => {
  it('advances the playhead by elapsed time while playing, then stops asking for frames', () => {
    const store = fakeStore();
    const clock = fakeClock();
    startPlayer(store, clock);
    expect(clock.pending.size).toBe(0);
    store.setState({ playing: true });
    for (let i = 0; i < 40; i++) clock.advance(50);
    expect(store.getState().t).toBeGreaterThanOrEqual(1000);
    expect(store.getState().playing).toBe(false);
    expect(clock.pending.size).toBe(0);
  });

  it('does not jump after a long pause between frames', () => {
    const store = fakeStore();
    const clock = fakeClock();
    startPlayer(store, clock);
    store.setState({ playing: true });
    clock.advance(16);
    clock.advance(5000);
    expect(store.getState().t).toBeLessThanOrEqual(100);
  });

  it('stops when paused and when disposed', () => {
    const store = fakeStore();
    const clock = fakeClock();
    const stop = startPlayer(store, clock);
    store.setState({ playing: true });
    store.setState({ playing: false });
    expect(clock.pending.size).toBe(0);
    store.setState({ playing: true });
    stop();
    expect(clock.pending.size).toBe(0);
  });
});
