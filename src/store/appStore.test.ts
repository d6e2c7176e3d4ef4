import { describe, expect, it, vi } from 'vitest';
import { manyServices } from '../../bench/generate';
import { scenarioText } from '../../e2e/fixtures/scenario';
import { inProcessWorker } from '../../e2e/fixtures/worker';
import { deriveModel, walkPacket } from '../model';
import { createAppStore } from './appStore';
import { computeKey, markValue } from './computeMarker';
import { asyncThreshold } from './derive';
import { selectActiveStep, selectAtEnd } from './selectors';
import type { StoreDeps } from './types';
import { WorkerStopped } from './workerClient';

const hostnames = scenarioText('hostnames');
/** The first document broken the way a half-typed line breaks it. */
const broken = `kind: Service: oops\n${hostnames}`;

function memoryStorage(initial: Record<string, string> = {}) {
  const data = { ...initial };
  return { data, getItem: (k: string) => data[k] ?? null, setItem: (k: string, v: string) => void (data[k] = v) };
}

const deps = (extra: Partial<StoreDeps> = {}) => ({ deriveModel, walkPacket, reducedMotion: true, ...extra });

describe('text', () => {
  it('derives the model once per edit and traces the default packet to a hostnames pod', () => {
    let derived = 0;
    const store = createAppStore(deps({ deriveModel: (f, o) => (derived++, deriveModel(f, o)) }));
    store.getState().setText(hostnames);
    expect(derived).toBe(1);
    const s = store.getState();
    const svc = s.model!.state.services.find((x) => x.metadata.name === 'hostnames')!;
    expect(s.spec?.to).toMatchObject({ ip: svc.spec.clusterIP, port: 80 });
    expect(s.trace?.outcome).toMatchObject({ result: 'delivered', service: 'default/hostnames' });
    expect(s.trace?.outcome.pod).toMatch(/^default\/hostnames-/);
  });

  it('keeps showing the last good model while a broken edit loses objects, but reports the error', () => {
    const store = createAppStore(deps());
    store.getState().setText(hostnames);
    const good = store.getState().shown;
    store.getState().setText(broken);
    expect(store.getState().shown).toBe(good);
    expect(store.getState().stale).toBe(true);
    expect(store.getState().model?.diagnostics.find((d) => d.severity === 'error')?.line).toBe(1);
    store.getState().setText(hostnames.replace('replicas: 3', 'replicas: 4'));
    expect(store.getState().stale).toBe(false);
    expect(store.getState().shown).not.toBe(good);
    expect(
      store
        .getState()
        .layout?.nodes.flatMap((n) => n.groups)
        .filter((g) => g.workload === 'hostnames')
        .flatMap((g) => g.pods),
    ).toHaveLength(4);
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
    store.getState().setText(hostnames);
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
    store.getState().setText(hostnames);
    store.getState().stepForward();
    expect(store.getState().playing).toBe(true);
    for (let i = 0; i < 100 && store.getState().playing; i++) store.getState().tick(50);
    expect(store.getState().selectedStep).toBe(1);
    expect(store.getState().t).toBe(store.getState().timeline.segments[1].arrive);
  });

  it('keeps the step when the text changes', () => {
    const store = ready();
    store.getState().goToStep(5);
    store.getState().setText(`${hostnames}\n# a comment\n`);
    expect(store.getState().selectedStep).toBe(5);
  });
});

describe('packet', () => {
  it('traces the packet the learner picks', () => {
    const specs: unknown[] = [];
    const store = createAppStore(deps({ walkPacket: (m, spec) => (specs.push(spec), walkPacket(m, spec)) }));
    store.getState().setText(hostnames);
    store.getState().setTo({ kind: 'ip', ip: '10.96.0.10', port: 53, proto: 'udp' });
    expect(specs.at(-1)).toMatchObject({ to: { ip: '10.96.0.10', port: 53 } });
    expect(store.getState().trace?.outcome).toMatchObject({ result: 'delivered', service: 'kube-system/kube-dns' });
    store.getState().setText(`${hostnames}\n# a comment\n`); // a chosen packet survives edits
    expect(specs.at(-1)).toMatchObject({ to: { ip: '10.96.0.10', port: 53 } });
  });
});

