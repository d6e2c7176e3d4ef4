// Requests from elsewhere (the diagnostics list) to move the editor's cursor.

import type { EditorSlice, GetState, SetState } from '../types';

export function createEditorSlice(set: SetState, get: GetState): EditorSlice {
  return {
    jump: null,
    jumpTo: (line, col) => set({ jump: { line, col, nonce: (get().jump?.nonce ?? 0) + 1 } }),
  };
}
