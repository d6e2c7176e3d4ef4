// The manifests as plain text in the editor's place while CodeMirror loads: the same lines in the
// same type, size and gutter, read-only, so nothing moves when the editor takes over.

import type { CSSProperties } from 'react';
import { useApp } from '../../store/react';

/** More lines than any screen shows at once; the rest waits for the editor. */
const shownLines = 300;

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function PlainText({ onReach }: { onReach: () => void }) {
  const text = useApp((s) => s.text);
  const lines = text.split('\n', shownLines);
  // CodeMirror sizes its line numbers for the last line's number.
  const digits = String(lineCount(text)).length;
  return (
    <div className="editor-host plain-text" data-raw onPointerDown={onReach} style={{ '--digits': digits } as CSSProperties}>
      <div className="plain-gutter" aria-hidden="true">
        {lines.map((_, i) => i + 1).join('\n')}
      </div>
      <pre className="plain-lines">{lines.join('\n')}</pre>
    </div>
  );
}
