// CodeMirror's look in the page's colours: every colour is a CSS variable of src/ui/styles.css,
// so the editor follows the light and dark themes with no second set of extensions.

import { HighlightStyle } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

export const editorTheme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px', color: 'var(--text)', backgroundColor: 'var(--panel)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--panel-2)', borderRight: '1px solid var(--border)', color: 'var(--muted)' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-gutter)' },
  '.cm-selectionBackground, &.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground': { background: 'var(--selection)' },
  '.cm-tooltip': { color: 'var(--text)', backgroundColor: 'var(--panel)', border: '1px solid var(--border-strong)' },
  '&.cm-focused': { outline: 'none' },
});

/** The tags YAML marks (@lezer/yaml), coloured as CodeMirror's default style does in the light theme. */
export const yamlHighlight = HighlightStyle.define([
  { tag: tags.definition(tags.propertyName), color: 'var(--code-key)' },
  { tag: tags.string, color: 'var(--code-string)' },
  { tag: tags.special(tags.string), color: 'var(--code-special)' },
  { tag: tags.comment, color: 'var(--code-comment)' },
  { tag: tags.meta, color: 'var(--code-meta)' },
  { tag: tags.keyword, color: 'var(--code-keyword)' },
  { tag: [tags.atom, tags.bool, tags.labelName], color: 'var(--code-atom)' },
  { tag: tags.typeName, color: 'var(--code-type)' },
  { tag: tags.invalid, color: 'var(--error)' },
]);
