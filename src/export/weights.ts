// Which characters the picture draws bold and which regular, so it embeds the bold face of
// Noto Sans SC only for the few characters that need it (a Chinese face is ~40 kB a weight).
// The weight of an element is the last rule of the picture's CSS whose subject it matches, else
// its parent's. Specificity is not weighed: a character put in the wrong set still has the other
// weight's face, which the browser stretches to the weight asked for; it never falls to a
// system font.

import { parseRules } from './pictureCss';

interface Subject {
  tag?: string;
  classes: string[];
  bold: boolean;
}

/** The rules that set a weight, by the element they style (the last compound of each selector). */
function subjects(css: string): Subject[] {
  const out: Subject[] = [];
  for (const rule of parseRules(css)) {
    const weight = /font-weight\s*:\s*(\w+)/.exec(rule.body)?.[1];
    if (!weight) continue;
    const bold = weight === 'bold' || Number(weight) >= 600;
    for (const selector of rule.selectors) {
      const compound = selector.split(/[\s>+~]+/).pop() ?? '';
      out.push({ tag: /^[a-z]+/i.exec(compound)?.[0], classes: [...compound.matchAll(/\.([\w-]+)/g)].map((m) => m[1]), bold });
    }
  }
  return out;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with its character references decoded. */
export function decoded(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (_, e: string) =>
    e[0] !== '#' ? (entities[e] ?? '') : String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
}

/** The text `markup` draws, split by weight; a <title> (a tooltip, not drawn) and <style> are left out. */
export function textByWeight(markup: string, css: string): { regular: string; bold: string } {
  const rules = subjects(css);
  const stack: { tag: string; bold: boolean }[] = [{ tag: '', bold: false }];
  let regular = '';
  let bold = '';
  let hidden = 0;
  for (const [token, close, tag, attrs, selfClosing, text] of markup.matchAll(/<(\/?)([\w:-]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    if (text !== undefined) {
      if (hidden) continue;
      if (stack[stack.length - 1].bold) bold += decoded(text);
      else regular += decoded(text);
    } else if (close) {
      if (tag === 'title' || tag === 'style') hidden--;
      stack.pop();
    } else if (!selfClosing && !token.endsWith('/>')) {
      if (tag === 'title' || tag === 'style') hidden++;
      const classes = new Set(/\sclass="([^"]*)"/.exec(attrs)?.[1].split(/\s+/) ?? []);
      const match = rules.findLast(
        (r) => (!r.tag || r.tag === tag) && r.classes.every((c) => classes.has(c)) && (r.tag || r.classes.length),
      );
      stack.push({ tag, bold: match ? match.bold : stack[stack.length - 1].bold });
    }
  }
  return { regular, bold };
}
