// The embed and the page around it talk by postMessage, and only when there is such a page.
// Out: {type: "packetwalk:resize", height} when the content's height changes (the page may size
// the iframe to it) and {type: "packetwalk:step", step, of} on every step change (1-based, like
// "Step 3 of 29"). In: play, pause and seek {step: N}. Any page may embed the player, so a
// message is accepted from the parent window whatever its origin, but only in these shapes:
// nothing in it is ever run or rendered.

import type { AppStore } from '../store/appStore';
import type { AppState } from '../store/types';

export type EmbedMessage = { type: 'packetwalk:resize'; height: number } | { type: 'packetwalk:step'; step: number; of: number };

export type ParentCommand = { type: 'packetwalk:play' } | { type: 'packetwalk:pause' } | { type: 'packetwalk:seek'; step: number };

/** The command a message from the parent carries, or null for anything else. */
export function commandOf(data: unknown): ParentCommand | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, step } = data as Record<string, unknown>;
  if (type === 'packetwalk:play' || type === 'packetwalk:pause') return { type };
  if (type === 'packetwalk:seek' && Number.isSafeInteger(step) && (step as number) >= 1) return { type, step: step as number };
  return null;
}

/** Runs a command once there is a walk to run it on (a seek may arrive while the manifests still load). */
export function runCommand(store: AppStore, command: ParentCommand): void {
  whenWalked(store, (s) => {
    if (command.type === 'packetwalk:play') s.play();
    else if (command.type === 'packetwalk:pause') s.pause();
    else s.goToStep(Math.min(command.step, s.timeline.segments.length) - 1);
  });
}

/** Calls `then` now if the store has a walk to play, else once it has one. */
export function whenWalked(store: AppStore, then: (s: AppState) => void): void {
  const walked = (s: AppState) => s.timeline.segments.length > 0;
  if (walked(store.getState())) return then(store.getState());
  const stop = store.subscribe((s) => {
    if (!walked(s)) return;
    stop();
    then(s);
  });
}

/** The step message for a state, or null without a walk. */
export function stepMessage(s: Pick<AppState, 'selectedStep' | 'trace'>): EmbedMessage | null {
  const of = s.trace?.steps.length ?? 0;
  return of > 0 && s.selectedStep >= 0 ? { type: 'packetwalk:step', step: s.selectedStep + 1, of } : null;
}

/** Posts step changes to the parent and obeys its commands; returns the function that stops both. */
export function connectToParent(store: AppStore, win: Window): () => void {
  if (win.parent === win) return () => {};
  const post = postTo(win);
  let last = '';
  const sendStep = (s: AppState) => {
    const message = stepMessage(s);
    const key = message ? JSON.stringify(message) : '';
    if (!message || key === last) return;
    last = key;
    post(message);
  };
  sendStep(store.getState());
  const unsubscribe = store.subscribe(sendStep);
  const onMessage = (e: MessageEvent) => {
    if (e.source !== win.parent) return;
    const command = commandOf(e.data);
    if (command) runCommand(store, command);
  };
  win.addEventListener('message', onMessage);
  return () => {
    unsubscribe();
    win.removeEventListener('message', onMessage);
  };
}

/** Posts a height to the parent when it differs from the last one posted. */
export function heightReporter(win: Window): (height: number) => void {
  if (win.parent === win) return () => {};
  const post = postTo(win);
  let last = -1;
  return (measured) => {
    const height = Math.ceil(measured);
    if (height === last || !(height > 0)) return;
    last = height;
    post({ type: 'packetwalk:resize', height });
  };
}

// The page around the player may be on any origin; the messages say nothing private.
const postTo = (win: Window) => (message: EmbedMessage) => win.parent.postMessage(message, '*');
