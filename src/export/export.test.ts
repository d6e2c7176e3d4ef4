// The exported picture without a browser: every gallery scenario drawn at a step in both
// languages is one well-formed, self-contained SVG; and the pieces it is made of (fonts, styles,
// caption, crop, QR code) each do what a reader of the picture would notice.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pictureState } from '../cli/render';
import { nodePictureEnv } from '../cli/pictureEnv';
import type { Locale } from '../i18n/i18n';
import { textWidth } from '../layout/textWidth';
import { declaredWalk, deriveModel } from '../model';
import { captionFonts, wrap } from './caption';
import { facesFor, parseFontFaces } from './fonts';
import { pictureCss, resolveLightDark } from './pictureCss';
import { qrCode } from './qr';
import { framed, renderStepSvgWith, stepIndexOf } from './stepSvg';
import { textByWeight } from './weights';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const gallery: { id: string; file: string }[] = JSON.parse(read('public/scenarios/index.json'));

/** The app's state for a text, its declared packet walked, as the command builds it. */
function stateOf(name: string, text: string, locale: Locale) {
  const whatIf = declaredWalk([{ name, text }]).walk?.flags.whatIf ?? {};
  return pictureState({ model: deriveModel([{ name, text }], whatIf), whatIf, file: { name, text }, spec: null, locale });
}

