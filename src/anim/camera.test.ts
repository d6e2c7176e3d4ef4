import { describe, expect, it } from 'vitest';
import { scenarioModel, scenarioTrace } from '../../e2e/fixtures/scenario';
import { layoutCluster } from '../layout/clusterLayout';
import { cameraFor, fit, readableScale, walkBounds } from './camera';
import { pointOf } from './route';

const model = scenarioModel('hostnames');
const layout = layoutCluster(model.state);
const trace = scenarioTrace(model);
const onScreen = (p: { x: number; y: number }, c: { x: number; y: number; k: number }, view: { w: number; h: number }) => {
  const [x, y] = [p.x * c.k + c.x, p.y * c.k + c.y];
  return x >= 0 && x <= view.w && y >= 0 && y <= view.h;
};

describe('the camera', () => {
  const walk = walkBounds(layout, trace)!;

  it('frames the nodes the walk visits, not the whole cluster', () => {
    const visited = new Set(trace.steps.map((s) => s.at.node));
    expect(layout.nodes.length).toBeGreaterThan(visited.size);
    const unvisited = layout.nodes.find((n) => !visited.has(n.name))!;
    const outside = unvisited.x >= walk.x + walk.w || unvisited.x + unvisited.w <= walk.x;
    expect(outside).toBe(true);
  });

  it('fits the walk when it is readable there, and keeps every hop on screen', () => {
    const big = { w: 2400, h: 1600 };
    const c = fit(walk, big);
    expect(c.k).toBeGreaterThanOrEqual(readableScale);
    for (const step of trace.steps) expect(cameraFor(walk, pointOf(layout, step), undefined, big)).toEqual(c);
  });

  it('follows the hop at a readable scale where the walk does not fit (a laptop, a phone)', () => {
    for (const view of [
      { w: 1000, h: 520 },
      { w: 390, h: 420 },
    ]) {
      for (const step of trace.steps) {
        const hop = pointOf(layout, step);
        const c = cameraFor(walk, hop, { x: hop.x - 30, y: hop.y - 30, w: 60, h: 60 }, view);
        expect(c.k).toBeGreaterThanOrEqual(readableScale);
        expect(onScreen(hop, c, view)).toBe(true);
      }
    }
  });

  it('keeps the hop on screen when what opened beside it is larger than the screen', () => {
    const hop = { x: 500, y: 400 };
    const c = cameraFor(walk, hop, { x: 0, y: 0, w: 900, h: 900 }, { w: 390, h: 400 });
    expect(onScreen(hop, c, { w: 390, h: 400 })).toBe(true);
  });
});
