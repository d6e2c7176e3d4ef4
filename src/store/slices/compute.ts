// Whether the editor's text is computed, and the learner's way out when it is not (safe mode):
// the derive chain (`derive.ts`) decides, this slice exposes it.

import type { Deriver } from '../derive';
import type { ComputeSlice } from '../types';

export function createComputeSlice(deriver: Deriver): ComputeSlice {
  return {
    notComputed: null,
    startDeriving: deriver.release,
    tryAgain: deriver.retry,
    pageLeft: deriver.leave,
  };
}
