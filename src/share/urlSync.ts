// The address bar follows the state: after ~400 ms without a change, the fragment is replaced
// (history.replaceState, never a new history entry per edit or step). Nothing is written while a
// text derives, so a link being opened is not overwritten by the state it replaces.

import type { AppStore } from '../store/appStore';
import type { AppState } from '../store/types';
import { encodeShare, shareLimits } from './codec';
import { shareStateOf } from './state';

const quietMs = 400;
/** Per tab, the fragment this tab last wrote: a reload finds its own address apart from a link it was given. */
const addressKey = 'packetwalk:address';

/** Whether this tab wrote `fragment` itself (so the page is being reloaded, not opened from a link). */
export function writtenHere(fragment: string): boolean {
  try {
    return sessionStorage.getItem(addressKey) === fragment;
  } catch {
    return false;
  }
}

function remember(fragment: string): void {
  try {
    sessionStorage.setItem(addressKey, fragment);
  } catch {
    // Not remembered: a reload then opens the address as a link of the same text, which keeps it the learner's.
  }
}

/** The parts of the store a link carries: a change in any of them is a new address. */
const shareable = (s: AppState) => [s.text, s.scenario, s.spec, s.selectedStep, s.whatIf, s.layers, s.comparison?.service, s.deriving];

/** Only `lang` and `theme` stay in the query: presentation, not state. */
export function presentationQuery(search: string): string {
  const from = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const key of ['lang', 'theme']) {
    const value = from.get(key);
    if (value !== null) kept.set(key, value);
  }
  const query = kept.toString();
  return query ? `?${query}` : '';
}

export function startUrlSync(store: AppStore): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  let stopped = false;
  /** The fragment this sync last saw or wrote: any other one was put there by someone else (a pasted link). */
  let ours = location.hash;

  const write = async () => {
    const s = store.getState();
    if (s.deriving) return; // its end is a change, which schedules the write again
    const gen = ++generation;
    const fragment = await encodeShare(shareStateOf(s));
    // A link pasted meanwhile is not overwritten: its hashchange restarts the sync once it is open.
    if (stopped || gen !== generation || location.hash !== ours) return;
    // A state too large to open again is not put in the address: the query alone then.
    const hash = fragment.length <= shareLimits.fragment ? `#${fragment}` : '';
    history.replaceState(history.state, '', `${location.pathname}${presentationQuery(location.search)}${hash}`);
    ours = location.hash;
    remember(ours.slice(1));
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void write(), quietMs);
  };

  const unsubscribe = store.subscribe((s, previous) => {
    const now = shareable(s);
    const before = shareable(previous);
    if (now.some((v, i) => v !== before[i])) schedule();
  });
  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
  };
}
