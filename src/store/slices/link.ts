// A link that could not be opened: the page says why (and that the learner's text is safe).

import type { LinkSlice, SetState } from '../types';

export function createLinkSlice(set: SetState): LinkSlice {
  return {
    linkProblem: null,
    setLinkProblem: (linkProblem) => set({ linkProblem }),
  };
}
