// The picture at a step as one SVG document (filled in next: the drawing, the walk, fonts, caption, QR).

import type { AppState } from '../store/types';
import type { StepSvgOptions } from './index';

export async function renderStepSvg(_state: AppState, _opts: StepSvgOptions): Promise<string> {
  throw new Error('renderStepSvg: coming in the next commit');
}
