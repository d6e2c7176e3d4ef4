// A note in storage of the text being computed, so that a text which froze or crashed the tab
// cannot do it again on every visit: it is written before a text is derived and removed when the
// derive ends; a derive that timed out or failed leaves it saying so. On load, a text that is
// still marked opens in safe mode (its text, no model) instead of being derived.
//
// The note holds the text's length and hash, never the text. Whatever it holds, it can only keep
// one text from being derived until the learner asks: a value it cannot read is ignored.

import { load, save } from './storage';
import type { StoreDeps } from './types';

export const computeKey = 'packetwalk:computing';

/** Why a text was not computed: a visit stopped while computing it, it took too long, or it failed. */
export type NotComputed = 'froze' | 'timeout' | 'failed';

type Mark = { text: string; state: 'running' | 'timeout' | 'failed' };

/** Length and FNV-1a hash of the text: enough to recognise it again, small to store. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}:${(h >>> 0).toString(16)}`;
}

/** The stored value for `text` in `state` (tests write it as a previous visit would have). */
export function markValue(text: string, state: Mark['state']): string {
  return valueOf(fingerprint(text), state);
}

const valueOf = (print: string, state: Mark['state']) => JSON.stringify({ text: print, state } satisfies Mark);

function parse(value: string | null): Mark | null {
  try {
    const mark: unknown = value ? JSON.parse(value) : null;
    if (typeof mark !== 'object' || mark === null) return null;
    const { text, state } = mark as Record<string, unknown>;
    if (typeof text !== 'string' || !['running', 'timeout', 'failed'].includes(state as string)) return null;
    return { text, state: state as Mark['state'] };
  } catch {
    return null;
  }
}

export interface ComputeMarker {
  /** Why `text` must not be derived without the learner asking (marked by an earlier visit or a failure here); null: go ahead. */
  unsafe: (text: string) => NotComputed | null;
  /** `text` is about to be derived; the mark written, for `end`. */
  begin: (text: string) => string;
  /** That derive finished and its result is on screen (a later `begin` since: nothing to do). */
  end: (mark: string) => void;
  /** Its derive was stopped or failed: it is not derived again without the learner asking. */
  fail: (text: string, why: 'timeout' | 'failed') => void;
  /** The page is going away: a derive still running in the worker did not freeze it. */
  leave: () => void;
}

export function createComputeMarker(storage: StoreDeps['storage']): ComputeMarker {
  const earlier = parse(load(storage, computeKey));
  /** Texts that failed in this tab, by fingerprint. */
  const failed = new Map<string, NotComputed>();
  if (earlier) failed.set(earlier.text, earlier.state === 'running' ? 'froze' : earlier.state);
  /** What this tab last wrote, so it never removes another tab's note. */
  let written: string | null = null;
  const write = (value: string) => {
    if (save(storage, computeKey, value)) written = value;
  };
  const clear = () => {
    if (written !== null && load(storage, computeKey) === written) remove();
    written = null;
  };
  /** Leaves no key behind where storage can remove one (a link's visit stores nothing). */
  const remove = () => {
    try {
      if (storage?.removeItem) storage.removeItem(computeKey);
      else save(storage, computeKey, '');
    } catch {
      // Storage that throws on removal keeps the note; the next derive replaces it.
    }
  };
  return {
    unsafe: (text) => (failed.size ? (failed.get(fingerprint(text)) ?? null) : null),
    begin: (text) => {
      const print = fingerprint(text);
      failed.delete(print);
      const mark = valueOf(print, 'running');
      write(mark);
      return mark;
    },
    end: (mark) => {
      if (written === mark) clear();
    },
    fail: (text, why) => {
      const print = fingerprint(text);
      failed.set(print, why);
      write(valueOf(print, why));
    },
    leave: () => {
      if (written && parse(written)?.state === 'running') clear();
    },
  };
}
