// The full app: editor and problems on the left; topology, playback and inspector on the right.

import { useApp } from '../store/react';
import { DiagnosticsList } from './editor/DiagnosticsList';
import { Editor } from './editor/Editor';
import { Header } from './header/Header';
import { Inspector } from './inspector/Inspector';
import { Timeline } from './timeline/Timeline';
import { Topology } from './topology/Topology';
import { useDocumentLang } from './useDocumentLang';
import { useKeyboard } from './useKeyboard';
import { useT } from './useT';

export function App() {
  const t = useT();
  const loading = useApp((s) => s.text === '' && s.model === null);
  const deriving = useApp((s) => s.deriving);
  useKeyboard();
  useDocumentLang();
  return (
    <div className="app">
      <Header />
      <main className="workspace">
        <section className="left" aria-labelledby="editor-heading">
          <h2 id="editor-heading" className="panel-title">
            {t('ui.editor.heading')}
            {deriving && (
              <span className="deriving" role="status">
                {t('ui.editor.deriving')}
              </span>
            )}
          </h2>
          {loading && <p className="muted loading">{t('ui.editor.loading')}</p>}
          <Editor />
          <DiagnosticsList />
        </section>
        <div className="right">
          <Topology />
          <Timeline />
          <Inspector />
        </div>
      </main>
    </div>
  );
}
