import { describe, expect, it } from 'vitest';
import { fixtureModel, fixtureTrace } from '../../e2e/fixtures/model';
import type { Model } from '../model/model';
import { createAppStore } from './appStore';
import { selectActiveStep, selectAtEnd } from './selectors';
import { textStorageKey } from './slices/text';
import type { StoreDeps } from './types';

/** A stand-in model: one manifest per `---` document, an error for a line saying BROKEN. */
function fakeDerive(files: { name: string; text: string }[]): Model {
  const text = files[0].text;
  const model = fixtureModel(text);
  const docs = text.split(/^---$/m).filter((d) => d.trim() && !d.includes('BROKEN'));
  model.manifests = docs.map(() => ({}) as Model['manifests'][number]);
  const line = text.split('\n').findIndex((l) => l.includes('BROKEN'));
  if (line >= 0)
    model.diagnostics = [{ severity: 'error', code: 'yaml.syntax', params: {}, file: files[0].name, offset: 0, line: line + 1, col: 1 }];
  if (!text.trim()) model.state.nodes = [];
  return model;
}

function memoryStorage(initial: Record<string, string> = {}) {
  const data = { ...initial };
  return { data, getItem: (k: string) => data[k] ?? null, setItem: (k: string, v: string) => void (data[k] = v) };
}

const deps = (extra: Partial<StoreDeps> = {}) => ({
  deriveModel: fakeDerive,
  traceModel: () => fixtureTrace(),
  reducedMotion: true,
  ...extra,
});

describe('text', () => {
  it('persists every change and restores it on the next load', () => {
    const storage = memoryStorage();
    createAppStore(deps({ storage })).getState().setText('kind: Service\n');
    expect(storage.data[textStorageKey]).toBe('kind: Service\n');
    const again = createAppStore(deps({ storage }));
    expect(again.getState().text).toBe('kind: Service\n');
    expect(again.getState().restored).toBe(true);
  });

  it('derives the model once per edit and traces the default packet', () => {
    let derived = 0;
    const store = createAppStore(deps({ deriveModel: (f) => (derived++, fakeDerive(f)) }));
    store.getState().setText('a: 1\n---\nb: 2\n');
    expect(derived).toBe(1);
    expect(store.getState().trace?.steps.length).toBe(fixtureTrace().steps.length);
    expect(store.getState().spec?.to).toMatchObject({ ip: '10.96.140.18', port: 80 });
  });

  it('keeps showing the last good model while a broken edit loses objects, but reports the error', () => {
    const store = createAppStore(deps());
    store.getState().setText('a: 1\n---\nb: 2\n');
    const good = store.getState().shown;
    store.getState().setText('a: 1\n---\nb: 2 BROKEN\n');
    expect(store.getState().shown).toBe(good);
    expect(store.getState().stale).toBe(true);
    expect(store.getState().model?.diagnostics[0].line).toBe(3);
    store.getState().setText('a: 1\n---\nb: 3\n');
    expect(store.getState().stale).toBe(false);
    expect(store.getState().shown).not.toBe(good);
  });

  it('keeps the text when the model throws', () => {
    const store = createAppStore(
      deps({
        deriveModel: () => {
          throw new Error('unfinished');
        },
      }),
    );
    const quiet = console.error;
    console.error = () => {};
    store.getState().setText('still here');
    console.error = quiet;
    expect(store.getState().text).toBe('still here');
  });
});

describe('playhead', () => {
  const ready = () => {
    const store = createAppStore(deps());
    store.getState().setText('a: 1\n');
    return store;
  };

  it('steps forward and back through the trace', () => {
    const store = ready();
    expect(store.getState().selectedStep).toBe(0);
    store.getState().stepForward();
    store.getState().stepForward();
    expect(selectActiveStep(store.getState())?.index).toBe(2);
    store.getState().stepBack();
    expect(store.getState().selectedStep).toBe(1);
  });

  it('plays to the end and stops there', () => {
    const store = ready();
    store.getState().play();
    for (let i = 0; i < 1000 && store.getState().playing; i++) store.getState().tick(100);
    expect(store.getState().playing).toBe(false);
    expect(selectAtEnd(store.getState())).toBe(true);
    store.getState().play(); // from the end, play starts over
    expect(store.getState().t).toBe(0);
  });

  it('with motion, a step forward travels and stops on arrival', () => {
    const store = createAppStore(deps({ reducedMotion: false }));
    store.getState().setText('a: 1\n');
    store.getState().stepForward();
    expect(store.getState().playing).toBe(true);
    for (let i = 0; i < 100 && store.getState().playing; i++) store.getState().tick(50);
    expect(store.getState().selectedStep).toBe(1);
    expect(store.getState().t).toBe(store.getState().timeline.segments[1].arrive);
  });

  it('keeps the step when the text changes', () => {
    const store = ready();
    store.getState().goToStep(5);
    store.getState().setText('a: 2\n');
    expect(store.getState().selectedStep).toBe(5);
  });
});

describe('packet', () => {
  it('traces the packet the learner picks', () => {
    const specs: unknown[] = [];
    const store = createAppStore(deps({ traceModel: (_m, spec) => (specs.push(spec), fixtureTrace()) }));
    store.getState().setText('a: 1\n');
    store.getState().setTo({ kind: 'ip', ip: '10.96.0.10', port: 53, proto: 'udp' });
    expect(specs.at(-1)).toMatchObject({ to: { ip: '10.96.0.10', port: 53 } });
    store.getState().setText('a: 2\n'); // a chosen packet survives edits
    expect(specs.at(-1)).toMatchObject({ to: { ip: '10.96.0.10', port: 53 } });
  });
});
