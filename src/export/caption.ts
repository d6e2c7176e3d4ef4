// The caption under an exported picture: the step as the inspector titles it, then what
// happens there, wrapped to the picture's width (word by word, and between any two Chinese
// characters, which need no space to break).

import { t, translateExplanation, type Locale } from '../i18n/i18n';
import { textWidth, type Font } from '../layout/textWidth';
import type { Trace } from '../model';
import { whereText } from '../ui/inspector/where';

export const captionFonts = { title: { size: 15, bold: true }, body: { size: 13 } } as const satisfies Record<string, Font>;

export interface Caption {
  title: string[];
  body: string[];
}

/** Breaks `text` into lines no wider than `max`; a word longer than a line stands on its own. */
export function wrap(text: string, font: Font, max: number): string[] {
  // A token is a run of non-space Latin text with the spaces after it, or one wide character.
  const tokens = text.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef][\s]*|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line && textWidth((line + token).trimEnd(), font) > max) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line += token;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** "Step 3 of 29 — netfilter PREROUTING on worker-2": step `index` (0-based) as the inspector titles it. */
export function stepTitle(locale: Locale, trace: Trace, index: number): string {
  return t(locale, 'ui.export.caption.title', {
    current: index + 1,
    total: trace.steps.length,
    where: whereText(locale, trace.steps[index].at),
  });
}

/** The caption of step `index` (0-based) of the walk, in `locale`, wrapped to `width`. */
export function captionOf(locale: Locale, trace: Trace, index: number, width: number): Caption {
  return {
    title: wrap(stepTitle(locale, trace, index), captionFonts.title, width),
    body: wrap(translateExplanation(locale, trace.steps[index].explain), captionFonts.body, width),
  };
}
