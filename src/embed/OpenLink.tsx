// "Open in PacketWalk": the full app in a new tab, on the same walk at the same step. The link
// is rebuilt (it compresses the manifests) a moment after the state changes, not while playing;
// the code that writes it is fetched then, after the first step is drawn.

import { useEffect, useState } from 'react';
import { appUrl, type Theme } from '../share/links';
import { useAppStore } from '../store/react';
import type { AppState } from '../store/types';
import { useT } from '../ui/useT';

const settleMs = 250;

/** What a link carries, and the language it opens in. */
const linked = (s: AppState) => [s.text, s.spec, s.selectedStep, s.whatIf, s.layers, s.scenario, s.comparison, s.locale, s.playing];

export function OpenLink({ theme }: { theme: Theme | null }) {
  const t = useT();
  const store = useAppStore();
  const [href, setHref] = useState(() => appUrl('', theme ? { theme } : {}));
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const s = store.getState();
        if (s.playing || !live) return;
        const { encodeShare, shareStateOf } = await import('../share');
        const fragment = await encodeShare(shareStateOf(s));
        if (live) setHref(appUrl(fragment, { lang: s.locale, ...(theme ? { theme } : {}) }));
      }, settleMs);
    };
    update();
    const unsubscribe = store.subscribe((s, previous) => {
      const now = linked(s);
      if (linked(previous).some((v, i) => v !== now[i])) update();
    });
    return () => {
      live = false;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store, theme]);
  return (
    <a className="embed-open" href={href} target="_blank" rel="noopener" title={t('embed.openHint')}>
      {t('embed.open')}
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path d="M9 2h5v5h-1.5V4.6L7.3 9.8 6.2 8.7l5.2-5.2H9zM3 4h4v1.5H4.5v6h6V9H12v4H3z" />
      </svg>
    </a>
  );
}
