import { describe, expect, it, vi } from 'vitest';
import { manyServices } from '../../bench/generate';
import { scenarioText } from '../../e2e/fixtures/scenario';
import { deriveModel, walkPacket } from '../model';
import { createAppStore } from '../store/appStore';
import { asyncThreshold } from '../store/derive';
import { computeKey } from '../store/computeMarker';
import { storageKeys } from '../store/storage';
import type { StoreDeps } from '../store/types';
import { v1Links as fixtures } from '../../e2e/fixtures/links';
import { inProcessWorker } from '../../e2e/fixtures/worker';
import { applyShareState, isShareStateV1, shareStateOf } from './state';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = { ...initial };
  return {
    data,
    /** What is stored of the learner's texts (not the note of the text being computed). */
    texts: () => Object.fromEntries(Object.entries(data).filter(([k]) => k !== computeKey)),
    getItem: (k: string) => data[k] ?? null,
    setItem: (k: string, v: string) => void (data[k] = v),
  };
}

const deps = (extra: Partial<StoreDeps> = {}) => ({ deriveModel, walkPacket, reducedMotion: true, ...extra });
const hostnames = scenarioText('hostnames');
const settle = () => new Promise((r) => setTimeout(r, 250));

describe('shareStateOf', () => {
  it('carries the text, the scenario and the packet, and leaves defaults out', () => {
    const store = createAppStore(deps());
    store.getState().openScenario('hostnames', hostnames);
    expect(shareStateOf(store.getState())).toEqual({
      v: 1,
      text: hostnames,
      scenario: 'hostnames',
      packet: { from: 'pod/default/client', to: '10.103.92.24:80' },
    });
  });

  it('reproduces what the learner did in another store: the same walk at the same step', () => {
    const store = createAppStore(deps());
    store.getState().setText(hostnames);
    store.getState().setTo({ kind: 'name', name: 'hostnames', port: 80, proto: 'tcp' });
    store.getState().setWhatIf({ proxyMode: 'ipvs', notReadyPods: [] });
    store.getState().setLayer('dns', false);
    store.getState().goToStep(6);
    const state = shareStateOf(store.getState());
    expect(state).toEqual({
      v: 1,
      text: hostnames,
      packet: { from: 'pod/default/client', to: 'hostnames:80' },
      step: 7,
      whatIf: { proxyMode: 'ipvs' },
      layers: { dns: false },
    });

    const other = createAppStore(deps());
    applyShareState(other, state);
    const a = store.getState();
    const b = other.getState();
    expect(b.text).toBe(a.text);
    expect(b.selectedStep).toBe(6);
    expect(b.trace?.steps.map((s) => s.explain)).toEqual(a.trace?.steps.map((s) => s.explain));
    expect(b.trace?.outcome).toEqual(a.trace?.outcome);
    expect(b.layers.dns).toBe(false);
    expect(shareStateOf(b)).toEqual(state);
  });

  it("keeps a request's method and headers: a link to a Host-header try reaches the same route", () => {
    const store = createAppStore(deps());
    store.getState().openScenario('gateway-hostnames', scenarioText('gateway-hostnames'));
    const headers = [{ name: 'Host', value: 'shop.example.test' }];
    store.getState().setTo({ kind: 'url', url: 'http://192.168.1.240/', method: 'HEAD', headers });
    const state = shareStateOf(store.getState());
    expect(state.packet).toMatchObject({ to: 'http://192.168.1.240/', method: 'HEAD', headers: ['Host: shop.example.test'] });
    expect(isShareStateV1(JSON.parse(JSON.stringify(state)))).toBe(true);
    expect(isShareStateV1({ ...state, packet: { ...state.packet, headers: ['no colon'] } })).toBe(false);

    const other = createAppStore(deps());
    applyShareState(other, state);
    expect(other.getState().spec?.to).toEqual({ kind: 'url', url: 'http://192.168.1.240/', method: 'HEAD', headers });
    expect(other.getState().trace?.outcome.http).toEqual(store.getState().trace?.outcome.http);
    expect(other.getState().trace?.outcome.http?.route).toBeDefined();
  });
});

