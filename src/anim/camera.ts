// Where the camera looks: the nodes and objects on the walk when they fit at a readable
// scale, else the current hop (and what opens beside it), kept on screen. Pure geometry.

import type { ClusterLayout, Point, Rect } from '../layout/types';
import type { Trace } from '../model';

export interface Camera {
  /** Screen px = drawing units × k + (x, y). */
  x: number;
  y: number;
  k: number;
}

export interface Viewport {
  w: number;
  h: number;
}

/** The drawing's text is at least 11 units: at scale 1 it reads at 11 px or more. */
export const readableScale = 1;
export const minScale = 0.1;
export const maxScale = 4;
const pad = 16;

export function union(rects: Rect[]): Rect | undefined {
  if (rects.length === 0) return undefined;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const x2 = Math.max(...rects.map((r) => r.x + r.w));
  const y2 = Math.max(...rects.map((r) => r.y + r.h));
  return { x, y, w: x2 - x, h: y2 - y };
}

/** The whole of `rect` in the viewport, centred, never larger than `maxK`. */
export function fit(rect: Rect, view: Viewport, maxK = 1.6): Camera {
  const k = Math.max(minScale, Math.min((view.w - 2 * pad) / Math.max(rect.w, 1), (view.h - 2 * pad) / Math.max(rect.h, 1), maxK));
  return { k, x: view.w / 2 - (rect.x + rect.w / 2) * k, y: view.h / 2 - (rect.y + rect.h / 2) * k };
}

/** The boxes the walk passes through: its nodes and the LAN hosts (the Service box is only a label of its rules). */
export function walkBounds(layout: ClusterLayout, trace: Trace | null): Rect | undefined {
  if (!trace) return undefined;
  const rects: Rect[] = [];
  const nodes = new Set(trace.steps.map((s) => s.at.node));
  for (const n of layout.nodes) if (nodes.has(n.name)) rects.push(n);
  const elements = new Set(trace.steps.map((s) => s.at.element));
  if (elements.has('client')) rects.push(layout.client);
  if (elements.has('router')) rects.push(layout.router);
  // The LAN below the nodes, where the packet crosses it.
  for (const s of trace.steps) {
    const node = s.at.element === 'wire' ? layout.nodes.find((n) => n.name === s.at.node) : undefined;
    if (node) rects.push({ x: node.nic.x, y: layout.lan.y - 8, w: node.nic.w, h: 16 });
  }
  return union(rects);
}

const inside = (p: Point, c: Camera, view: Viewport, margin: number) => {
  const sx = p.x * c.k + c.x;
  const sy = p.y * c.k + c.y;
  return sx >= margin && sx <= view.w - margin && sy >= margin && sy <= view.h - margin;
};

/**
 * The camera for a step: the walk fitted when that is readable and shows `focus`; otherwise
 * the focus (the hop, and a ladder opened beside it) centred at a readable scale, with the hop
 * itself always on screen.
 */
export function cameraFor(walk: Rect | undefined, hop: Point, focus: Rect | undefined, view: Viewport): Camera {
  if (walk) {
    const whole = fit(walk, view);
    const shows = (r: Rect) => [r, { x: r.x + r.w, y: r.y + r.h, w: 0, h: 0 }].every((p) => inside(p, whole, view, 4));
    if (whole.k >= readableScale && inside(hop, whole, view, 24) && (!focus || shows(focus))) return whole;
  }
  const k = readableScale;
  const target = focus ?? { x: hop.x, y: hop.y, w: 0, h: 0 };
  const cam = { k, x: view.w / 2 - (target.x + target.w / 2) * k, y: view.h / 2 - (target.y + target.h / 2) * k };
  // The focus may be larger than the screen: slide back until the hop is in view.
  const margin = Math.min(16, view.w / 4, view.h / 4);
  const sx = hop.x * k + cam.x;
  const sy = hop.y * k + cam.y;
  if (sx < margin) cam.x += margin - sx;
  if (sx > view.w - margin) cam.x -= sx - (view.w - margin);
  if (sy < margin) cam.y += margin - sy;
  if (sy > view.h - margin) cam.y -= sy - (view.h - margin);
  return cam;
}
