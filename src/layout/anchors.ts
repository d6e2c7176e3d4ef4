// Where on the drawing a trace Location sits. Keys are stable strings so anchors
// can be looked up from any step; lookups fall back to the nearest enclosing box.

import type { Location } from '../model';
import type { ClusterLayout, Point } from './types';

/** Elements the model may name before the drawing has a box for them (the router arrives with BGP). */
type AnchorElement = Location['element'] | 'router';

export function anchorKey(loc: { node?: string; element: AnchorElement; pod?: string; hook?: string }): string {
  return [loc.node ?? '', loc.element, loc.pod ?? '', loc.hook ?? ''].join('|');
}

/** The point a packet glyph sits at for a location; never undefined. */
export function anchorOf(layout: ClusterLayout, loc: Location): Point {
  const a = layout.anchors;
  const exact = a[anchorKey(loc)];
  if (exact) return exact;
  const withoutHook = a[anchorKey({ ...loc, hook: undefined })];
  if (withoutHook) return withoutHook;
  // A pod on a node we did not draw (hidden layer, or the step names only the pod).
  if (loc.pod) {
    const pod = Object.entries(a).find(([k]) => k.endsWith(`|pod|${loc.pod}|`));
    if (pod) return pod[1];
  }
  if (loc.element === 'client') return layout.client.anchor;
  const node = layout.nodes.find((n) => n.name === loc.node);
  if (loc.element === 'wire')
    return node ? { x: node.nic.x + node.nic.w / 2, y: layout.lan.y } : { x: (layout.lan.x1 + layout.lan.x2) / 2, y: layout.lan.y };
  if (node) return { x: node.x + node.w / 2, y: node.y + node.h / 2 };
  return layout.client.anchor;
}
