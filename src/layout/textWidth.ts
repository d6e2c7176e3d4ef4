// How wide a line of the drawing's text is, without a DOM, so long names can be elided
// before they are drawn rather than clipped. The widths (in em) are those of DejaVu Sans and
// DejaVu Sans Mono, wider than the usual system fonts (Segoe UI, SF, Roboto, Menlo, Consolas):
// an estimate may leave room to spare on some screens but never runs past its box.
// e2e/density.spec.ts checks the estimate against the browser for every text drawn.

/** A text style of the drawing; the sizes match drawing.css. */
export interface Font {
  size: number;
  mono?: boolean;
  /** Weight 600 or 700. */
  bold?: boolean;
}

/** The drawing's text styles, by what they label (kept in step with drawing.css). */
export const fonts = {
  nodeName: { size: 15, bold: true },
  serviceName: { size: 13, bold: true },
  title: { size: 12, bold: true },
  label: { size: 12 },
  mono: { size: 12, mono: true },
  monoBold: { size: 12, mono: true, bold: true },
  small: { size: 11.5 },
  smallBold: { size: 11.5, bold: true },
  monoSmall: { size: 11.5, mono: true },
  monoSmallBold: { size: 11.5, mono: true, bold: true },
} as const satisfies Record<string, Font>;

// Proportional widths by character class: [characters, regular, bold].
const sansClasses: [string, number, number][] = [
  ["ijlIJ.,:;'|", 0.34, 0.4],
  [' frt()[]/\\-"!·›', 0.46, 0.52],
  ['szc*_`?', 0.56, 0.6],
  ['abdeghknopquvxy0123456789${}', 0.64, 0.72],
  ['ABCDEFGHKLNOPQRSTUVXYZ', 0.79, 0.86],
  ['+<=>^~#→⇄', 0.84, 0.84],
];
const sansWidth = new Map<string, [number, number]>(sansClasses.flatMap(([chars, r, b]) => [...chars].map((c) => [c, [r, b]])));
const monoWidth = 0.61;
/** CJK, full-width punctuation and anything unknown: a full em (the widest a glyph usually is). */
const wide: [number, number] = [1, 1.11];

const isAscii = (c: string) => c.charCodeAt(0) < 0x80;

function charWidth(c: string, font: Font): number {
  if (font.mono) return isAscii(c) ? monoWidth : 1;
  const [regular, bold] = sansWidth.get(c) ?? wide;
  return font.bold ? bold : regular;
}

/** The width of `text` in user units, never less than the browser draws it. */
export function textWidth(text: string, font: Font): number {
  let em = 0;
  for (const c of text) em += charWidth(c, font);
  return em * font.size;
}

const ellipsis = '…';

/**
 * `text` if it fits in `max`, else shortened with an ellipsis: at the end, or in the middle
 * (a pod's generated suffix is what tells replicas apart, so it is kept).
 */
export function elide(text: string, font: Font, max: number, where: 'end' | 'middle' = 'end'): string {
  if (textWidth(text, font) <= max) return text;
  const chars = [...text];
  const room = max - textWidth(ellipsis, font);
  if (room <= 0) return '';
  const w = (c: string) => charWidth(c, font) * font.size;
  let tail = '';
  let tailW = 0;
  if (where === 'middle') {
    // Up to six characters of the end, and never more than a third of the room.
    for (let i = chars.length - 1; i > 0 && tail.length < 6 && tailW + w(chars[i]) <= room / 3; i--) {
      tail = chars[i] + tail;
      tailW += w(chars[i]);
    }
  }
  let head = '';
  let headW = 0;
  for (const c of chars) {
    if (headW + w(c) > room - tailW) break;
    head += c;
    headW += w(c);
  }
  return `${head}${ellipsis}${tail}`;
}
