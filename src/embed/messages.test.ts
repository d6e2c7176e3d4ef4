import { describe, expect, it } from 'vitest';
import { scenarioText } from '../../e2e/fixtures/scenario';
import { deriveModel, walkPacket } from '../model';
import { createAppStore } from '../store/appStore';
import { commandOf, connectToParent, runCommand, stepMessage } from './messages';

const walkedStore = () => {
  const store = createAppStore({ deriveModel, walkPacket, reducedMotion: true });
  store.getState().openScenario('hostnames', scenarioText('hostnames'));
  return store;
};

describe('commandOf', () => {
  it('accepts play, pause and a seek to a whole step', () => {
    expect(commandOf({ type: 'packetwalk:play' })).toEqual({ type: 'packetwalk:play' });
    expect(commandOf({ type: 'packetwalk:pause', extra: 1 })).toEqual({ type: 'packetwalk:pause' });
    expect(commandOf({ type: 'packetwalk:seek', step: 5 })).toEqual({ type: 'packetwalk:seek', step: 5 });
  });

  it('ignores every other shape', () => {
    for (const data of [
      'packetwalk:play',
      null,
      42,
      { type: 'packetwalk:seek' },
      { type: 'packetwalk:seek', step: '5' },
      { type: 'packetwalk:seek', step: 2.5 },
      { type: 'packetwalk:seek', step: 0 },
      { type: 'packetwalk:seek', step: Infinity },
      { type: 'packetwalk:resize', height: 10 },
      { type: 'play' },
    ])
      expect(commandOf(data)).toBeNull();
  });
});

describe('the parent page', () => {
  it('hears each step once, 1-based, and steers the walk', () => {
    const store = walkedStore();
    const of = store.getState().trace!.steps.length;
    const posted: unknown[] = [];
    const listeners: ((e: MessageEvent) => void)[] = [];
    const parent = { postMessage: (m: unknown) => posted.push(m) };
    const win = { parent, addEventListener: (_: string, l: (e: MessageEvent) => void) => listeners.push(l), removeEventListener: () => {} };
    const stop = connectToParent(store, win as unknown as Window);
    const fromParent = (data: unknown, source: unknown = parent) => listeners.forEach((l) => l({ data, source } as MessageEvent));

    expect(posted).toEqual([{ type: 'packetwalk:step', step: 1, of }]);
    fromParent({ type: 'packetwalk:seek', step: 5 });
    expect(store.getState().selectedStep).toBe(4);
    // Another window's message, or a second seek to the same step, moves nothing and says nothing new.
    fromParent({ type: 'packetwalk:seek', step: 9 }, {});
    fromParent({ type: 'packetwalk:seek', step: 5 });
    expect(posted).toEqual([
      { type: 'packetwalk:step', step: 1, of },
      { type: 'packetwalk:step', step: 5, of },
    ]);
    // A seek past the end goes to the last step.
    fromParent({ type: 'packetwalk:seek', step: of + 10 });
    expect(posted.at(-1)).toEqual({ type: 'packetwalk:step', step: of, of });
    stop();
  });

  it('does nothing when the player is not in a frame', () => {
    const store = walkedStore();
    const win = { addEventListener: () => expect.unreachable() } as unknown as Window & { parent: unknown };
    win.parent = win;
    connectToParent(store, win);
  });

  it('runs a command that arrives before the walk once the walk is there', () => {
    const store = createAppStore({ deriveModel, walkPacket, reducedMotion: true });
    runCommand(store, { type: 'packetwalk:seek', step: 3 });
    expect(stepMessage(store.getState())).toBeNull();
    store.getState().openScenario('hostnames', scenarioText('hostnames'));
    expect(stepMessage(store.getState())).toMatchObject({ step: 3 });
  });

  it('plays and pauses', () => {
    const store = walkedStore();
    runCommand(store, { type: 'packetwalk:play' });
    expect(store.getState().playing).toBe(true);
    runCommand(store, { type: 'packetwalk:pause' });
    expect(store.getState().playing).toBe(false);
  });
});
