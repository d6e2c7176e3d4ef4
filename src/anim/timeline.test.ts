import { describe, expect, it } from 'vitest';
import { openingSpec, scenarioModel, scenarioTrace } from '../../e2e/fixtures/scenario';
import { anchorOf } from '../layout/anchors';
import { layoutCluster } from '../layout/clusterLayout';
import { arrivalOf, buildTimeline, frameAt, nextStep, previousStep, reducedMotionTiming, routeOf } from './timeline';

const model = scenarioModel('hostnames');
const layout = layoutCluster(model.state);
// The default packet, with the endpoint forced onto a node other than the client's, so the walk crosses the LAN.
const spec = openingSpec(model)!;
const clientNode = spec.from.kind === 'pod' ? model.state.podNets[`${spec.from.namespace}/${spec.from.name}`].node : '';
const remote = Object.values(model.state.podNets).find((p) => p.key.startsWith('default/hostnames-') && p.node !== clientNode)!;
const trace = scenarioTrace(model, { ...spec, endpoint: `${remote.ip}:9376` });
const timing = { travelMs: 400, holdMs: 1000 };
const tl = buildTimeline(trace, layout, timing);

describe('buildTimeline / frameAt', () => {
  it('holds the glyph on the first step at time 0', () => {
    expect(frameAt(tl, 0)).toMatchObject({ step: 0, traveling: false, point: anchorOf(layout, trace.steps[0].at) });
  });

  it('ends on the endpoint pod the rules chose, on another node', () => {
    expect(trace.outcome).toMatchObject({ result: 'delivered', endpoint: `${remote.ip}:9376`, node: remote.node });
  });

  it('travels between the anchors of consecutive steps, then holds', () => {
    const seg = tl.segments.find((s) => s.arrive > s.start)!;
    const mid = frameAt(tl, (seg.start + seg.arrive) / 2)!;
    expect(mid.traveling).toBe(true);
    expect(mid.step).toBe(seg.step);
    const between = (v: number, a: number, b: number) => v >= Math.min(a, b) - 1e-9 && v <= Math.max(a, b) + 1e-9;
    expect(between(mid.point.x, seg.from.x, seg.to.x) && between(mid.point.y, seg.from.y, seg.to.y)).toBe(true);
    expect(frameAt(tl, seg.arrive + 1)).toMatchObject({ traveling: false, point: seg.to });
  });

  it('ends on the last step, and stays there past the end', () => {
    const last = trace.steps.length - 1;
    expect(frameAt(tl, tl.duration)?.step).toBe(last);
    expect(frameAt(tl, tl.duration + 5000)?.step).toBe(last);
  });

  it('jumps without travel when motion is reduced', () => {
    const jumpy = buildTimeline(trace, layout, reducedMotionTiming);
    for (let t = 0; t <= jumpy.duration; t += 100) expect(frameAt(jumpy, t)?.traveling).toBe(false);
  });

  it('is empty without a trace', () => {
    expect(frameAt(buildTimeline(null, layout), 0)).toBeNull();
  });
});

describe('stepping', () => {
  it('steps forward to the next step and back to the previous one', () => {
    const at3 = arrivalOf(tl, 3);
    expect(frameAt(tl, at3)?.step).toBe(3);
    expect(nextStep(tl, at3)?.step).toBe(4);
    expect(previousStep(tl, at3)).toBe(2);
    expect(previousStep(tl, 0)).toBe(0);
    expect(nextStep(tl, tl.duration)).toBeUndefined();
  });
});

describe('travel between nodes', () => {
  it('leaves through the NIC and runs along the LAN instead of cutting across other boxes', () => {
    const i = trace.steps.findIndex((s, k) => k > 0 && s.at.node !== trace.steps[k - 1].at.node);
    const seg = tl.segments[i];
    expect(seg.path.some((p) => p.y === layout.lan.y)).toBe(true);
    const reply = tl.segments.find((s) => s.phase === 'reply' && trace.steps[s.step].at.element === 'wire')!;
    const server = layout.nodes.find((n) => n.name === remote.node)!;
    expect(reply.path).toContainEqual({ x: server.nic.x + server.nic.w / 2, y: server.nic.y + server.nic.h / 2 });
    const quarter = frameAt(tl, seg.start + (seg.arrive - seg.start) * 0.5)!;
    expect(quarter.point.y).toBeGreaterThanOrEqual(Math.min(seg.from.y, seg.to.y));
  });

  it('goes straight within a node', () => {
    const i = trace.steps.findIndex(
      (s, k) => k > 0 && s.at.node === trace.steps[k - 1].at.node && s.at.element !== 'wire' && trace.steps[k - 1].at.element !== 'wire',
    );
    const seg = tl.segments[i];
    expect(seg.path).toEqual([seg.from, seg.to]);
  });
});

describe('routeOf', () => {
  it('draws the reply path from where the request ended', () => {
    const request = routeOf(tl, 'request');
    const reply = routeOf(tl, 'reply');
    expect(reply[0]).toEqual(request[request.length - 1]);
  });

  it('draws only the way travelled so far', () => {
    expect(routeOf(tl, 'request', 0)).toEqual([anchorOf(layout, trace.steps[0].at)]);
    expect(routeOf(tl, 'request', 3).length).toBeLessThan(routeOf(tl, 'request').length);
    expect(routeOf(tl, 'reply', 3)).toEqual([]);
  });
});
