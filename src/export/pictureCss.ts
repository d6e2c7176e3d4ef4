// The picture's style sheet, self-contained: the drawing's own rules (drawing.css, camera.css)
// that style an element the picture has, with every CSS variable replaced by its value in the
// theme it is drawn in, and the embedded fonts first in the font stacks. Hover and focus rules
// and the screen's media queries have nothing to style in an image and are left out.

import { embeddedFamilies } from './fonts';

interface Rule {
  selectors: string[];
  body: string;
}

/** The top-level rules of a style sheet; at-rules (media queries, keyframes) are skipped. */
export function parseRules(css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: Rule[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const prelude = text.slice(i, open).trim();
    // The matching brace, counting nested blocks (an at-rule's).
    let depth = 1;
    let j = open + 1;
    for (; j < text.length && depth > 0; j++) depth += text[j] === '{' ? 1 : text[j] === '}' ? -1 : 0;
    if (!prelude.startsWith('@'))
      rules.push({ selectors: prelude.split(',').map((s) => s.trim()), body: text.slice(open + 1, j - 1).trim() });
    i = j;
  }
  return rules;
}

/** Every class name the markup uses. */
export function classesOf(markup: string): Set<string> {
  return new Set([...markup.matchAll(/\sclass="([^"]*)"/g)].flatMap((m) => m[1].split(/\s+/)));
}

const interactive = /:(hover|focus|focus-visible|active|focus-within)\b/;

/** A selector that can match in the picture: every class it names is used, and it needs no pointer or focus. */
function applies(selector: string, classes: Set<string>): boolean {
  if (interactive.test(selector)) return false;
  return [...selector.matchAll(/\.([\w-]+)/g)].every((m) => classes.has(m[1]));
}

/** `var(--name)` replaced by the variable's value (itself resolved), recursively. */
export function resolveVariables(value: string, variable: (name: string) => string | undefined, depth = 0): string {
  return value.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)/g, (_, name: string, fallback?: string) => {
    const found = variable(name) ?? fallback ?? '';
    return depth > 8 ? found : resolveVariables(found, variable, depth + 1);
  });
}

/** The arguments of a CSS function call starting at `open` (its parenthesis), split at top-level commas, and where it ends. */
function argsAt(text: string, open: number): { args: string[]; end: number } {
  const args: string[] = [];
  let depth = 0;
  let from = open + 1;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) {
      args.push(text.slice(from, i).trim());
      return { args, end: i + 1 };
    } else if (text[i] === ',' && depth === 1) {
      args.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  return { args, end: text.length };
}

/** `light-dark(light, dark)` replaced by the theme's own colour, which every SVG viewer understands. */
export function resolveLightDark(value: string, theme: string): string {
  let out = value;
  for (let at = out.indexOf('light-dark('); at >= 0; at = out.indexOf('light-dark(')) {
    const { args, end } = argsAt(out, at + 'light-dark'.length);
    out = out.slice(0, at) + (theme === 'dark' ? (args[1] ?? args[0]) : args[0]) + out.slice(end);
  }
  return out;
}

/** The font stacks with the embedded families first (Chinese in monospace text falls to the Chinese font). */
export function withEmbeddedFonts(variable: (name: string) => string | undefined): (name: string) => string | undefined {
  return (name) => {
    const own = variable(name);
    if (name === '--sans') return [embeddedFamilies.sans, own || 'sans-serif'].join(', ');
    if (name === '--mono') return [embeddedFamilies.mono, embeddedFamilies.sans, own || 'monospace'].join(', ');
    return own;
  };
}

/** The rules of `sheets` the markup needs, self-contained, in `theme`'s colours. */
export function pictureCss(sheets: string[], markup: string, variable: (name: string) => string | undefined, theme: string): string {
  const classes = classesOf(markup);
  const lookup = withEmbeddedFonts(variable);
  const out: string[] = [];
  for (const rule of sheets.flatMap(parseRules)) {
    const selectors = rule.selectors.filter((s) => applies(s, classes));
    if (selectors.length) out.push(`${selectors.join(',')}{${resolveLightDark(resolveVariables(rule.body, lookup), theme)}}`);
  }
  return out.join('\n');
}

/** The `:root` variables of a style sheet (the light theme the command draws in). */
export function rootVariables(css: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const rule of parseRules(css)) {
    if (!rule.selectors.includes(':root')) continue;
    for (const [, name, value] of rule.body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);?/g)) vars.set(name, value.trim());
  }
  return vars;
}
