// The camera over the drawing. d3-zoom is attached once to the viewport and writes one CSS
// transform on the camera element: the compositor moves the drawing, nothing is laid out again.
// Programmatic moves glide (a CSS transition); the learner's own wheel and drag do not.
// d3-zoom (with d3-selection, -transition, -drag, -color …) is a chunk of its own that arrives
// after the first picture: until then the camera writes the same transform itself.

import type { ZoomBehavior, ZoomTransform } from 'd3-zoom';
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

const loadD3 = () =>
  Promise.all([import('d3-selection'), import('d3-zoom')]).then(([{ select }, { zoom, zoomIdentity }]) => ({ select, zoom, zoomIdentity }));
type D3 = Awaited<ReturnType<typeof loadD3>>;

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
  const [d3, setD3] = useState<D3 | null>(null);
  const behaviour = useRef<ZoomBehavior<HTMLDivElement, unknown> | null>(null);
  const view = useViewport(viewportRef);
  const [following, setFollowing] = useState(true);
  const [camera, setCamera] = useState<Camera>({ x: 0, y: 0, k: 1 });
  // What the camera element shows now, for handlers that must not wait for a render.
  const shown = useRef<Camera>(camera);
  // The first placement of a drawing jumps; later ones glide.
  const placed = useRef(false);

  useEffect(() => {
    let live = true;
    loadD3().then(
      (loaded) => live && setD3(loaded),
      (err: unknown) => console.error('could not load the zoom', err),
    );
    return () => {
      live = false;
    };
  }, []);

  /** Shows a camera position: `user` when the learner's wheel or drag moved it (no glide, stop following). */
  const show = useCallback(
    (c: Camera, user: boolean) => {
      const cam = cameraRef.current;
      if (!cam) return;
      cam.classList.toggle('gliding', !user && placed.current);
      cam.style.transform = toCss(c);
      shown.current = c;
      setCamera(c);
      if (user) setFollowing(false);
    },
    [cameraRef],
  );

  useEffect(() => {
    const el = viewportRef.current;
    if (!el || !d3) return;
    const b = d3
      .zoom<HTMLDivElement, unknown>()
      .scaleExtent([minScale, maxScale])
      // d3-zoom's own filter, and never from the controls that float over the drawing.
      .filter(
        (e: MouseEvent) => (!e.ctrlKey || e.type === 'wheel') && !e.button && !(e.target as Element).closest?.('.topology-tools, .minimap'),
      )
      .on('zoom', (e: { transform: ZoomTransform; sourceEvent: Event | null }) =>
        show({ x: e.transform.x, y: e.transform.y, k: e.transform.k }, e.sourceEvent !== null),
      );
    // d3-zoom starts from where the camera already is.
    const c = shown.current;
    d3.select(el).call(b).on('dblclick.zoom', null).call(b.transform, d3.zoomIdentity.translate(c.x, c.y).scale(c.k));
    behaviour.current = b;
    return () => {
      behaviour.current = null;
      d3.select(el).on('.zoom', null);
    };
  }, [viewportRef, d3, show]);

  // d3-zoom would read the viewport's size from the DOM on every move (a forced layout): tell it.
  useEffect(() => {
    behaviour.current?.extent([
      [0, 0],
      [Math.max(view.w, 1), Math.max(view.h, 1)],
    ]);
  }, [view.w, view.h, d3]);

  const moveTo = useCallback(
    (c: Camera) => {
      const el = viewportRef.current;
      if (!el) return;
      if (d3 && behaviour.current) d3.select(el).call(behaviour.current.transform, d3.zoomIdentity.translate(c.x, c.y).scale(c.k));
      else show(c, false);
      placed.current = true;
    },
    [viewportRef, d3, show],
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
      if (el && d3 && behaviour.current) d3.select(el).call(behaviour.current.scaleBy, factor);
    },
    [viewportRef, d3],
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
      const k = shown.current.k;
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
