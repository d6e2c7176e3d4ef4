// The picture at a step as one standalone SVG document: the screen's own drawing components
// (Drawing, RouteLayer) rendered to markup from a store held at that step, the packet and its
// label, cropped to the walk and what opened at the hop; the drawing's styles and the fonts it
// needs inside; optionally the step's caption and a QR code of a link under it.

import { renderToStaticMarkup } from 'react-dom/server';
import { createStore } from 'zustand/vanilla';
import { walkBounds, union } from '../anim/camera';
import { arrivalOf } from '../anim/timeline';
import { t, type Locale } from '../i18n/i18n';
import type { Rect } from '../layout/types';
import { StoreProvider, useApp } from '../store/react';
import type { AppState } from '../store/types';
import { Drawing, pictureAt, usePictureStep } from '../ui/topology/Drawing';
import { RouteLayer } from '../ui/topology/RouteLayer';
import { captionFonts, captionOf, stepTitle, type Caption } from './caption';
import { embeddedFontCss, type FontSource } from './fonts';
import { ownCss } from './ownCss';
import { PacketMark, packetMarkRect } from './PacketMark';
import { pictureCss } from './pictureCss';
import { qrCode } from './qr';
import { textByWeight } from './weights';

/** What the picture is drawn with where it is drawn: the browser's page, or the command's files. */
export interface PictureEnv {
  /** drawing.css and camera.css as text. */
  sheets(): Promise<string[]>;
  /** A CSS variable's value in the theme the picture is drawn in. */
  variable(name: string): string | undefined;
  /** The theme (`light`, `dark`), set on the picture's root for the rules that depend on it. */
  theme: string;
  fonts: FontSource;
}

export interface StepSvgOptions {
  /** 1-based, like the timeline's "Step 3 of 29"; default the current step. */
  step?: number;
  /** The step's text under the picture. */
  caption?: boolean;
  /** A link drawn as a QR code in a corner. */
  link?: string;
}

/** The store's state held at step `index` (0-based), the playhead arrived there. */
export function stateAtStep(state: AppState, index: number): AppState {
  return { ...state, selectedStep: index, t: arrivalOf(state.timeline, index), playing: false, until: null };
}

/** The 0-based step `opts.step` (1-based) names, or the current one; a step outside the walk is an error. */
export function stepIndexOf(state: AppState, step: number | undefined): number {
  const count = state.trace?.steps.length ?? 0;
  if (step === undefined) return Math.min(Math.max(state.selectedStep, 0), count - 1);
  if (!Number.isInteger(step) || step < 1 || step > count) {
    throw new RangeError(count ? `step ${step} is not in the walk: it has steps 1 to ${count}` : 'there is no walk to take a step of');
  }
  return step - 1;
}

const pad = 20;
const minWidth = 640;