describe('gallery', () => {
  it("never loses the learner's own text: a scenario replaces the editor, backToMine brings it back", () => {
    const storage = memoryStorage();
    const store = createAppStore(deps({ storage }));
    store.getState().setText('kind: Pod\nmetadata: {name: mine}\n');
    store.getState().openScenario('hostnames', hostnames);
    expect(store.getState()).toMatchObject({
      text: hostnames,
      scenario: 'hostnames',
      edited: false,
      mine: 'kind: Pod\nmetadata: {name: mine}\n',
    });
    // The next visit sees the same.
    const again = createAppStore(deps({ storage }));
    expect(again.getState()).toMatchObject({ text: hostnames, scenario: 'hostnames', mine: 'kind: Pod\nmetadata: {name: mine}\n' });
    again.getState().backToMine();
    expect(again.getState()).toMatchObject({ text: 'kind: Pod\nmetadata: {name: mine}\n', scenario: null });
  });

  it("keeps an edit of a scenario with that scenario, apart from the learner's own text", () => {
    const storage = memoryStorage();
    const store = createAppStore(deps({ storage }));
    store.getState().setText('# mine\n');
    store.getState().openScenario('hostnames', hostnames);
    store.getState().setText(`${hostnames}# tried\n`);
    expect(store.getState()).toMatchObject({ edited: true, mine: '# mine\n' });
    store.getState().openScenario('nodeport', scenarioText('nodeport'));
    store.getState().openScenario('hostnames', hostnames);
    expect(store.getState().text).toBe(`${hostnames}# tried\n`);
    store.getState().resetScenario(hostnames);
    expect(store.getState()).toMatchObject({ text: hostnames, edited: false, mine: '# mine\n' });
  });

  it('opens each scenario on its default packet and the proxy mode its manifests say', () => {
    const store = createAppStore(deps());
    store.getState().openScenario('hostnames', hostnames);
    store.getState().setWhatIf({ proxyMode: 'ipvs' });
    expect(store.getState().model?.state.config.proxy.mode).toBe('ipvs');
    store.getState().openScenario('nodeport', scenarioText('nodeport'));
    expect(store.getState().whatIf).toEqual({});
    expect(store.getState().model?.state.config.proxy.mode).toBe('iptables');
    expect(store.getState().spec?.from).toEqual({ kind: 'client' });
  });
});