describe('applyShareState', () => {
  const cases = fixtures.flatMap((f) => [
    [f.name, f.state, false] as const,
    [`${f.name}, held until the page is shown`, f.state, true] as const,
  ]);
  it.each(cases)('%s opens at its step', (_, state, held) => {
    const store = createAppStore(deps({ held }));
    applyShareState(store, state);
    store.getState().startDeriving();
    const s = store.getState();
    expect(s.text).toBe(state.text);
    expect(s.selectedStep).toBe((state.step ?? 1) - 1);
    expect(s.trace?.outcome.result).toBe('delivered');
    expect(s.comparison?.service).toBe(state.compare);
    if (state.compare) expect(s.comparison?.walks.map((w) => w.trace?.outcome.result)).toEqual(['delivered', 'delivered']);
    expect(shareStateOf(s)).toEqual(state);
  });

  it('clamps a step past the end to the last one', () => {
    const store = createAppStore(deps());
    applyShareState(store, { v: 1, text: hostnames, step: 500 });
    expect(store.getState().selectedStep).toBe(store.getState().trace!.steps.length - 1);
  });

  it('stores nothing; an edit of the shared text never replaces the learner’s manifests or drafts', () => {
    const learner = {
      [storageKeys.text]: 'mine: 1\n',
      [storageKeys.scenario]: '',
      [storageKeys.mine]: 'mine: 1\n',
      [storageKeys.draft('hostnames')]: 'draft: 1\n',
    };
    const storage = memoryStorage(learner);
    const store = createAppStore(deps({ storage }));
    applyShareState(store, fixtures[0]!.state);
    expect(storage.texts()).toEqual(learner);
    expect(store.getState()).toMatchObject({ shared: true, scenario: 'hostnames', edited: false, mine: 'mine: 1\n' });

    store.getState().setText(`${hostnames}# mine now\n`);
    store.getState().saveText();
    expect(storage.texts()).toEqual({
      ...learner,
      [storageKeys.text]: `${hostnames}# mine now\n`,
      [storageKeys.scenario]: 'hostnames',
      [storageKeys.shared]: '1',
    });
    expect(store.getState()).toMatchObject({ shared: true, edited: false, mine: 'mine: 1\n' });

    // The next visit without a link finds the edited shared text, still apart from the learner's own.
    const again = createAppStore(deps({ storage }));
    expect(again.getState()).toMatchObject({ text: `${hostnames}# mine now\n`, shared: true, mine: 'mine: 1\n', edited: false });
    again.getState().backToMine();
    expect(again.getState()).toMatchObject({ text: 'mine: 1\n', shared: false, scenario: null });
    expect(storage.data[storageKeys.shared]).toBe('');
    expect(storage.data[storageKeys.draft('hostnames')]).toBe('draft: 1\n');
  });

  it('a link of the very text in the editor (a reload of the learner’s own address) changes only the view', () => {
    const storage = memoryStorage({ [storageKeys.text]: hostnames, [storageKeys.scenario]: '', [storageKeys.mine]: hostnames });
    const store = createAppStore(deps({ storage }));
    applyShareState(store, { v: 1, text: hostnames, step: 3, whatIf: { proxyMode: 'ipvs' } });
    expect(store.getState()).toMatchObject({ shared: false, scenario: null, selectedStep: 2, whatIf: { proxyMode: 'ipvs' } });
    store.getState().setText(`${hostnames}# more\n`);
    store.getState().saveText();
    expect(storage.data[storageKeys.mine]).toBe(`${hostnames}# more\n`);
  });

  const big = manyServices(90, 2, 4);

  it('waits for a large text derived in the worker, then lands on the step', async () => {
    expect(big.length).toBeGreaterThan(asyncThreshold);
    const store = createAppStore(deps(inProcessWorker().deps));
    applyShareState(store, { v: 1, text: big, step: 4, whatIf: { proxyMode: 'ipvs' } });
    expect(store.getState().deriving).toBe(true);
    await vi.waitFor(() => expect(store.getState().deriving).toBe(false), { timeout: 30_000 });
    const s = store.getState();
    expect(s).toMatchObject({ deriving: false, text: big, selectedStep: 3 });
    expect(s.shown?.state.config.proxy.mode).toBe('ipvs');
    expect(s.trace?.outcome.result).toBe('delivered');
  });

  it('is not replaced by a large restored text that finishes deriving later', async () => {
    const store = createAppStore(deps({ storage: memoryStorage({ [storageKeys.text]: big }), ...inProcessWorker().deps }));
    applyShareState(store, fixtures[0]!.state);
    await settle();
    expect(store.getState()).toMatchObject({ deriving: false, text: hostnames, selectedStep: 4 });
  });
});