const translator = (locale: Locale) => (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(locale, key, params);

/** The part of the drawing a step's picture shows: the walk, the hop with what opened there, the packet's label, the Service lit. */
export function stepBounds(state: AppState): Rect {
  const { layout, trace, timeline } = state;
  if (!layout) throw new Error('there is no cluster to draw');
  const step = trace?.steps[state.selectedStep];
  const { hl, hop, focus } = pictureAt(layout, trace, timeline, step);
  // The Service whose rules handle the packet here is lit on the drawing: it belongs in the picture.
  const service = layout.services.find((s) => s.key === hl.service);
  const label = step && hop ? packetMarkRect(step, hop, translator(state.locale)) : undefined;
  const rects = [walkBounds(layout, trace), focus, label, service];
  const content = union(rects.filter((r): r is Rect => !!r)) ?? { x: 0, y: 0, w: layout.width, h: layout.height };
  return framed(content, [...layout.nodes, ...layout.services, layout.client, layout.router]);
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * `content` with a margin, and no box cut at the picture's edge: a box the content overlaps is
 * taken whole, a box only the margin would reach is left out by narrowing the margin on its side.
 */
export function framed(content: Rect, boxes: Rect[]): Rect {
  const whole = union([content, ...boxes.filter((b) => overlaps(b, content))])!;
  let left = whole.x - pad;
  let top = whole.y - pad;
  let right = whole.x + whole.w + pad;
  let bottom = whole.y + whole.h + pad;
  for (const b of boxes) {
    if (overlaps(b, whole) || !overlaps(b, { x: left, y: top, w: right - left, h: bottom - top })) continue;
    if (b.y + b.h <= whole.y) top = Math.max(top, b.y + b.h + 1);
    else if (b.y >= whole.y + whole.h) bottom = Math.min(bottom, b.y - 1);
    else if (b.x + b.w <= whole.x) left = Math.max(left, b.x + b.w + 1);
    else right = Math.min(right, b.x - 1);
  }
  return { x: left, y: top, w: right - left, h: bottom - top };
}

/** The drawing, the walk's path with what opened at the hop, and the packet, in the drawing's units. */
function StepPicture() {
  const { layout, timeline, step, hl, hop, opened } = usePictureStep();
  const overlay = useApp((s) => s.layers.overlay);
  if (!layout) return null;
  return (
    <g className="topology">
      <Drawing layout={layout} hl={hl} overlay={overlay} />
      <RouteLayer layout={layout} timeline={timeline} step={step} opened={opened} />
      {step && hop && <PacketMark step={step} at={hop} />}
    </g>
  );
}

/** The drawing's markup at the state's step. */
function pictureMarkup(state: AppState): string {
  const store = createStore<AppState>()(() => state);
  return renderToStaticMarkup(
    <StoreProvider store={store}>
      <StepPicture />
    </StoreProvider>,
  );
}

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const captionLine = { title: 22, body: 19 };
const qrLabelH = 18;

/** The image's width: the crop's, or enough for a caption beside a QR code. */
export const pictureWidth = (crop: Rect) => Math.max(Math.ceil(crop.w), minWidth);

/** How a step's picture is laid out: the crop, the image's width, the footer under the picture. */
export interface Plan {
  crop: Rect;
  width: number;
  footerH: number;
  caption?: Caption;
  qr?: { size: number; path: string; module: number; side: number };
}

/** A step's layout; `fixed` holds the crop, width and footer height every frame of a GIF shares. */
export function planStep(state: AppState, opts: StepSvgOptions, fixed?: Pick<Plan, 'crop' | 'width' | 'footerH'>): Plan {
  const crop = fixed?.crop ?? stepBounds(state);
  const width = fixed?.width ?? pictureWidth(crop);
  const code = opts.link ? qrCode(opts.link) : null;
  // Quiet zone of four modules; modules of at least 2 units (4 pixels in a 2× PNG) so phones read it.
  const module = code ? Math.max(2, 100 / code.size) : 0;
  const qr = code ? { ...code, module, side: (code.size + 8) * module } : undefined;
  const textW = width - 2 * pad - (qr ? qr.side + pad : 0);
  const caption =
    opts.caption && state.trace && state.selectedStep >= 0 ? captionOf(state.locale, state.trace, state.selectedStep, textW) : undefined;
  const captionH = caption ? pad + caption.title.length * captionLine.title + 4 + caption.body.length * captionLine.body + pad - 6 : 0;
  const qrH = qr ? pad / 2 + qr.side + qrLabelH + pad / 2 : 0;
  return { crop, width, caption, qr, footerH: Math.max(captionH, qrH, fixed?.footerH ?? 0) };
}

function footerSvg(plan: Plan, top: number, locale: Locale): string {
  const { width, footerH, caption, qr } = plan;
  if (!footerH) return '';
  const parts = [
    `<rect class="caption-bg" x="0" y="${top}" width="${width}" height="${footerH}"/>`,
    `<line class="caption-rule" x1="0" x2="${width}" y1="${top + 0.5}" y2="${top + 0.5}"/>`,
  ];
  if (caption) {
    let y = top + pad + captionFonts.title.size;
    for (const line of caption.title) {
      parts.push(`<text class="caption-title" x="${pad}" y="${y}">${escapeXml(line)}</text>`);
      y += captionLine.title;
    }
    y += 4 - captionLine.title + captionLine.body;
    for (const line of caption.body) {
      parts.push(`<text class="caption-body" x="${pad}" y="${y}">${escapeXml(line)}</text>`);
      y += captionLine.body;
    }
  }
  if (qr) {
    const x = width - pad - qr.side;
    const y = top + pad / 2;
    parts.push(
      `<g class="qr"><rect class="qr-bg" x="${x}" y="${y}" width="${qr.side}" height="${qr.side}"/>` +
        `<path class="qr-modules" transform="translate(${x + 4 * qr.module} ${y + 4 * qr.module}) scale(${qr.module})" d="${qr.path}"/>` +
        `<text class="qr-label" x="${x + qr.side / 2}" y="${y + qr.side + 13}" text-anchor="middle">${escapeXml(t(locale, 'ui.export.qr'))}</text></g>`,
    );
  }
  return parts.join('');
}

/** The SVG document of the state's step laid out by `plan`. */
export async function composeSvg(env: PictureEnv, state: AppState, plan: Plan): Promise<string> {
  const markup = pictureMarkup(state);
  const { crop, width, footerH } = plan;
  const height = Math.ceil(crop.h) + footerH;
  const dx = (width - crop.w) / 2 - crop.x;
  const pictureH = Math.ceil(crop.h);
  const footer = footerSvg(plan, pictureH, state.locale);
  // The document's name (a viewer's tab, a screen reader): the step, caption or not.
  const title = state.trace && state.selectedStep >= 0 ? stepTitle(state.locale, state.trace, state.selectedStep) : 'PacketWalk';
  const css = pictureCss([...(await env.sheets()), ownCss], markup + footer + ownClasses, env.variable, env.theme);
  const drawn = textByWeight(markup + footer, css);
  const fontCss = await embeddedFontCss(env.fonts, { 400: drawn.regular, 700: drawn.bold });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" data-theme="${escapeXml(env.theme)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<style>\n${fontCss}\n${css}\n</style>`,
    `<defs><pattern id="picture-dots" width="18" height="18" patternUnits="userSpaceOnUse"><circle class="picture-dots" cx="1" cy="1" r="1"/></pattern>`,
    `<clipPath id="picture-crop"><rect x="0" y="0" width="${width}" height="${pictureH}"/></clipPath></defs>`,
    `<rect class="picture-bg" width="${width}" height="${pictureH}"/><rect fill="url(#picture-dots)" width="${width}" height="${pictureH}"/>`,
    `<g clip-path="url(#picture-crop)"><g transform="translate(${dx} ${-crop.y})">${markup}</g></g>`,
    footer,
    '</svg>',
  ].join('\n');
}

/** The classes only the document's frame uses (background, dots), so their rules are kept. */
const ownClasses = ' class="picture-bg picture-dots"';

export async function renderStepSvgWith(env: PictureEnv, state: AppState, opts: StepSvgOptions): Promise<string> {
  const at = stateAtStep(state, stepIndexOf(state, opts.step));
  return composeSvg(env, at, planStep(at, opts));
}