describe('a large text', () => {
  const big = manyServices(90, 2, 4);
  const settle = () => new Promise((r) => setTimeout(r, 250));

  it('derives off the main thread, debounced, latest edit wins; a new packet and other layers are handled there too', async () => {
    const worker = inProcessWorker();
    const store = createAppStore(deps(worker.deps));
    const derived = () => vi.waitFor(() => expect(store.getState().deriving).toBe(false), { timeout: 30_000 });
    expect(big.length).toBeGreaterThan(asyncThreshold);
    store.getState().setText(big);
    store.getState().setText(`${big}# one more key\n`);
    expect(store.getState().deriving).toBe(true);
    expect(store.getState().model).toBeNull();
    await derived();
    const asked = worker.received.flatMap((r) => (r.kind === 'derive' ? [r.files[0].text] : []));
    expect(asked).toEqual([`${big}# one more key\n`]);
    const s = store.getState();
    expect(s).toMatchObject({ deriving: false, text: `${big}# one more key\n` });
    expect(s.trace?.outcome.result).toBe('delivered');
    // The page holds the view, not the model: what is drawn is laid out in the worker.
    expect(s.shown?.full).toBeUndefined();
    expect(s.layout?.services.some((x) => x.key === s.trace?.outcome.service)).toBe(true);

    store.getState().setTo({ kind: 'ip', ip: '10.96.0.10', port: 53, proto: 'udp' });
    await derived();
    expect(worker.received.map((r) => r.kind)).toEqual(['derive', 'trace']);
    expect(store.getState().trace?.outcome).toMatchObject({ result: 'delivered', service: 'kube-system/kube-dns' });
    expect(store.getState().layout?.services.some((x) => x.key === 'kube-system/kube-dns')).toBe(true);

    store.getState().setLayer('builtin', false);
    await vi.waitFor(() => expect(worker.received.map((r) => r.kind)).toEqual(['derive', 'trace', 'layout']));
    await vi.waitFor(() => expect(store.getState().layout?.services.some((x) => x.key.startsWith('kube-system/'))).toBe(false));
  });

  it('a paste goes to the worker at once; typing waits for a pause', async () => {
    const worker = inProcessWorker();
    const store = createAppStore(deps(worker.deps));
    const asked = () => worker.received.filter((r) => r.kind === 'derive').length;
    const soon = () => new Promise((r) => setTimeout(r, 30)); // well under the 150 ms pause typing waits for
    store.getState().setText(big);
    await soon();
    expect(asked()).toBe(1);
    await vi.waitFor(() => expect(store.getState().deriving).toBe(false), { timeout: 30_000 });
    store.getState().setText(`${big}#`);
    await soon();
    expect(asked()).toBe(1);
    await vi.waitFor(() => expect(asked()).toBe(2));
  });

  it('compares externalTrafficPolicy in the worker: the same two walks as comparing here', async () => {
    const text = `${scenarioText('etp-local')}${'#\n'.repeat(25_000)}`;
    const worker = inProcessWorker();
    const store = createAppStore(deps(worker.deps));
    store.getState().setText(text);
    await vi.waitFor(() => expect(store.getState().deriving).toBe(false), { timeout: 30_000 });
    const service = store.getState().trace!.outcome.service!;
    store.getState().compareEtp(service);
    await vi.waitFor(() => expect(store.getState().comparison).not.toBeNull());
    expect(worker.received.map((r) => r.kind)).toEqual(['derive', 'compare']);
    const here = createAppStore(deps());
    here.getState().setText(text);
    here.getState().compareEtp(service);
    expect(store.getState().comparison).toEqual(here.getState().comparison);
    expect(store.getState().comparison?.walks.map((w) => w.trace?.outcome.result)).toEqual(['delivered', 'dropped']);
  });

  it('never derives on the page a text the worker failed on: the text is kept, with the reason, and Try again asks the worker again', async () => {
    const quiet = console.error;
    console.error = () => {};
    const deriveModelHere = vi.fn(deriveModel);
    const deriveAsync = vi.fn(() => Promise.reject(new WorkerStopped('failed', 'DataCloneError: out of memory')));
    const store = createAppStore(deps({ deriveModel: deriveModelHere, deriveAsync }));
    store.getState().setText(big);
    await settle();
    expect(store.getState()).toMatchObject({ deriving: false, text: big, notComputed: 'failed', model: null, trace: null });
    store.getState().tryAgain();
    await settle();
    console.error = quiet;
    expect(deriveAsync).toHaveBeenCalledTimes(2);
    expect(deriveModelHere).not.toHaveBeenCalled();
    expect(store.getState()).toMatchObject({ text: big, notComputed: 'failed' });
  });

  it('keeps small texts on the synchronous path', () => {
    const store = createAppStore(deps({ deriveAsync: () => Promise.reject(new Error('not for small texts')) }));
    store.getState().setText(hostnames);
    expect(store.getState().trace?.outcome.result).toBe('delivered');
  });
});

