// Requests from elsewhere (the diagnostics list) to move the editor's cursor or to edit its text.

import { applyTextFix } from '../../model';
import type { EditorSlice, GetState, SetState } from '../types';

export function createEditorSlice(set: SetState, get: GetState): EditorSlice {
  return {
    jump: null,
    jumpTo: (line, col) => set({ jump: { line, col, nonce: (get().jump?.nonce ?? 0) + 1 } }),
    edit: null,
    applyFix: (fix) => {
      const before = get();
      // Its offsets are in the text the model was derived from: only a fix of the model shown, on that text.
      if (!fixApplies(before, fix) || !before.model?.diagnostics.some((d) => d.fix === fix)) return;
      set({ edit: { fix, nonce: (before.edit?.nonce ?? 0) + 1 } });
      // The editor made it an edit of its own (undoable), which set the text; without one, it is set here.
      if (get().text === before.text) get().setText(applyTextFix(before.text, fix));
    },
  };
}

/** Whether `fix` was made for the text in the editor now. */
export function fixApplies(s: Pick<ReturnType<GetState>, 'model' | 'text' | 'fileName'>, fix: { file: string }): boolean {
  return fix.file === s.fileName && s.model?.files.find((f) => f.name === fix.file)?.text === s.text;
}
