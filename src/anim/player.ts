// The one requestAnimationFrame loop. It runs only while playing and does nothing
// but advance the playhead; everything on screen follows from `t`.

interface PlayheadStore {
  getState: () => { playing: boolean; tick: (dtMs: number) => void };
  subscribe: (listener: (s: { playing: boolean }, prev: { playing: boolean }) => void) => () => void;
}

interface Clock {
  request: (cb: (now: number) => void) => number;
  cancel: (id: number) => void;
}

const browserClock: Clock = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (id) => cancelAnimationFrame(id),
};

/** Starts following the store's `playing` flag; returns the function that stops it. */
export function startPlayer(store: PlayheadStore, clock: Clock = browserClock): () => void {
  let frame: number | null = null;
  let last: number | null = null;

  const loop = (now: number) => {
    // A long gap (tab in the background) must not fling the packet to the end.
    const dt = last === null ? 0 : Math.min(now - last, 100);
    last = now;
    store.getState().tick(dt);
    frame = store.getState().playing ? clock.request(loop) : null;
  };

  const sync = (playing: boolean) => {
    if (playing && frame === null) {
      last = null;
      frame = clock.request(loop);
    } else if (!playing && frame !== null) {
      clock.cancel(frame);
      frame = null;
    }
  };

  sync(store.getState().playing);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playing !== prev.playing) sync(s.playing);
  });
  return () => {
    unsubscribe();
    sync(false);
  };
}