describe('a safe start', () => {
  const saved = (text: string, mark?: string) =>
    memoryStorage({ 'packetwalk:mine': text, ...(mark === undefined ? {} : { [computeKey]: mark }) });

  it('a held store shows the restored text, computing, and derives it only when started', () => {
    const deriveModelHere = vi.fn(deriveModel);
    const store = createAppStore(deps({ deriveModel: deriveModelHere, storage: saved(hostnames), held: true }));
    expect(store.getState()).toMatchObject({ text: hostnames, restored: true, deriving: true, model: null });
    expect(deriveModelHere).not.toHaveBeenCalled();
    store.getState().startDeriving();
    expect(deriveModelHere).toHaveBeenCalledTimes(1);
    expect(store.getState()).toMatchObject({ deriving: false, notComputed: null });
    expect(store.getState().trace?.outcome.result).toBe('delivered');
  });

  it('marks the text a visit first derives while it derives, and clears the mark after: a tab frozen by it leaves the mark behind', () => {
    const storage = saved(hostnames);
    let during: string | undefined;
    createAppStore(deps({ storage, deriveModel: (f, o) => ((during = storage.data[computeKey]), deriveModel(f, o)) }));
    expect(during).toBe(markValue(hostnames, 'running'));
    expect(storage.data[computeKey]).toBe('');
  });

  it('marks a paste, not a keystroke: typing into a computed text writes no mark', () => {
    const storage = saved(hostnames);
    const store = createAppStore(deps({ storage }));
    const marks: string[] = [];
    const setItem = storage.setItem;
    storage.setItem = (k, v) => (k === computeKey && marks.push(v), setItem(k, v));
    const typed = `${hostnames}# more\n`;
    store.getState().setText(typed);
    expect(store.getState().trace?.outcome.result).toBe('delivered');
    expect(marks).toEqual([]);
    const pasted = `${typed}${'# pasted\n'.repeat(200)}`;
    store.getState().setText(pasted);
    expect(marks).toEqual([markValue(pasted, 'running'), '']);
  });

  it('keeps the mark until the page has painted the result: a tab frozen while drawing it is caught too', () => {
    const storage = saved('');
    const paints: (() => void)[] = [];
    const store = createAppStore(deps({ storage, afterPaint: (work) => void paints.push(work) }));
    // A paste, over the empty text the visit opened on.
    const pasted = `${hostnames}${'#\n'.repeat(600)}`;
    store.getState().setText(pasted);
    expect(store.getState().trace?.outcome.result).toBe('delivered');
    expect(storage.data[computeKey]).toBe(markValue(pasted, 'running'));
    // The page froze drawing it: the next visit opens it in safe mode.
    store.getState().saveText();
    expect(createAppStore(deps({ storage })).getState().notComputed).toBe('froze');
    const replaced = `${hostnames}# more\n`;
    store.getState().setText(replaced);
    // The earlier texts' paints come late: the new text's mark stays until its own paint.
    for (const paint of paints.splice(0, paints.length - 1)) paint();
    expect(storage.data[computeKey]).toBe(markValue(replaced, 'running'));
    paints.shift()!();
    expect(storage.data[computeKey]).toBe('');
  });

  it('opens a text the last visit froze on in safe mode: its text, no model, nothing derived; Try again derives it in the worker', async () => {
    const worker = inProcessWorker();
    const deriveModelHere = vi.fn(deriveModel);
    const storage = saved(hostnames, markValue(hostnames, 'running'));
    const store = createAppStore(deps({ ...worker.deps, deriveModel: deriveModelHere, storage, held: true }));
    store.getState().startDeriving();
    expect(store.getState()).toMatchObject({ text: hostnames, notComputed: 'froze', deriving: false, model: null, layout: null });
    store.getState().tryAgain();
    expect(store.getState()).toMatchObject({ notComputed: null, deriving: true });
    await vi.waitFor(() => expect(store.getState().deriving).toBe(false), { timeout: 30_000 });
    expect(worker.received.map((r) => r.kind)).toEqual(['derive']);
    expect(deriveModelHere).not.toHaveBeenCalled();
    expect(store.getState().trace?.outcome.result).toBe('delivered');
    expect(storage.data[computeKey]).toBe('');
  });

  it('in safe mode an edit derives (in the worker, never on the page again this visit)', async () => {
    const worker = inProcessWorker();
    const deriveModelHere = vi.fn(deriveModel);
    const store = createAppStore(
      deps({ ...worker.deps, deriveModel: deriveModelHere, storage: saved(hostnames, markValue(hostnames, 'timeout')) }),
    );
    expect(store.getState().notComputed).toBe('timeout');
    const edited = hostnames.replace('replicas: 3', 'replicas: 2');
    store.getState().setText(edited);
    expect(store.getState().notComputed).toBeNull();
    await vi.waitFor(() => expect(store.getState().trace?.outcome.result).toBe('delivered'), { timeout: 30_000 });
    expect(deriveModelHere).not.toHaveBeenCalled();
    expect(store.getState().text).toBe(edited);
  });

  it('a worker that runs over its budget leaves the text marked: the next visit opens it in safe mode', async () => {
    const quiet = console.error;
    console.error = () => {};
    const storage = saved('');
    const store = createAppStore(deps({ storage, deriveAsync: () => Promise.reject(new WorkerStopped('timeout', 'over 10000 ms')) }));
    store.getState().setText(`${hostnames}${'#\n'.repeat(25_000)}`);
    await vi.waitFor(() => expect(store.getState().notComputed).toBe('timeout'));
    console.error = quiet;
    store.getState().saveText();
    const next = createAppStore(deps({ storage, held: true }));
    next.getState().startDeriving();
    expect(next.getState()).toMatchObject({ notComputed: 'timeout', model: null });
    expect(next.getState().text).toBe(store.getState().text);
  });

  it('a page closed while the worker computes leaves no mark: the next visit derives as usual', async () => {
    const storage = saved('');
    const store = createAppStore(deps({ storage, deriveAsync: () => new Promise(() => {}) }));
    const big = `${hostnames}${'#\n'.repeat(25_000)}`;
    store.getState().setText(big);
    await vi.waitFor(() => expect(storage.data[computeKey]).toBe(markValue(big, 'running')));
    store.getState().saveText();
    store.getState().pageLeft();
    expect(storage.data[computeKey]).toBe('');
    const next = createAppStore(deps({ storage }));
    expect(next.getState()).toMatchObject({ text: big, notComputed: null });
    expect(next.getState().trace?.outcome.result).toBe('delivered');
  });

  it('a mark for another text, or one it cannot read, changes nothing', () => {
    for (const mark of [
      markValue('kind: Pod', 'running'),
      '{',
      '"running"',
      'null',
      '{"text":5,"state":"running"}',
      '{"text":"1:a","state":"x"}',
    ]) {
      const store = createAppStore(deps({ storage: saved(hostnames, mark) }));
      expect(store.getState().notComputed).toBeNull();
      expect(store.getState().trace?.outcome.result).toBe('delivered');
    }
  });
});

