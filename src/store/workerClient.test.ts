import { describe, expect, it, vi } from 'vitest';
import { manyServices } from '../../bench/generate';
import { scenarioText } from '../../e2e/fixtures/scenario';
import { inProcessWorker } from '../../e2e/fixtures/worker';
import { deriveModel, walkPacket } from '../model';
import { chooseSpec, layoutOf } from './derive';
import { defaultLayers } from './slices/model';
import type { DeriveRequest } from './types';
import { viewOf } from './view';

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
});
