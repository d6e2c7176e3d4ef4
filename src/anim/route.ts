// Where the packet's path runs on the drawing. Inside a node it follows a lane in the node's
// right margin and reaches each box through a gap or the box's right edge, so it never crosses
// the text inside the boxes; between nodes it leaves by the NIC's uplink and runs along the LAN.
// Request and reply run side by side, a few units apart.

import { anchorOf } from '../layout/anchors';
import type { ClusterLayout, LanHostBox, NodeBox, Point, PodBox, Rect } from '../layout/types';
import type { Location, Step } from '../model';

type Phase = Step['phase'];

/** Half the distance between the request's and the reply's lane. */
const spread = 3;

/** Where a hop sits, and the way from its node's lane (or the LAN) to it. */
export interface Port {
  point: Point;
  /** From the lane (first point) to `point` (last point); empty for a hop on the LAN. */
  approach: Point[];
}

const offset = (phase: Phase) => (phase === 'request' ? -spread : spread);

function laneX(node: NodeBox, phase: Phase): number {
  const innerRight = node.cni0.x + node.cni0.w;
  return (innerRight + node.x + node.w) / 2 + offset(phase);
}

const innerRightOf = (node: NodeBox) => node.cni0.x + node.cni0.w;

/** A box whose right edge is the node's inner edge: reached straight from the lane. */
function fromRight(node: NodeBox, y: number, phase: Phase): Port {
  const at = { x: innerRightOf(node), y: y + offset(phase) };
  return { point: at, approach: [{ x: laneX(node, phase), y: at.y }, at] };
}

/** A box reached from the gap above it, at `x`. */
function fromAbove(node: NodeBox, x: number, top: number, gapY: number, phase: Phase): Port {
  const px = x + offset(phase);
  return {
    point: { x: px, y: top },
    approach: [
      { x: laneX(node, phase), y: gapY + offset(phase) },
      { x: px, y: gapY + offset(phase) },
      { x: px, y: top },
    ],
  };
}

function podOf(node: NodeBox, key: string | undefined): PodBox | undefined {
  for (const g of node.groups) for (const p of g.pods) if (p.key === key) return p;
  return undefined;
}

/** A pod is reached from the gap below its row, at its eth0. */
function podPort(node: NodeBox, pod: PodBox, phase: Phase, inside: boolean): Port {
  const x = pod.eth0.x + offset(phase);
  const gapY = pod.y + pod.h + 4 + offset(phase) / 2;
  const edge = { x, y: pod.y + pod.h };
  const approach = [{ x: laneX(node, phase), y: gapY }, { x, y: gapY }, edge];
  return inside ? { point: { x, y: pod.y + pod.h / 2 }, approach: [...approach, { x, y: pod.y + pod.h / 2 }] } : { point: edge, approach };
}

function nodePort(node: NodeBox, loc: Location, phase: Phase): Port | undefined {
  const gap = (top: number, above: number) => (top + above) / 2;
  switch (loc.element) {
    case 'pod':
    case 'pod-eth0': {
      const pod = podOf(node, loc.pod);
      return pod && podPort(node, pod, phase, loc.element === 'pod');
    }
    case 'veth': {
      const pod = podOf(node, loc.pod);
      if (!pod) return undefined;
      const y = pod.y + pod.h + 4 + offset(phase) / 2;
      const at = { x: laneX(node, phase), y };
      return { point: at, approach: [at] };
    }
    case 'cni0':
      return fromRight(node, node.cni0.y + node.cni0.h / 2, phase);
    case 'netfilter': {
      const nf = node.netfilter;
      const row = nf.hooks.find((h) => h.hook === loc.hook);
      const y = row ? row.y + row.h / 2 : nf.y + nf.h / 2;
      // In IPVS mode the IPVS box stands right of netfilter: come down the netfilter box's own margin.
      if (node.ipvs) {
        const x = nf.x + nf.w - 3;
        const gapY = gap(nf.y, node.cni0.y + node.cni0.h);
        const p = fromAbove(node, x, nf.y, gapY, phase);
        const at = { x: p.point.x, y };
        return { point: at, approach: [...p.approach, at] };
      }
      return fromRight(node, y, phase);
    }
    case 'ipvs':
      return node.ipvs ? fromRight(node, node.ipvs.y + node.ipvs.h / 2, phase) : undefined;
    case 'routing':
      return fromRight(node, node.routing.y + 10, phase);
    case 'flannel.1': {
      const f = node.flannel;
      return fromAbove(node, f.x + f.w - 24, f.y, gap(f.y, node.routing.y + node.routing.h), phase);
    }
    case 'nic':
      return fromRight(node, node.nic.y + node.nic.h / 2, phase);
    default:
      return undefined;
  }
}

