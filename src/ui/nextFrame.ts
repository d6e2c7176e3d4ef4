// Timing against frames. Work that reads or writes scroll positions waits for the next frame: the browser lays the page
// out once there, instead of once per component that asks in the middle of a commit.

import { useEffect, useState, type DependencyList } from 'react';

export function useNextFrame(work: () => void, deps: DependencyList): void {
  useEffect(() => {
    const id = requestAnimationFrame(work);
    return () => cancelAnimationFrame(id);
    // The caller's dependencies decide when the work runs again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}

/** Runs `work` in a task of its own once the next frame is painted; the returned function cancels it. */
export function afterNextPaint(work: () => void): () => void {
  let channel: MessageChannel | undefined;
  const id = requestAnimationFrame(() => {
    channel = new MessageChannel();
    channel.port1.onmessage = () => work();
    channel.port2.postMessage(null);
  });
  return () => {
    cancelAnimationFrame(id);
    if (channel) channel.port1.onmessage = null;
  };
}

/**
 * `value`, but changed only once the browser has painted the frame that changed it: a panel that
 * follows the picture (the inspector) then updates in a task of its own, and the frame that shows
 * a new step carries only the picture's work. `initial`: what to return until the first frame
 * is painted, when even the value the component mounts with must wait for it.
 */
export function useAfterPaint<T>(value: T, initial: T = value): T {
  const [shown, setShown] = useState(initial);
  useEffect(() => afterNextPaint(() => setShown(() => value)), [value]);
  return shown;
}
