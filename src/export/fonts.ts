// The fonts an exported picture carries inside it, so Chinese renders anywhere it is opened:
// of Noto Sans SC (400 and 700) and Noto Sans Mono (400 and 700) only the subsets whose
// unicode-range covers a character the picture draws at that weight, each as a data: URL.

/** The embedded families, put first in the picture's font stacks. */
export const embeddedFamilies = { sans: "'Noto Sans SC'", mono: "'Noto Sans Mono'" } as const;

export type FontPackage = 'noto-sans-sc' | 'noto-sans-mono';
export const fontPackages: FontPackage[] = ['noto-sans-sc', 'noto-sans-mono'];
export const fontWeights = [400, 700] as const;
export type FontWeight = (typeof fontWeights)[number];

/** Where the font files come from: node_modules in the command, the built site's assets in the browser. */
export interface FontSource {
  /** The package's stylesheet of one weight (its @font-face rules with file names and unicode ranges). */
  css(pkg: FontPackage, weight: FontWeight): Promise<string>;
  /** A woff2 file named in that stylesheet (`noto-sans-sc-5-400-normal.woff2`), base64. */
  woff2(pkg: FontPackage, file: string): Promise<string>;
}

export interface FontFace {
  family: string;
  weight: number;
  file: string;
  ranges: [number, number][];
  /** The rule's unicode-range text, kept in the embedded rule. */
  rangeText: string;
}

/** The @font-face rules of a fontsource stylesheet. */
export function parseFontFaces(css: string): FontFace[] {
  const faces: FontFace[] = [];
  for (const [, body] of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const family = /font-family:\s*([^;]+);/.exec(body)?.[1].trim();
    const weight = Number(/font-weight:\s*(\d+)/.exec(body)?.[1]);
    const file = /url\(['"]?(?:[^)'"]*\/)?([^/)'"]+\.woff2)['"]?\)/.exec(body)?.[1];
    const rangeText = /unicode-range:\s*([^;]+);?/.exec(body)?.[1].trim();
    if (!family || !weight || !file || !rangeText) continue;
    const ranges = rangeText.split(',').map((r): [number, number] => {
      const [lo, hi = lo] = r.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(lo, 16), parseInt(hi, 16)];
    });
    faces.push({ family, weight, file, ranges, rangeText });
  }
  return faces;
}

/**
 * The faces that draw `text`'s characters. Where ranges overlap (the Chinese subsets repeat some
 * Latin letters), a browser takes the face declared last, so that is the one each character needs.
 */
export function facesFor(faces: FontFace[], text: string): FontFace[] {
  const used = new Set<FontFace>();
  for (const c of new Set(text)) {
    const p = c.codePointAt(0)!;
    if (p <= 0x20) continue;
    const face = faces.findLast((f) => f.ranges.some(([lo, hi]) => p >= lo && p <= hi));
    if (face) used.add(face);
  }
  return faces.filter((f) => used.has(f));
}

/** @font-face rules, fonts inline, for every character drawn at each weight. */
export async function embeddedFontCss(source: FontSource, text: Record<FontWeight, string>): Promise<string> {
  const rules = await Promise.all(
    fontPackages.flatMap((pkg) =>
      fontWeights.map(async (weight) => {
        const faces = facesFor(parseFontFaces(await source.css(pkg, weight)), text[weight]);
        return Promise.all(
          faces.map(
            async (f) =>
              `@font-face{font-family:${f.family};font-style:normal;font-weight:${f.weight};` +
              `src:url(data:font/woff2;base64,${await source.woff2(pkg, f.file)}) format('woff2');unicode-range:${f.rangeText}}`,
          ),
        );
      }),
    ),
  );
  return rules.flat(2).join('\n');
}