/** The LAN's line for a phase. */
const lanY = (layout: ClusterLayout, phase: Phase) => layout.lan.y + offset(phase);

/** From a node's lane, out by the NIC's uplink onto the LAN (lane first). */
function exitOf(layout: ClusterLayout, node: NodeBox, phase: Phase): Point[] {
  const bottom = (node.nic.y + node.nic.h + node.y + node.h) / 2 + offset(phase);
  const x = node.nic.x + node.nic.w / 2 + offset(phase);
  return [
    { x: laneX(node, phase), y: bottom },
    { x, y: bottom },
    { x, y: lanY(layout, phase) },
  ];
}

/** A host on the LAN: its uplink to the LAN, then the host (LAN first). */
function hostWay(layout: ClusterLayout, host: LanHostBox, phase: Phase): Point[] {
  const x = host.uplink.x + offset(phase);
  return [
    { x, y: lanY(layout, phase) },
    { x, y: host.y },
    { x, y: host.anchor.y },
  ];
}

const nodeOf = (layout: ClusterLayout, name: string | undefined) => layout.nodes.find((n) => n.name === name);

/** One end of a hop: from the LAN (first point) to where the packet sits (last point). */
function wayFromLan(layout: ClusterLayout, loc: Location, phase: Phase): Point[] {
  if (loc.element === 'client') return hostWay(layout, layout.client, phase);
  if (loc.element === 'router') return hostWay(layout, layout.router, phase);
  const node = nodeOf(layout, loc.node);
  if (loc.element === 'wire') {
    const x = node ? node.nic.x + node.nic.w / 2 : (layout.lan.x1 + layout.lan.x2) / 2;
    return [{ x: x + offset(phase), y: lanY(layout, phase) }];
  }
  const port = node && nodePort(node, loc, phase);
  if (!node || !port) return [anchorOf(layout, loc)];
  return [...exitOf(layout, node, phase).reverse(), ...port.approach];
}

/** The box of the element a step is at, when it has one of its own (the camera shows it whole). */
export function boxOf(layout: ClusterLayout, loc: Location): Rect | undefined {
  if (loc.element === 'client') return layout.client;
  if (loc.element === 'router') return layout.router;
  const node = nodeOf(layout, loc.node);
  if (!node) return undefined;
  switch (loc.element) {
    case 'pod':
    case 'pod-eth0':
    case 'veth':
      return podOf(node, loc.pod);
    case 'cni0':
      return node.cni0;
    case 'netfilter':
      return node.netfilter;
    case 'ipvs':
      return node.ipvs;
    case 'routing':
      return node.routing;
    case 'flannel.1':
      return node.flannel;
    case 'nic':
      return node.nic;
    default:
      return undefined;
  }
}

/** Where the glyph sits for a step. */
export function pointOf(layout: ClusterLayout, step: Pick<Step, 'at' | 'phase'>): Point {
  const way = wayFromLan(layout, step.at, step.phase);
  return way[way.length - 1];
}

const sameNode = (a: Location, b: Location) =>
  a.node !== undefined &&
  a.node === b.node &&
  !['wire', 'client', 'router'].includes(a.element) &&
  !['wire', 'client', 'router'].includes(b.element);

/** Two points the eye cannot tell apart. */
export const samePoint = (a: Point, b: Point) => Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5;

/**
 * The way from one step to the next: along the node's lane, or out onto the LAN and in again.
 * It runs in the lane of the step it leads to (the reply's from the first reply step on).
 */
export function wayBetween(layout: ClusterLayout, from: Pick<Step, 'at' | 'phase'>, to: Pick<Step, 'at' | 'phase'>): Point[] {
  const phase = to.phase;
  const node = sameNode(from.at, to.at) ? nodeOf(layout, to.at.node) : undefined;
  const a = node && nodePort(node, from.at, phase);
  const b = node && nodePort(node, to.at, phase);
  const points =
    node && a && b
      ? [...[...a.approach].reverse(), ...b.approach]
      : [...wayFromLan(layout, from.at, phase).reverse(), ...wayFromLan(layout, to.at, phase)];
  return points.filter((p, i) => i === 0 || !samePoint(p, points[i - 1]));
}
