// Work that reads or writes scroll positions waits for the next frame: the browser lays the page
// out once there, instead of once per component that asks in the middle of a commit.

import { useEffect, type DependencyList } from 'react';

export function useNextFrame(work: () => void, deps: DependencyList): void {
  useEffect(() => {
    const id = requestAnimationFrame(work);
    return () => cancelAnimationFrame(id);
    // The caller's dependencies decide when the work runs again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}