/** The document's tags nest and close, its text has no stray `<` or `&`: what an XML parser demands. */
function wellFormed(svg: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  const body = svg.replace(/<style>[\s\S]*?<\/style>/, '<style/>');
  for (const m of body.matchAll(/<(\/?)([\w:-]+)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|#\d+|#x[\da-f]+);)/gi)) {
    if (m[0] === '<' || m[0] === '&') problems.push(`stray ${m[0]} at ${m.index}`);
    else if (m[1]) {
      if (open.pop() !== m[2]) problems.push(`</${m[2]}> at ${m.index} closes nothing open`);
    } else if (!m[4]) open.push(m[2]);
  }
  return [...problems, ...open.map((tag) => `<${tag}> never closed`)];
}

describe('the picture of a step', () => {
  it('(the well-formedness check finds what an XML parser would refuse)', () => {
    expect(wellFormed('<svg><g><text>a &amp; b</text></g></svg>')).toEqual([]);
    expect(wellFormed('<svg><g><text>a & b</text></svg>')).toEqual([
      'stray & at 16',
      '</svg> at 26 closes nothing open',
      '<svg> never closed',
    ]);
    expect(wellFormed('<svg><text>1 < 2</text></svg>')).toEqual(['stray < at 13']);
  });

  const env = nodePictureEnv();
  it.each(gallery.flatMap((g) => (['en', 'zh-CN'] as const).map((locale) => [g.id, locale, g.file] as const)))(
    '%s in %s: the middle step is one self-contained, well-formed SVG with a caption',
    async (_, locale, file) => {
      const state = stateOf(file, read(`public/scenarios/${file}`), locale);
      const count = state.trace!.steps.length;
      const step = Math.ceil(count / 2);
      const svg = await renderStepSvgWith(env, state, { step, caption: true, link: 'https://example.test/packetwalk/#v1.abc' });
      expect(wellFormed(svg)).toEqual([]);
      expect(svg).not.toMatch(/var\(--|light-dark\(/);
      expect(svg).toContain(locale === 'en' ? `Step ${step} of ${count}` : `第 ${step} 步，共 ${count} 步`);
      expect(svg).toContain('class="qr-modules"');
      // The packet is drawn at the hop, and the walk's path with it.
      expect(svg).toMatch(/class="packet-mark (request|reply)"/);
      expect(svg).toMatch(/class="route-seg [^"]*current/);
    },
  );

  it('escapes text from the manifests it writes itself: an Ingress path with markup in it stays text', async () => {
    const text = read('public/scenarios/ingress-fanout.yaml').replace(
      '# packetwalk: --from client --to http://example.test/shop/cart',
      '# packetwalk: --from client --to http://example.test/shop/<b>&x="1"',
    );
    const state = stateOf('hostile.yaml', text, 'en');
    const http = state.trace!.steps.findIndex((s) => s.stage?.kind === 'http');
    expect(http).toBeGreaterThan(0);
    const svg = await renderStepSvgWith(env, state, { step: http + 1, caption: true });
    expect(wellFormed(svg)).toEqual([]);
    expect(svg).toContain('/shop/&lt;b&gt;&amp;x=');
    expect(svg).not.toContain('<b>');
  });

  it('takes steps 1 to the walk’s length, the current one by default', () => {
    const state = stateOf('hostnames.yaml', read('public/scenarios/hostnames.yaml'), 'en');
    const count = state.trace!.steps.length;
    expect(stepIndexOf({ ...state, selectedStep: 4 }, undefined)).toBe(4);
    expect(stepIndexOf(state, count)).toBe(count - 1);
    expect(() => stepIndexOf(state, 0)).toThrow(`it has steps 1 to ${count}`);
    expect(() => stepIndexOf(state, count + 1)).toThrow(RangeError);
  });
});

describe('fonts', () => {
  const sc400 = parseFontFaces(readFileSync(new URL('node_modules/@fontsource/noto-sans-sc/400.css', root), 'utf8'));

  it('reads every face of a fontsource sheet with its file and ranges', () => {
    expect(sc400.length).toBeGreaterThan(90);
    expect(sc400.every((f) => f.file.endsWith('-400-normal.woff2') && f.weight === 400 && f.ranges.length > 0)).toBe(true);
  });

  it('picks, per character, the face a browser would use: the last declared that covers it', () => {
    const latin = facesFor(sc400, 'worker-2 PREROUTING');
    expect(latin.map((f) => f.file)).toEqual(['noto-sans-sc-latin-400-normal.woff2']);
    const chinese = facesFor(sc400, '第步共路由');
    expect(chinese.length).toBeGreaterThan(0);
    expect(chinese.some((f) => f.file.includes('latin'))).toBe(false);
    for (const c of '第步共路由')
      expect(chinese.some((f) => f.ranges.some(([lo, hi]) => c.codePointAt(0)! >= lo && c.codePointAt(0)! <= hi))).toBe(true);
  });
});

describe('weights', () => {
  it('splits the drawn text by weight as the rules set it, children inheriting, tooltips left out', () => {
    const css = '.topology .ladder-chain { font-weight: 700 } .ladder-table { font-weight: 400 } .caption-title { font-weight: bold }';
    const markup =
      '<g class="ladder"><text class="mono ladder-chain">KUBE-SEP<tspan class="ladder-table"> nat 表</tspan><tspan> &amp;x</tspan></text>' +
      '<title>提示</title><text class="caption-title">第 3 步</text><text>路由</text></g><rect/>';
    expect(textByWeight(markup, css)).toEqual({ bold: 'KUBE-SEP &x第 3 步', regular: ' nat 表路由' });
  });
});

describe('styles', () => {
  const sheet = `
    .topology text { font-family: var(--sans); fill: var(--text); }
    .node-box { fill: var(--panel); stroke: light-dark(rgb(1 2 3 / 50%), #abc); }
    .node-box:hover { fill: red; }
    .minimap { fill: blue; }
    @media (max-width: 599px) { .node-box { display: none; } }`;
  const vars = new Map([
    ['--sans', 'system-ui, sans-serif'],
    ['--text', 'var(--ink)'],
    ['--ink', '#123456'],
    ['--panel', 'light-dark(#ffffff, #161c24)'],
  ]);
  const markup = '<g class="topology"><rect class="node-box"></rect><text>x</text></g>';

  it('keeps the rules the picture uses, colours resolved for its theme, the embedded fonts first', () => {
    const light = pictureCss([sheet], markup, (n) => vars.get(n), 'light');
    expect(light).toContain(".topology text{font-family: 'Noto Sans SC', system-ui, sans-serif; fill: #123456;}");
    expect(light).toContain('.node-box{fill: #ffffff; stroke: rgb(1 2 3 / 50%);}');
    // Hover, the minimap (not in the picture) and the screen's media queries have nothing to style.
    expect(light).not.toMatch(/hover|minimap|display/);
    expect(pictureCss([sheet], markup, (n) => vars.get(n), 'dark')).toContain('.node-box{fill: #161c24; stroke: #abc;}');
  });

  it('resolves nested light-dark() calls and leaves other text alone', () => {
    expect(resolveLightDark('a light-dark(rgb(0 0 0), light-dark(#1, #2)) b', 'dark')).toBe('a #2 b');
    expect(resolveLightDark('drop-shadow(0 0 4px red)', 'light')).toBe('drop-shadow(0 0 4px red)');
  });
});

describe('caption', () => {
  it('wraps English between words and Chinese between characters, no line wider than asked', () => {
    const en = 'PREROUTING on worker-2: PREROUTING → KUBE-SERVICES → KUBE-SVC-ODX2UBAZM7RQWOIU DNATs the packet to 10.244.1.59:9376.';
    const lines = wrap(en, captionFonts.body, 300);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe(en);
    const zh =
      'worker-2 上的路由：10.244.1.59 命中 10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink —— 另一个节点的 Pod 网段，经 flannel 的 VXLAN 隧道到达。';
    const zhLines = wrap(zh, captionFonts.body, 260);
    expect(zhLines.length).toBeGreaterThan(2);
    for (const l of [...lines, ...zhLines.filter((l) => !/\S{30,}/.test(l))])
      expect(textWidth(l, captionFonts.body)).toBeLessThanOrEqual(300);
    // A Chinese line may end mid-sentence, between two characters, and loses nothing.
    expect(zhLines.join('').replace(/\s/g, '')).toBe(zh.replace(/\s/g, ''));
  });
});

describe('crop', () => {
  it('takes a box the content touches whole, and narrows the margin instead of cutting a box it only reaches', () => {
    const content = { x: 100, y: 100, w: 200, h: 100 };
    const touched = { x: 250, y: 150, w: 200, h: 200 };
    const near = { x: 100, y: 40, w: 200, h: 50 };
    expect(framed(content, [touched, near])).toEqual({ x: 80, y: 91, w: 390, h: 279 });
  });
});

describe('QR code', () => {
  it('draws a short link as a small square of dark modules, and gives up on text too long for any QR code', () => {
    const qr = qrCode('https://example.test/packetwalk/#v1.abc')!;
    expect(qr.size).toBeGreaterThanOrEqual(21);
    expect(qr.path).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
    // The three finder patterns: the top left 7×7 corner starts with a run of seven dark modules.
    expect(qr.path.startsWith('M0 0h7v1h-7z')).toBe(true);
    expect(qrCode('x'.repeat(8000))).toBeNull();
  });
});
