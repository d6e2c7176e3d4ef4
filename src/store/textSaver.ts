// Writes the learner's text to storage without losing anyone's: once per pause in typing (not on
// every keystroke), at once when asked (the page is hidden or closed), and never over a text
// another tab stored there since this tab last read or wrote it — that is handed back as theirs,
// and nothing more is written until the learner has chosen.

import { load, save } from './storage';
import type { StoreDeps } from './types';

/** Quiet after the last keystroke before the text is written. */
export const saveQuietMs = 300;

export interface SaverEvents {
  /** Whether the last write of the editor's text reached storage. */
  saved: (ok: boolean) => void;
  /** Another tab stored `text` under `key` over what this tab last knew there, while this tab has its own. */
  conflict: (key: string, text: string) => void;
}

export interface TextSaver {
  /** Reads a key, remembering what it held. */
  read: (key: string) => string | null;
  /** Writes a key now (skipped when it already holds the value); false when storage refused it. */
  write: (key: string, value: string) => boolean;
  /** The editor's text changed: it is written under `key` (after `first`, if any) after a pause. */
  queue: (key: string, text: string, first?: [string, string][]) => void;
  /** Writes what waits now. */
  flush: () => void;
  /** The edit waiting to be written (or held by a conflict), if any. */
  waiting: () => { key: string; text: string } | null;
  /** Forgets the waiting edit (theirs was taken). */
  drop: () => void;
  /** Another tab wrote `key`: its value is what this tab now knows is there. */
  heard: (key: string, value: string | null) => void;
  /** While true (a conflict is open), nothing is written. */
  hold: (held: boolean) => void;
}

export function createTextSaver(storage: StoreDeps['storage'], on: SaverEvents): TextSaver {
  // What each key held when this tab last read, wrote or heard it.
  const known = new Map<string, string | null>();
  let waiting: { key: string; text: string; first: [string, string][] } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let held = false;

  const read = (key: string) => {
    const value = load(storage, key);
    known.set(key, value);
    return value;
  };
  const write = (key: string, value: string) => {
    if (known.get(key) === value) return true;
    const ok = save(storage, key, value);
    if (ok) known.set(key, value);
    return ok;
  };

  const flush = () => {
    clearTimeout(timer);
    if (!waiting || held) return;
    const { key, text, first } = waiting;
    // The storage event tells of another tab's write, but a frozen or restored page can miss it:
    // what is there now is checked before it is replaced.
    const there = load(storage, key);
    if (known.has(key) && there && there !== known.get(key) && there !== text) {
      known.set(key, there);
      on.conflict(key, there);
      return;
    }
    const ok = first.every(([k, v]) => write(k, v)) && write(key, text);
    if (ok) waiting = null;
    on.saved(ok);
  };

  return {
    read,
    write,
    queue: (key, text, first = []) => {
      waiting = { key, text, first };
      clearTimeout(timer);
      timer = setTimeout(flush, saveQuietMs);
    },
    flush,
    waiting: () => waiting && { key: waiting.key, text: waiting.text },
    drop: () => {
      clearTimeout(timer);
      waiting = null;
    },
    heard: (key, value) => void known.set(key, value),
    hold: (h) => void (held = h),
  };
}
