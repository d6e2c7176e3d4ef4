import { describe, expect, it, vi } from 'vitest';
import { manyServices } from '../../bench/generate';
import { scenarioText } from '../../e2e/fixtures/scenario';
import { inProcessWorker } from '../../e2e/fixtures/worker';
import { deriveModel, walkPacket } from '../model';
import { chooseSpec, layoutOf } from './derive';
import { defaultLayers } from './slices/model';
import type { DeriveRequest } from './types';
import { viewOf } from './view';
import { budgetFrom, defaultBudgetMs, workerDeriver, WorkerStopped, type WorkerAnswer, type WorkerRequest } from './workerClient';

/** A stand-in worker that answers only what `answer` says, and notes what happens to it. */
function scriptedWorkers(answer: (request: WorkerRequest) => WorkerAnswer | 'never' | 'throw') {
  const started: { received: WorkerRequest[]; terminated: boolean }[] = [];
  const start = () => {
    const noted = { received: [] as WorkerRequest[], terminated: false };
    started.push(noted);
    const worker = {
      onmessage: null as ((e: MessageEvent<WorkerAnswer>) => void) | null,
      postMessage(request: WorkerRequest) {
        const reply = answer(request);
        if (reply === 'throw') throw new DOMException('Data cannot be cloned, out of memory.', 'DataCloneError');
        noted.received.push(request);
        if (reply !== 'never') setTimeout(() => !noted.terminated && worker.onmessage?.({ data: reply } as MessageEvent<WorkerAnswer>));
      },
      terminate: () => void (noted.terminated = true),
    };
    return worker as unknown as Worker;
  };
  return { started, start };
}

const request = (text: string): DeriveRequest => ({
  files: [{ name: 'manifests.yaml', text }],
  options: {},
  packet: { spec: null, specChosen: false },
  layers: defaultLayers,
  previousObjects: null,
});

describe('the derive worker, seen from the page', () => {
  it('answers the latest text only: a request queued behind a newer one is never sent, a superseded answer never decoded', async () => {
    const worker = inProcessWorker();
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    const texts = [1, 2, 3].map((n) => manyServices(n * 10, 1, 2));
    const answers = texts.map((text) => worker.deps.deriveAsync(request(text)));
    const [first, second, third] = await Promise.all(answers);
    expect(first).toBeUndefined();
    expect(second).toBeUndefined();
    expect(worker.received.map((r) => (r.kind === 'derive' ? r.files[0].text : r.kind))).toEqual([texts[0], texts[2]]);
    expect(worker.answered).toHaveLength(2);
    expect(decode).not.toHaveBeenCalled();
    expect(third!().view.state.services.filter((s) => s.metadata.name.startsWith('app-'))).toHaveLength(30);
    expect(decode).toHaveBeenCalledTimes(1);
    decode.mockRestore();
  });

  it('sends what the page reads of a model derived there: the same facts, walk and drawing as deriving here', async () => {
    const text = scenarioText('hostnames');
    const here = deriveModel([{ name: 'manifests.yaml', text }]);
    const local = viewOf(here);
    const spec = chooseSpec(local, { spec: null, specChosen: false })!;
    const trace = walkPacket(here, spec);
    const derived = (await inProcessWorker().deps.deriveAsync(request(text)))!();
    expect(derived.spec).toEqual(spec);
    expect(derived.trace).toEqual(trace);
    expect(derived.layout).toEqual(layoutOf(here, defaultLayers, trace));
    const { view } = derived;
    expect(view.state).toEqual(local.state);
    expect(view.diagnostics).toEqual(local.diagnostics);
    expect(view.objects).toBe(local.objects);
    expect(view.opening()).toEqual(local.opening());
    // The listings of the nodes the walk crossed travel; a node it did not cross stays in the worker.
    for (const node of new Set(trace.steps.flatMap((s) => (s.at.node ? [s.at.node] : []))))
      expect(view.node(node)?.iptablesSave).toBe(local.node(node)?.iptablesSave);
    const elsewhere = here.state.nodes.map((n) => n.metadata.name).find((n) => !trace.steps.some((s) => s.at.node === n));
    expect(elsewhere).toBeDefined();
    expect(view.node(elsewhere!)).toBeUndefined();
  });

  it('walks another packet on the model the page shows, with the listings of the nodes it crosses', async () => {
    const worker = inProcessWorker();
    const text = manyServices(40, 2, 6);
    const { view } = (await worker.deps.deriveAsync(request(text)))!();
    const spec = {
      from: { kind: 'node' as const, name: 'node-4' },
      to: { kind: 'ip' as const, ip: '10.96.0.10', port: 53, proto: 'udp' as const },
    };
    const walked = await worker.deps.traceAsync(view, spec, defaultLayers)!;
    const here = deriveModel([{ name: 'manifests.yaml', text }]);
    expect(walked?.trace).toEqual(walkPacket(here, spec));
    expect(view.node('node-4')?.routes).toEqual(here.dataplane.node('node-4')?.routes);
    // A view the worker does not hold is walked on the page.
    expect(worker.deps.traceAsync(viewOf(here), spec, defaultLayers)).toBeUndefined();
  });

  it('stops a request that runs over the budget: the worker is terminated, the page told, and the next text gets a new worker', async () => {
    const hang = scriptedWorkers((r) => (r.kind === 'derive' && r.files[0].text === 'slow' ? 'never' : { id: r.id, error: 'no model' }));
    const deps = workerDeriver(hang.start, 50);
    const began = Date.now();
    const stopped = await deps.deriveAsync(request('slow')).catch((e: unknown) => e);
    expect(Date.now() - began).toBeLessThan(2_000);
    expect(stopped).toBeInstanceOf(WorkerStopped);
    expect((stopped as WorkerStopped).why).toBe('timeout');
    expect(hang.started[0].terminated).toBe(true);
    await deps.deriveAsync(request('next')).catch(() => undefined);
    expect(hang.started).toHaveLength(2);
    expect(hang.started[1].received.map((r) => (r.kind === 'derive' ? r.files[0].text : r.kind))).toEqual(['next']);
  });

  it('a request the worker fails on, or that cannot even be sent, fails on the page and never blocks the next one', async () => {
    const failing = scriptedWorkers((r) =>
      r.kind === 'derive' && r.files[0].text === 'huge' ? 'throw' : { id: r.id, error: 'RangeError: out of memory' },
    );
    const deps = workerDeriver(failing.start, 5_000);
    for (const text of ['huge', 'bomb']) {
      const stopped = await deps.deriveAsync(request(text)).catch((e: unknown) => e);
      expect(stopped).toBeInstanceOf(WorkerStopped);
      expect((stopped as WorkerStopped).why).toBe('failed');
    }
    // Each failure threw its worker away: the one a next text gets is fresh.
    expect(failing.started.map((w) => w.terminated)).toEqual([true, true]);
  });

  it('takes the budget the address asks for (?budget=SECONDS, 1 to 600), else 10 s', () => {
    expect(defaultBudgetMs).toBe(10_000);
    expect(budgetFrom('?budget=60')).toBe(60_000);
    expect(budgetFrom('?lang=zh-CN&budget=1.5')).toBe(1_500);
    for (const search of ['', '?budget=0', '?budget=-5', '?budget=601', '?budget=abc', '?budget=Infinity', '?budget='])
      expect(budgetFrom(search)).toBe(defaultBudgetMs);
  });
});
