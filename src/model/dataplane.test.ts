import { describe, expect, it } from 'vitest';
import { deriveModel } from './index';
import { manyServices } from '../../bench/generate';

describe("a model's dataplane, node by node", () => {
  const model = () => deriveModel([{ name: 'big.yaml', text: manyServices(20, 2, 4) }]);

  it('builds only the nodes asked for, once each', () => {
    const m = model();
    const [a, b] = m.dataplane.nodeNames;
    expect(Object.keys(m.dataplane.built())).toEqual([]);
    const first = m.dataplane.node(a!);
    expect(m.dataplane.node(a!)).toBe(first);
    expect(Object.keys(m.dataplane.built())).toEqual([a]);
    expect(m.dataplane.built()[b!]).toBeUndefined();
    expect(m.dataplane.node('no-such-node')).toBeUndefined();
  });

  it("prints the node's restore batch without building the node, the same text as the node's", () => {
    const m = model();
    const name = m.dataplane.nodeNames[1]!;
    const restore = m.dataplane.iptablesRestore(name);
    expect(Object.keys(m.dataplane.built())).toEqual([]);
    expect(restore).toContain(':KUBE-SERVICES');
    expect(m.dataplane.node(name)!.iptablesRestore).toBe(restore);
  });

  it('keeps nodes another copy of the model built, so asking for them here returns those', () => {
    const worker = model();
    const page = model();
    const name = worker.dataplane.nodeNames[0]!;
    worker.dataplane.node(name);
    page.dataplane.adopt(structuredClone(worker.dataplane.built()));
    expect(page.dataplane.built()[name]!.iptablesSave).toBe(worker.dataplane.node(name)!.iptablesSave);
    expect(page.dataplane.node(name)).toBe(page.dataplane.built()[name]);
  });
});
