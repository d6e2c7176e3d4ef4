// Images of the picture: the current step as SVG or PNG, the whole walk as a GIF.
// This module stays light (the QR code and the download); the renderer, the fonts and the
// GIF encoder load on first use, so none of them enter the app's or the embed's first load.

import type { AppState } from '../store/types';
import type { StepSvgOptions } from './stepSvg';

export { qrCode } from './qr';
export { downloadFile } from './download';

export type { StepSvgOptions };

/** One standalone SVG document of the picture at a step, styles and fonts inside. */
export async function renderStepSvg(state: AppState, opts: StepSvgOptions = {}): Promise<string> {
  const [{ renderStepSvgWith }, { browserEnv }] = await Promise.all([import('./stepSvg'), import('./browserEnv')]);
  return renderStepSvgWith(browserEnv(), state, opts);
}

/** Rasterizes an SVG document (browser only) at `scale` device pixels per unit. */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const { svgToPng: rasterize } = await import('./png');
  return rasterize(svg, scale);
}

export interface WalkGifOptions {
  caption?: boolean;
  onProgress?: (done: number, of: number) => void;
}

/** Every step of the walk as a frame of an animated GIF (browser only). */
export async function renderWalkGif(state: AppState, opts: WalkGifOptions = {}): Promise<Blob> {
  const { renderWalkGif: render } = await import('./gif');
  return render(state, opts);
}
