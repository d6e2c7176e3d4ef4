// Whether a CSS media query matches now, re-rendering when it flips (a phone rotated, a
// window resized). The stacked phone layout is chosen here as well as in styles.css,
// because on a phone the editor and the inspector's parts move into tabs.

import { useCallback, useSyncExternalStore } from 'react';

/** Below this width the page stacks: picture, playback, then one part at a time. Keep in step with styles.css. */
export const stackedQuery = '(max-width: 899px)';

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}
