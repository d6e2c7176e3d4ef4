// The whole walk as an animated GIF: every step drawn by the same SVG renderer as the still
// picture, all frames sharing one crop (the walk and everything any step opens) and one size,
// rasterized on a canvas and encoded with gifenc, a palette per frame.

import { GIFEncoder, applyPalette, quantize } from 'gifenc';
import { union } from '../anim/camera';
import type { AppState } from '../store/types';
import { browserEnv } from './browserEnv';
import type { WalkGifOptions } from './index';
import { svgToCanvas } from './png';
import { composeSvg, pictureWidth, planStep, stateAtStep, stepBounds } from './stepSvg';

const frameMs = 1000;
const lastFrameMs = 3000;
/** Frames wider than this are scaled down, which keeps a long walk's GIF to a few MB. */
const maxWidth = 1600;

export async function renderWalkGif(state: AppState, opts: WalkGifOptions): Promise<Blob> {
  const count = state.trace?.steps.length ?? 0;
  if (count === 0) throw new Error('there is no walk to animate');
  const env = browserEnv();
  const steps = Array.from({ length: count }, (_, i) => stateAtStep(state, i));
  const crop = union(steps.map(stepBounds))!;
  const width = pictureWidth(crop);
  // Every frame as tall as the tallest caption.
  const footerH = Math.max(...steps.map((s) => planStep(s, { caption: opts.caption }, { crop, width, footerH: 0 }).footerH));
  const scale = Math.min(1, maxWidth / width);
  const gif = GIFEncoder();
  for (let i = 0; i < count; i++) {
    const svg = await composeSvg(env, steps[i], planStep(steps[i], { caption: opts.caption }, { crop, width, footerH }));
    const canvas = await svgToCanvas(svg, scale);
    const { data, width: w, height: h } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const palette = quantize(data, 256);
    gif.writeFrame(applyPalette(data, palette), w, h, { palette, delay: i === count - 1 ? lastFrameMs : frameMs });
    opts.onProgress?.(i + 1, count);
  }
  gif.finish();
  return new Blob([gif.bytes() as Uint8Array<ArrayBuffer>], { type: 'image/gif' });
}
