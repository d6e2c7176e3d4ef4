// The embed player's frame: the picture, playback with "Open in PacketWalk", and below or beside
// them one part at a time in tabs — the step's card, the step list, the rule listing and (with
// `editor=1`) the manifests. It fills its frame, stacked below 600 px; see naturalHeight.ts for
// the height it tells the page around it. Each part has its own error boundary, and the whole
// player one more, so a part that fails to draw never leaves the frame blank.

import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorBoundary } from '../ui/boundary/ErrorBoundary';
import { Inspector } from '../ui/inspector/Inspector';
import { panelProps, PhoneTabs, type PhoneTab } from '../ui/PhoneTabs';
import { PlaybackControls } from '../ui/timeline/PlaybackControls';
import { Topology } from '../ui/topology/Topology';
import { useDocumentLang } from '../ui/useDocumentLang';
import { useKeyboard } from '../ui/useKeyboard';
import { useMediaQuery } from '../ui/useMediaQuery';
import { useT } from '../ui/useT';
import { ManifestView } from './ManifestView';
import { heightReporter } from './messages';
import { heightWatched, naturalHeight } from './naturalHeight';
import { OpenLink } from './OpenLink';
import type { EmbedParams } from './params';
import type { Problem } from './source';
import './embed.css';

/** Keep in step with embed.css. */
const stackedQuery = '(max-width: 599px)';

const tabsWithout: readonly PhoneTab[] = ['step', 'steps', 'rules'];
const tabsWith: readonly PhoneTab[] = [...tabsWithout, 'editor'];

interface PlayerProps {
  params: EmbedParams;
  started: Promise<Problem | null>;
}

export function EmbedApp(props: PlayerProps) {
  return (
    <ErrorBoundary part="player">
      <Player {...props} />
    </ErrorBoundary>
  );
}

function Player({ params, started }: PlayerProps) {
  const t = useT();
  const [status, setStatus] = useState<Problem | null | 'loading'>('loading');
  const [tab, setTab] = useState<PhoneTab>('step');
  const stacked = useMediaQuery(stackedQuery);
  const root = useRef<HTMLElement>(null);
  const report = useMemo(() => heightReporter(window), []);
  useKeyboard();
  useDocumentLang();

  useEffect(() => {
    let live = true;
    started.then((problem) => live && setStatus(problem));
    return () => {
      live = false;
    };
  }, [started]);

  // What grows and what it holds change with the layout, the status and the tab.
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const observer = new ResizeObserver(() => report(naturalHeight(el)));
    for (const watched of heightWatched(el)) observer.observe(watched);
    return () => observer.disconnect();
  }, [report, stacked, status, tab]);

  const body =
    status === 'loading' ? (
      <div className="embed-message" data-grow>
        <div className="embed-message-body" data-content>
          <p className="muted" role="status">
            {t('embed.loading')}
          </p>
        </div>
      </div>
    ) : status ? (
      <div className="embed-message" data-grow>
        <div className="embed-message-body" data-content>
          <div className="embed-alert" role="alert">
            <h2>{t('embed.problem.heading')}</h2>
            <p>{t(status.key, status.params)}</p>
          </div>
        </div>
      </div>
    ) : (
      <>
        <div className="embed-picture" data-grow={stacked ? undefined : ''}>
          <ErrorBoundary part="picture" className="topology">
            <Topology migrate={false} />
          </ErrorBoundary>
        </div>
        <div className="embed-controls">
          <ErrorBoundary part="playback">
            <PlaybackControls />
          </ErrorBoundary>
          <ErrorBoundary part="open-link">
            <OpenLink theme={params.theme} />
          </ErrorBoundary>
        </div>
        <div className="embed-side">
          <PhoneTabs tabs={params.editor ? tabsWith : tabsWithout} shown={tab} onShow={setTab} />
          <div className="embed-panel" data-grow={stacked ? '' : undefined}>
            <div className="embed-panel-body" data-content>
              <ErrorBoundary part="inspector">
                <Inspector tab={tab} />
              </ErrorBoundary>
              {params.editor && (
                <div className="embed-manifests-panel" {...panelProps('editor', tab)}>
                  <ErrorBoundary part="manifests">
                    <ManifestView />
                  </ErrorBoundary>
                </div>
              )}
            </div>
          </div>
        </div>
      </>
    );

  return (
    <main className="embed-player" ref={root} aria-label={t('embed.label')} data-controls={params.controls}>
      {body}
    </main>
  );
}
