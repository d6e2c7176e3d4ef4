// The camera over the drawing. d3-zoom is attached once to the viewport and writes one CSS
// transform on the camera element: the compositor moves the drawing, nothing is laid out again.
// Programmatic moves glide (a CSS transition); the learner's own wheel and drag do not.

import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { cameraFor, fit, maxScale, minScale, union, type Camera, type Viewport } from '../../anim/camera';
import type { Point, Rect } from '../../layout/types';

export interface CameraControls {
  view: Viewport;
  /** Where the camera looks now, for the overview. */
  camera: Camera;
  following: boolean;
  follow: () => void;
  zoomBy: (factor: number) => void;
  fitRect: (rect: Rect) => void;
  lookAt: (p: Point) => void;
}

const toCss = (t: Camera) => `translate(${t.x}px, ${t.y}px) scale(${t.k})`;

/** The viewport's size, kept current. */
function useViewport(ref: RefObject<HTMLDivElement | null>): Viewport {
  const [view, setView] = useState<Viewport>({ w: 0, h: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setView({ w: el.clientWidth, h: el.clientHeight }));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return view;
}

/** Below this width the packet's label is docked at the top of the picture, not beside the packet. */
export const narrowWidth = 600;

/**
 * `walk`: the boxes of the walk; `hop`: where the packet is; `focus`: what must be seen with it
 * (the hop, a chain ladder opened beside it); `label`: the packet's label beside the hop, seen
 * too where the screen is wide enough. `walkKey` changes when a new walk is drawn.
 */
export function useCamera(
  viewportRef: RefObject<HTMLDivElement | null>,
  cameraRef: RefObject<HTMLDivElement | null>,
  walk: Rect | undefined,
  hop: Point | undefined,
  focus: Rect | undefined,
  label: Rect | undefined,
  walkKey: unknown,
): CameraControls {
  const behaviour = useRef<ZoomBehavior<HTMLDivElement, unknown> | null>(null);
  const view = useViewport(viewportRef);
  const [following, setFollowing] = useState(true);
  const [camera, setCamera] = useState<Camera>({ x: 0, y: 0, k: 1 });
  // The first placement of a drawing jumps; later ones glide.
  const placed = useRef(false);

  useEffect(() => {
    const el = viewportRef.current;
    if (!el) return;
    const b = zoom<HTMLDivElement, unknown>()
      .scaleExtent([minScale, maxScale])
      // d3-zoom's own filter, and never from the controls that float over the drawing.
      .filter(
        (e: MouseEvent) => (!e.ctrlKey || e.type === 'wheel') && !e.button && !(e.target as Element).closest?.('.topology-tools, .minimap'),
      )
      .on('zoom', (e: { transform: ZoomTransform; sourceEvent: Event | null }) => {
        const cam = cameraRef.current;
        if (!cam) return;
        const user = e.sourceEvent !== null;
        cam.classList.toggle('gliding', !user && placed.current);
        cam.style.transform = toCss(e.transform);
        setCamera({ x: e.transform.x, y: e.transform.y, k: e.transform.k });
        if (user) setFollowing(false);
      });
    select(el).call(b).on('dblclick.zoom', null);
    behaviour.current = b;
    return () => {
      select(el).on('.zoom', null);
    };
  }, [viewportRef, cameraRef]);

  // d3-zoom would read the viewport's size from the DOM on every move (a forced layout): tell it.
  useEffect(() => {
    behaviour.current?.extent([
      [0, 0],
      [Math.max(view.w, 1), Math.max(view.h, 1)],
    ]);
  }, [view.w, view.h]);

  const moveTo = useCallback(
    (c: Camera) => {
      const el = viewportRef.current;
      if (!el || !behaviour.current) return;
      select(el).call(behaviour.current.transform, zoomIdentity.translate(c.x, c.y).scale(c.k));
      placed.current = true;
    },
    [viewportRef],
  );

  // A new walk: follow it again.
  const [walkShown, setWalkShown] = useState(walkKey);
  if (walkShown !== walkKey) {
    setWalkShown(walkKey);
    setFollowing(true);
  }

  useEffect(() => {
    if (!following || !hop || view.w === 0) return;
    const seen = view.w >= narrowWidth && label ? union([label, ...(focus ? [focus] : [])]) : focus;
    moveTo(cameraFor(walk, hop, seen, view));
    // Only what the camera looks at matters, not the identity of the objects describing it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    following,
    view.w,
    view.h,
    hop?.x,
    hop?.y,
    focus?.x,
    focus?.y,
    focus?.w,
    focus?.h,
    label?.x,
    label?.y,
    walk?.x,
    walk?.y,
    walk?.w,
    walk?.h,
    moveTo,
  ]);

  const zoomBy = useCallback(
    (factor: number) => {
      setFollowing(false);
      const el = viewportRef.current;
      if (el && behaviour.current) select(el).call(behaviour.current.scaleBy, factor);
    },
    [viewportRef],
  );
  const fitRect = useCallback(
    (rect: Rect) => {
      setFollowing(false);
      moveTo(fit(rect, view, maxScale));
    },
    [moveTo, view],
  );
  const lookAt = useCallback(
    (p: Point) => {
      setFollowing(false);
      moveTo({ k: camera.k, x: view.w / 2 - p.x * camera.k, y: view.h / 2 - p.y * camera.k });
    },
    [moveTo, view, camera.k],
  );
  const follow = useCallback(() => setFollowing(true), []);

  // A control in the drawing that gets keyboard focus is brought into view; the viewport itself
  // never scrolls (the browser would scroll it to reveal the focused element).
  useEffect(() => {
    const el = viewportRef.current;
    if (!el) return;
    const unscroll = () => {
      if (el.scrollLeft || el.scrollTop) el.scrollTo(0, 0);
    };
    const reveal = (e: FocusEvent) => {
      if (!(e.target instanceof Element) || !cameraRef.current?.contains(e.target)) return;
      // The browser may already have scrolled the viewport to the control: undo that first.
      unscroll();
      const r = e.target.getBoundingClientRect();
      const v = el.getBoundingClientRect();
      if (r.left >= v.left && r.right <= v.right && r.top >= v.top && r.bottom <= v.bottom) return;
      // Where the control is in the drawing's units, read from what is on screen (the camera may be mid-glide).
      const drawing = cameraRef.current.querySelector('svg');
      if (!drawing) return;
      const d = drawing.getBoundingClientRect();
      const scale = d.width / drawing.width.baseVal.value;
      const at = { x: (r.left + r.width / 2 - d.left) / scale, y: (r.top + r.height / 2 - d.top) / scale };
      const k = zoomTransform(el).k;
      setFollowing(false);
      moveTo({ k, x: v.width / 2 - at.x * k, y: v.height / 2 - at.y * k });
    };
    el.addEventListener('scroll', unscroll);
    el.addEventListener('focusin', reveal);
    return () => {
      el.removeEventListener('scroll', unscroll);
      el.removeEventListener('focusin', reveal);
    };
  }, [viewportRef, cameraRef, moveTo]);

  return { view, camera, following, follow, zoomBy, fitRect, lookAt };
}