describe('compare externalTrafficPolicy', () => {
  it('walks the same packet under both policies, keeps in step with a new packet, and closes', () => {
    const store = createAppStore(deps());
    store.getState().setText(scenarioText('etp-local'));
    const service = store.getState().trace!.outcome.service!;
    const spec = store.getState().spec!;
    if (spec.to.kind !== 'ip') throw new Error('expected an IP target');
    // To the node without the echo pod: Local drops there, Cluster forwards.
    store.getState().setTo({ ...spec.to, ip: '192.168.1.12' });
    store.getState().compareEtp(service);
    const walks = store.getState().comparison!.walks;
    expect(walks.map((w) => w.policy)).toEqual(['Cluster', 'Local']);
    expect(walks.map((w) => w.trace?.outcome.result)).toEqual(['delivered', 'dropped']);
    // The walk shown is one of the two, unchanged; the what-ifs are untouched.
    expect(walks[1].trace).toBe(store.getState().trace);
    expect(store.getState().whatIf).toEqual({});

    store.getState().setTo({ ...spec.to, ip: '192.168.1.11' });
    expect(store.getState().comparison!.walks.map((w) => w.trace?.outcome.result)).toEqual(['delivered', 'delivered']);
    store.getState().compareEtp(null);
    expect(store.getState().comparison).toBeNull();
  });

  it('offers nothing for a ClusterIP Service', () => {
    const store = createAppStore(deps());
    store.getState().setText(hostnames);
    store.getState().compareEtp('default/hostnames');
    expect(store.getState().comparison).toBeNull();
  });
});
