// CodeMirror 6 over the store's text. The editor owns its DOM; the store owns the text. Loaded
// lazily (Editor.tsx): CodeMirror is a third of the app's script.

import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorSelection, EditorState } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  showPanel,
  type Panel,
} from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { t } from '../../i18n/i18n';
import { useAppStore } from '../../store/react';
import type { AppState } from '../../store/types';
import { toLint } from './editorDiagnostics';
import { editorTheme, yamlHighlight } from './editorTheme';

// A tab index on the text makes the scrolling editor a tab stop that axe (and a keyboard user) can find.
const label = (s: AppState) => EditorView.contentAttributes.of({ 'aria-label': t(s.locale, 'ui.editor.label'), tabindex: '0' });

/**
 * Above this many characters the YAML parser is switched off: re-parsing a 500 KB text after
 * each key cost ~100 ms of main-thread time per keystroke (the way large-file editors turn
 * tokenising off). Back on below 90 % of it, so a text at the edge does not flip with each key.
 */
const PLAIN_ABOVE = 200_000;
const isLarge = (length: number, was: boolean) => (was ? length > PLAIN_ABOVE * 0.9 : length > PLAIN_ABOVE);

function plainNote(s: AppState): Panel {
  const dom = document.createElement('p');
  dom.className = 'editor-note';
  dom.setAttribute('role', 'status');
  dom.textContent = t(s.locale, 'ui.editor.plainLarge');
  return { dom, top: true };
}

/** YAML colours for an ordinary text; for a large one, none, and a note that says why. */
const syntax = (large: boolean, s: AppState) => (large ? showPanel.of(() => plainNote(s)) : [yaml(), syntaxHighlighting(yamlHighlight)]);

interface Props {
  /** In sight; until then laid out out of sight under the plain text it replaces. */
  shown: boolean;
  /** The learner reached for the editor before it came: it takes the focus when shown. */
  focus: boolean;
  /** CodeMirror has measured its lines and drawn the line numbers beside them. */
  onLaidOut: () => void;
}

export function CodeEditor({ shown, focus, onLaidOut }: Props) {
  const store = useAppStore();
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<EditorView>(null);

  useEffect(() => {
    const labelSlot = new Compartment();
    const syntaxSlot = new Compartment();
    let large = isLarge(store.getState().text.length, false);
    let external = false;
    const view = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: store.getState().text,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          syntaxSlot.of(syntax(large, store.getState())),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          lintGutter(),
          labelSlot.of(label(store.getState())),
          editorTheme,
          EditorView.updateListener.of((u) => {
            if (!u.docChanged) return;
            if (!external) store.getState().setText(u.state.doc.toString());
            const now = isLarge(u.state.doc.length, large);
            if (now !== large) {
              large = now;
              // Not inside this update: CodeMirror refuses a dispatch while it is applying one.
              queueMicrotask(() => view.dispatch({ effects: syntaxSlot.reconfigure(syntax(large, store.getState())) }));
            }
          }),
        ],
      }),
    });

    const showDiagnostics = (s: AppState) => {
      const lint = toLint(s.model?.diagnostics ?? [], view.state.doc, s.fileName, s.locale, s.applyFix);
      view.dispatch(setDiagnostics(view.state, lint));
    };
    showDiagnostics(store.getState());
    // Its first measurement, after which the lines stand where they will stay.
    view.requestMeasure({ read: () => null, write: onLaidOut });
    editor.current = view;

    const unsubscribe = store.subscribe((s, prev) => {
      // A fix the learner applied: an edit like their own typing, so Ctrl+Z takes it back.
      if (s.edit && s.edit !== prev.edit && view.state.doc.toString() === s.text) {
        const { from, to, insert } = s.edit.fix;
        view.dispatch({ changes: { from, to, insert }, selection: EditorSelection.cursor(from), scrollIntoView: true, userEvent: 'input' });
        view.focus();
      }
      // Text set from outside (the default scenario arriving): replace the document.
      if (s.text !== prev.text && s.text !== view.state.doc.toString()) {
        external = true;
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: s.text } });
        external = false;
      }
      if (s.model !== prev.model || s.locale !== prev.locale) showDiagnostics(s);
      if (s.locale !== prev.locale) view.dispatch({ effects: [labelSlot.reconfigure(label(s)), syntaxSlot.reconfigure(syntax(large, s))] });
      if (s.jump && s.jump !== prev.jump) {
        const line = view.state.doc.line(Math.min(Math.max(s.jump.line, 1), view.state.doc.lines));
        const pos = Math.min(line.from + Math.max(s.jump.col - 1, 0), line.to);
        view.dispatch({ selection: EditorSelection.cursor(pos), scrollIntoView: true });
        view.focus();
      }
    });
    return () => {
      unsubscribe();
      view.destroy();
    };
    // Created once; `onLaidOut` only matters the first time.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);

  useEffect(() => {
    if (shown && focus) editor.current?.focus();
  }, [shown, focus]);

  return <div className="editor-host" ref={host} data-raw style={shown ? undefined : { visibility: 'hidden' }} />;
}
