import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scenarioText } from '../../e2e/fixtures/scenario';
import { deriveModel, walkPacket } from '../model';
import { createAppStore } from '../store/appStore';
import { viewOf } from '../store/view';
import { decodeShare } from './codec';
import { shareStateOf } from './state';
import { presentationQuery, startUrlSync, writtenHere } from './urlSync';

const hostnames = scenarioText('hostnames');
let written: string[];
/** Waits in real time (the tests fake setTimeout for the sync's debounce). */
const realTimeout = globalThis.setTimeout;
const wait = (ms: number) => new Promise((r) => realTimeout(r, ms));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  written = [];
  const session = new Map<string, string>();
  vi.stubGlobal('sessionStorage', { getItem: (k: string) => session.get(k) ?? null, setItem: (k: string, v: string) => session.set(k, v) });
  vi.stubGlobal('location', new URL('https://example.org/pw/?lang=zh-CN&scenario=old&theme=dark#v1.before'));
  vi.stubGlobal('history', {
    state: null,
    replaceState: (_: unknown, __: string, url: string) => {
      written.push(url);
      location.href = new URL(url, location.href).href;
    },
    pushState: () => written.push('PUSH'),
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Lets the (real, asynchronous) compression finish after the timer fired. */
const flush = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => queueMicrotask(() => r(null)));
  await vi.waitFor(() => expect(written.length).toBeGreaterThan(0), { timeout: 2000 });
};

describe('startUrlSync', () => {
  it('writes the state once the changes pause, replacing the entry, keeping only lang and theme', async () => {
    const store = createAppStore({ deriveModel, walkPacket, reducedMotion: true });
    const stop = startUrlSync(store);
    store.getState().setText(hostnames);
    for (let step = 1; step < 6; step++) {
      store.getState().goToStep(step);
      vi.advanceTimersByTime(100);
    }
    expect(written).toEqual([]);
    vi.advanceTimersByTime(400);
    await flush();
    expect(written).toHaveLength(1);
    const [path, fragment] = written[0]!.split('#');
    expect(path).toBe('/pw/?lang=zh-CN&theme=dark');
    expect(await decodeShare(fragment!)).toEqual({ ok: true, state: shareStateOf(store.getState()) });
    expect(shareStateOf(store.getState()).step).toBe(6);
    // A reload of this tab will know the address as its own; another link is not.
    expect(writtenHere(fragment!)).toBe(true);
    expect(writtenHere('v1.another')).toBe(false);
    stop();
    store.getState().goToStep(2);
    vi.advanceTimersByTime(1000);
    expect(written).toHaveLength(1);
  });

  it('leaves a link pasted while it was encoding for the page to open', async () => {
    const store = createAppStore({ deriveModel, walkPacket, reducedMotion: true });
    startUrlSync(store);
    store.getState().setText(hostnames);
    vi.advanceTimersByTime(400);
    // The compression is under way: the learner pastes another link into the address bar.
    location.hash = '#v1.pasted';
    // Long enough for the compression to finish (a write would have happened by now without the guard).
    await wait(500);
    expect(written).toEqual([]);
    expect(location.hash).toBe('#v1.pasted');
  });

  it('does not write while a text derives', async () => {
    let finish: () => void = () => {};
    const store = createAppStore({
      deriveModel,
      walkPacket,
      reducedMotion: true,
      deriveAsync: ({ files, options }) =>
        new Promise((resolve) => {
          finish = () =>
            resolve(() => ({ view: viewOf(deriveModel(files, options)), stale: false, spec: null, trace: null, layout: null }));
        }),
    });
    startUrlSync(store);
    store.getState().setText(`${hostnames}${'#\n'.repeat(25_000)}`);
    vi.advanceTimersByTime(5000);
    expect(store.getState().deriving).toBe(true);
    expect(written).toEqual([]);
    finish();
    await vi.waitFor(() => expect(store.getState().deriving).toBe(false));
    vi.advanceTimersByTime(400);
    await flush();
    expect(written).toHaveLength(1);
  });
});

describe('presentationQuery', () => {
  it('keeps lang and theme, drops the rest', () => {
    expect(presentationQuery('?scenario=x&lang=en')).toBe('?lang=en');
    expect(presentationQuery('?src=http://evil')).toBe('');
    expect(presentationQuery('')).toBe('');
  });
});
