// The manifests' editor. CodeMirror is a third of the app's script, so it loads only once the
// first step is drawn — or at once when the learner reaches for the editor — and the picture
// never waits for it. Until it is ready the text shows read-only in its place (PlainText.tsx);
// the editor takes over once it has laid its lines out, in the same box, so nothing moves. If
// CodeMirror fails (its chunk cannot be fetched, it throws), the text stays in view read-only
// with the message at the foot of the box.

import { lazy, Suspense, useEffect, useState } from 'react';
import { useApp } from '../../store/react';
import { ErrorBoundary } from '../boundary/ErrorBoundary';
import { useAfterPaint } from '../nextFrame';
import './editor.css';
import { PlainText } from './PlainText';

const CodeEditor = lazy(() => import('./CodeEditor').then((m) => ({ default: m.CodeEditor })));

/** Without a first step (no scenario arrived, a large text still deriving) the editor still comes, this long after the page. */
const latestMs = 3000;

export function Editor() {
  // A model already there when the page mounts (its scenario came with the language) waits too.
  const drawn = useAfterPaint(
    useApp((s) => s.model !== null),
    false,
  );
  const [load, setLoad] = useState(false);
  // A click on the plain text asked for the editor: it takes the focus when it comes.
  const [reached, setReached] = useState(false);
  const [ready, setReady] = useState(false);
  if (drawn && !load) setLoad(true);

  useEffect(() => {
    if (load) return;
    const id = setTimeout(() => setLoad(true), latestMs);
    return () => clearTimeout(id);
  }, [load]);

  return (
    <div className="editor-slot">
      {!ready && (
        <PlainText
          onReach={() => {
            setReached(true);
            setLoad(true);
          }}
        />
      )}
      {load && (
        <ErrorBoundary part="code-editor" className="editor-stopped">
          <Suspense fallback={null}>
            <CodeEditor shown={ready} focus={reached} onLaidOut={() => setReady(true)} />
          </Suspense>
        </ErrorBoundary>
      )}
    </div>
  );
}
