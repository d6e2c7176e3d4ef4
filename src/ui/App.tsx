// The full app. Wide: the editor and problems on the left (collapsible, so the picture can
// take the width); the topology, playback and inspector on the right. Narrow (a phone): the
// picture first, then playback, then one part at a time in tabs — the step's card, the step
// list, the rule listing, the editor. Each part stands behind its own error boundary, and the
// whole page behind one more, so a part that fails to draw never takes the others (or the page) down.

import { useState } from 'react';
import { useApp } from '../store/react';
import { ErrorBoundary } from './boundary/ErrorBoundary';
import { DiagnosticsList } from './editor/DiagnosticsList';
import { Editor } from './editor/Editor';
import { ScenarioAbout } from './gallery/ScenarioAbout';
import { Header } from './header/Header';
import { SkipLink } from './header/SkipLink';
import { Inspector } from './inspector/Inspector';
import { panelProps, PhoneTabs, type PhoneTab } from './PhoneTabs';
import { Timeline } from './timeline/Timeline';
import { Topology } from './topology/Topology';
import { useDocumentLang } from './useDocumentLang';
import { useKeyboard } from './useKeyboard';
import { stackedQuery, useMediaQuery } from './useMediaQuery';
import { useT } from './useT';

const phoneTabs: readonly PhoneTab[] = ['step', 'steps', 'rules', 'editor'];

export function App() {
  return (
    <ErrorBoundary part="page">
      <Workspace />
    </ErrorBoundary>
  );
}

function Workspace() {
  const t = useT();
  const loading = useApp((s) => s.text === '' && s.model === null);
  const deriving = useApp((s) => s.deriving);
  // Safe mode: a text that stopped the page last time is shown in the editor only, not computed.
  const safe = useApp((s) => s.notComputed !== null);
  const stacked = useMediaQuery(stackedQuery);
  const [tab, setTab] = useState<PhoneTab>('step');
  const [editorOpen, setEditorOpen] = useState(true);
  useKeyboard();
  useDocumentLang();
  const shown = stacked && !safe ? tab : undefined;
  const collapsed = !stacked && !editorOpen && !safe;

  const editor = (
    <section className="left" aria-labelledby="editor-heading" data-collapsed={collapsed || undefined} {...panelProps('editor', shown)}>
      <div className="left-head">
        <h2 id="editor-heading" className="panel-title">
          {t('ui.editor.heading')}
          {deriving && (
            <span className="deriving" role="status">
              {t('ui.editor.deriving')}
            </span>
          )}
        </h2>
        {!stacked && !safe && (
          <button
            type="button"
            className="icon collapse"
            aria-expanded={editorOpen}
            aria-controls="editor-body"
            aria-label={t(editorOpen ? 'ui.frame.hideEditor' : 'ui.frame.showEditor')}
            title={t(editorOpen ? 'ui.frame.hideEditor' : 'ui.frame.showEditor')}
            onClick={() => setEditorOpen(!editorOpen)}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d={editorOpen ? 'M10 3 5 8l5 5' : 'm6 3 5 5-5 5'} />
            </svg>
          </button>
        )}
      </div>
      <div className="left-body" id="editor-body" hidden={collapsed}>
        <ErrorBoundary part="about">
          <ScenarioAbout />
        </ErrorBoundary>
        {loading && <p className="muted loading">{t('ui.editor.loading')}</p>}
        <ErrorBoundary part="editor">
          <Editor />
        </ErrorBoundary>
        {!safe && (
          <ErrorBoundary part="problems">
            <DiagnosticsList />
          </ErrorBoundary>
        )}
      </div>
    </section>
  );

  return (
    <div className="app">
      <SkipLink to="player" />
      <ErrorBoundary part="header" className="app-header">
        <Header />
      </ErrorBoundary>
      <main className={`workspace${collapsed ? ' editor-collapsed' : ''}${safe ? ' safe' : ''}`}>
        {/* On a phone the editor is the last tab's panel, so it follows the tabs in the page. */}
        {(!stacked || safe) && editor}
        <div className="right" id="player" tabIndex={-1} hidden={safe}>
          <ErrorBoundary part="picture" className="topology">
            <Topology />
          </ErrorBoundary>
          <ErrorBoundary part="playback">
            <Timeline />
          </ErrorBoundary>
          {stacked && <PhoneTabs tabs={phoneTabs} shown={tab} onShow={setTab} />}
          <ErrorBoundary part="inspector">
            <Inspector tab={shown} />
          </ErrorBoundary>
          {stacked && !safe && editor}
        </div>
      </main>
    </div>
  );
}
