// The whole walk as an animated GIF (filled in next).

import type { AppState } from '../store/types';
import type { WalkGifOptions } from './index';

export async function renderWalkGif(_state: AppState, _opts: WalkGifOptions): Promise<Blob> {
  throw new Error('renderWalkGif: coming in the next commit');
}
