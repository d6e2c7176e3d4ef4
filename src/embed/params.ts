// The embed's options, from its address's query: how it looks and plays (`theme`, `step`,
// `autoplay`, `controls`, `editor`) and, when there is no `#v1.` link, what it shows (`src`,
// `scenario`). The language is read by i18n's initialLocale. Anything malformed is ignored.

import type { Theme } from '../share/links';
import { themeOf } from '../ui/theme';

export interface EmbedParams {
  theme: Theme | null;
  /** 1-based, like "Step 3 of 29"; null keeps the link's step (or the first). */
  step: number | null;
  autoplay: boolean;
  controls: 'full' | 'min';
  /** Offer the read-only manifest view. */
  editor: boolean;
  src: string | null;
  scenario: string | null;
}

const flag = (v: string | null) => v === '1' || v === 'true' || v === '';

export function parseParams(search: string): EmbedParams {
  const q = new URLSearchParams(search);
  const step = Number(q.get('step') ?? NaN);
  return {
    theme: themeOf(search),
    step: Number.isInteger(step) && step >= 1 ? step : null,
    autoplay: flag(q.get('autoplay')),
    controls: q.get('controls') === 'min' ? 'min' : 'full',
    editor: flag(q.get('editor')),
    src: q.get('src') || null,
    scenario: q.get('scenario') || null,
  };
}
