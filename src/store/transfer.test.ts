import { describe, expect, it } from 'vitest';
import { manyServices } from '../../bench/generate';
import { scenarioModel, scenarioTrace } from '../../e2e/fixtures/scenario';
import { deriveModel, walkPacket } from '../model';
import { chooseSpec } from './derive';
import { fromPayload, toPayload } from './transfer';

/** What a worker's postMessage does to a value. */
const overTheWire = <T>(x: T): T => structuredClone(x);

describe('a model from the derive worker', () => {
  it('survives structured clone, and walks the same on the page as in the worker', () => {
    const model = scenarioModel('hostnames');
    const trace = scenarioTrace(model);
    const { model: copy, trace: copied } = fromPayload(overTheWire(toPayload(model, trace)));
    expect(copied).toEqual(trace);
    expect(copy.state.pods.length).toBe(model.state.pods.length);
    expect(copy.diagnostics).toEqual(model.diagnostics);
    expect(walkPacket(copy, trace.spec)).toEqual(trace);
  });

  it('sends only the nodes the walk built; the others are built on the page when asked for', () => {
    const model = deriveModel([{ name: 'big.yaml', text: manyServices(40, 2, 6) }]);
    const spec = chooseSpec(model, { spec: null, specChosen: false })!;
    const trace = walkPacket(model, spec);
    const payload = toPayload(model, trace);
    const walked = new Set(trace.steps.flatMap((s) => (s.at.node ? [s.at.node] : [])));
    expect(Object.keys(payload.nodes).length).toBeLessThan(model.state.nodes.length);
    for (const n of walked) expect(payload.nodes[n]).toBeDefined();
    const { model: copy } = fromPayload(overTheWire(payload));
    const other = model.state.nodes.map((n) => n.metadata.name).find((n) => !payload.nodes[n])!;
    expect(copy.dataplane.node(other)!.iptablesSave).toBe(model.dataplane.node(other)!.iptablesSave);
  });

  it('carries the Ingress model, and walks a URL the same on the page', () => {
    const model = scenarioModel('ingress-basic');
    const trace = walkPacket(model, { from: { kind: 'client' }, to: { kind: 'url', url: 'http://localhost/' } });
    const { model: copy } = fromPayload(overTheWire(toPayload(model, trace)));
    expect(copy.ingress).toEqual(model.ingress);
    expect(walkPacket(copy, trace.spec)).toEqual(trace);
  });

  it('keeps source positions for diagnostics', () => {
    const model = deriveModel([
      { name: 'm.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: {ports: [{port: 99999}]}\n' },
    ]);
    const { model: copy } = fromPayload(overTheWire(toPayload(model, null)));
    expect(copy.diagnostics.map((d) => [d.line, d.col])).toEqual(model.diagnostics.map((d) => [d.line, d.col]));
    expect(copy.manifests[0].source.at('spec.ports.0.port')).toEqual(copy.manifests[0].source.pos);
  });
});
