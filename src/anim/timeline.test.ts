import { describe, expect, it } from 'vitest';
import { openingSpec, scenarioModel, scenarioTrace } from '../../e2e/fixtures/scenario';
import { layoutCluster } from '../layout/clusterLayout';
import { arrivalOf, buildTimeline, frameAt, nextStep, previousStep, reducedMotionTiming } from './timeline';
import { pointOf } from './route';

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
    expect(frameAt(tl, 0)).toMatchObject({ step: 0, traveling: false, point: pointOf(layout, trace.steps[0]) });
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

describe('the path between hops', () => {
  it("leaves a node by its NIC's uplink and runs along the LAN between nodes", () => {
    const i = trace.steps.findIndex((s, k) => k > 0 && s.at.node !== trace.steps[k - 1].at.node);
    const seg = tl.segments[i];
    const lanYs = seg.path.filter((p) => Math.abs(p.y - layout.lan.y) <= 3).map((p) => p.y);
    expect(lanYs.length).toBeGreaterThanOrEqual(2);
    const server = layout.nodes.find((n) => n.name === remote.node)!;
    const uplinkX = server.nic.x + server.nic.w / 2;
    expect(seg.path.some((p) => Math.abs(p.x - uplinkX) <= 3 && Math.abs(p.y - layout.lan.y) <= 3)).toBe(true);
  });

  it("runs inside a node along its right margin, never across the boxes' text", () => {
    for (const seg of tl.segments) {
      const node = layout.nodes.find((n) => n.name === trace.steps[seg.step].at.node);
      if (!node || trace.steps[seg.step].at.element === 'wire') continue;
      const innerRight = node.cni0.x + node.cni0.w;
      const within = (p: { x: number; y: number }) => p.x >= node.x && p.x <= node.x + node.w && p.y >= node.y && p.y <= node.y + node.h;
      // Every long vertical run inside the node is in its margin; the others are short drops onto a box's edge.
      for (let k = 1; k < seg.path.length; k++) {
        const [a, b] = [seg.path[k - 1], seg.path[k]];
        if (a.x === b.x && Math.abs(a.y - b.y) > 30 && within(a) && within(b)) expect(a.x).toBeGreaterThanOrEqual(innerRight);
      }
    }
  });

  it('keeps the reply beside the request, not on top of it', () => {
    // The lanes in the nodes' right margins.
    const lanes = (phase: 'request' | 'reply') =>
      new Set(
        tl.segments
          .filter((s) => s.phase === phase)
          .flatMap((s) => s.path)
          .filter((p) => layout.nodes.some((n) => p.x > n.cni0.x + n.cni0.w && p.x < n.x + n.w && p.y > n.y && p.y < n.y + n.h))
          .map((p) => p.x),
      );
    const request = lanes('request');
    const reply = lanes('reply');
    expect(request.size).toBeGreaterThan(0);
    expect(reply.size).toBeGreaterThan(0);
    expect([...reply].some((x) => request.has(x))).toBe(false);
  });
});
