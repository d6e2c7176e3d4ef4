/// <reference lib="dom" />
// The pictures the Share dialog downloads, opened as a reader would: the SVG of the step on
// screen (its ladder, the packet's label, the caption), the PNG at twice its size drawn with the
// fonts inside it (Chinese in Noto Sans SC, not a system font or empty boxes), and the walk as a
// GIF with a frame for every step.

import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Download, type Locator, type Page } from '@playwright/test';
import { open, shots } from './helpers';

const words = {
  en: { share: 'Share', dialog: 'Share this step', svg: 'Download SVG', png: 'Download PNG', gif: 'Download GIF', next: 'Step forward' },
  'zh-CN': { share: '分享', dialog: '分享这一步', svg: '下载 SVG', png: '下载 PNG', gif: '下载 GIF', next: '下一步' },
} as const;
type Lang = keyof typeof words;

/** The counter under the picture: "Step 3 of 29" or "第 3 步，共 29 步". */
async function counter(page: Page): Promise<{ step: number; of: number }> {
  const [step, of] = ((await page.locator('.step-count').innerText()).match(/\d+/g) ?? []).map(Number);
  return { step, of };
}

/** The app in `lang`, stepped to `step` (1-based), the Share dialog open. */
async function shareAt(page: Page, lang: Lang, step: number): Promise<Locator> {
  await open(page, `?lang=${lang}`);
  for (let i = (await counter(page)).step; i < step; i++) {
    await page.getByRole('button', { name: words[lang].next }).click();
    await expect.poll(async () => (await counter(page)).step).toBe(i + 1);
  }
  await page.getByRole('button', { name: words[lang].share }).click();
  return page.getByRole('dialog', { name: words[lang].dialog });
}

async function download(page: Page, dialog: Locator, name: string): Promise<{ file: Download; path: string }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), dialog.getByRole('button', { name }).click()]);
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  return { file, path };
}

const sizeOf = (svg: string) => {
  const [, w, h] = /<svg[^>]*\swidth="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
  return { width: Number(w), height: Number(h) };
};

/**
 * The SVG opened at 2 device pixels per unit once its fonts have loaded: as a document of its own
 * (parsed as strict XML), or inline in an HTML page (which the screenshot takes).
 */
async function viewSvg(browser: Browser, svg: string, as: 'document' | 'inline') {
  const { width, height } = sizeOf(svg);
  const viewer = await browser.newPage({ viewport: { width: Math.ceil(width), height: Math.ceil(height) }, deviceScaleFactor: 2 });
  const page = as === 'document' ? svg : `<!doctype html><body style="margin:0;line-height:0">${svg}</body>`;
  await viewer.route('**/picture', (route) =>
    route.fulfill({ body: page, contentType: as === 'document' ? 'image/svg+xml' : 'text/html; charset=utf-8' }),
  );
  await viewer.goto('http://picture.test/picture');
  await viewer.evaluate(() => document.fonts.ready.then(() => undefined));
  return viewer;
}

/** The share of pixels in the lower `band` of two same-sized PNGs that differ visibly. */
async function differs(page: Page, a: Buffer, b: Buffer, band: number): Promise<number> {
  return page.evaluate(
    async ({ a, b, band }) => {
      const pixels = async (b64: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${b64}`;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const top = Math.floor(image.height * (1 - band));
        return context.getImageData(0, top, image.width, image.height - top).data;
      };
      const [pa, pb] = await Promise.all([pixels(a), pixels(b)]);
      if (pa.length !== pb.length) return 1;
      let off = 0;
      for (let i = 0; i < pa.length; i += 4) {
        if (Math.abs(pa[i] - pb[i]) + Math.abs(pa[i + 1] - pb[i + 1]) + Math.abs(pa[i + 2] - pb[i + 2]) > 96) off++;
      }
      return off / (pa.length / 4);
    },
    { a: a.toString('base64'), b: b.toString('base64'), band },
  );
}

/** The frames of a GIF: image descriptors found by walking its blocks (not by searching bytes). */
function gifFrames(gif: Buffer): number {
  let i = 13 + (gif[10] & 0x80 ? 3 * 2 ** ((gif[10] & 7) + 1) : 0);
  const subBlocks = () => {
    while (gif[i] !== 0) i += gif[i] + 1;
    i++;
  };
  let frames = 0;
  while (i < gif.length && gif[i] !== 0x3b) {
    if (gif[i] === 0x21) {
      i += 2;
      subBlocks();
    } else if (gif[i] === 0x2c) {
      frames++;
      const packed = gif[i + 9];
      i += 10 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0) + 1;
      subBlocks();
    } else throw new Error(`not a GIF block at ${i}`);
  }
  return frames;
}

test('the SVG of step 3 shows the chain ladder, the rewritten packet and the caption, as on screen', async ({ page, browser }) => {
  const dialog = await shareAt(page, 'en', 3);
  const picture = page.locator('.topology .viewport');
  const ladderTitle = (await picture.locator('.ladder-title').textContent())?.trim() ?? '';
  const label = (await picture.locator('.packet-glyph .packet-label').innerText()).replace(/\s+/g, ' ').trim();
  const where = (await page.locator('.inspector .where h2').innerText()).trim();
  const { of } = await counter(page);

  const { file, path } = await download(page, dialog, words.en.svg);
  expect(file.suggestedFilename()).toMatch(/step-3\.svg$/);
  const svg = readFileSync(path, 'utf8');
  const viewer = await viewSvg(browser, svg, 'document');
  // What the screen shows at this step is in the picture, as text a reader sees.
  await expect(viewer.locator('text.caption-title')).toHaveText(`Step 3 of ${of} — ${where}`);
  await expect(viewer.locator('.ladder-title')).toHaveText(ladderTitle);
  const drawn = await viewer.locator('.packet-mark .packet-text').allTextContents();
  expect(drawn.join('').replace(/\s+/g, ' ').trim()).toBe(label);
  await expect(viewer.locator('.packet-mark .packet-now')).toHaveCount(1);
  expect(
    await viewer.evaluate(() => document.fonts.load('12px "Noto Sans Mono"', 'KUBE-SERVICES').then((faces) => faces.length)),
  ).toBeGreaterThan(0);
  await viewer.screenshot({ path: `${shots}/export-svg-en.png` });
  await viewer.close();
});

test('the PNG is the SVG at twice its size, its Chinese drawn in the embedded Noto Sans SC', async ({ page, browser }) => {
  const dialog = await shareAt(page, 'zh-CN', 4);
  const svg = readFileSync((await download(page, dialog, words['zh-CN'].svg)).path, 'utf8');
  const png = readFileSync((await download(page, dialog, words['zh-CN'].png)).path);
  const { width, height } = sizeOf(svg);
  expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * width, 2 * height]);

  // The SVG as a page, where the browser confirms it drew the caption with the embedded font …
  const viewer = await viewSvg(browser, svg, 'inline');
  // (No Noto Sans SC is installed here: only the SVG's own faces can load.)
  expect(
    await viewer.evaluate(() => document.fonts.load('700 15px "Noto Sans SC"', '第步共').then((faces) => faces.length)),
  ).toBeGreaterThan(0);
  expect(await viewer.evaluate(() => document.fonts.check('700 15px "Noto Sans SC"', '第步共'))).toBe(true);
  const asPage = await viewer.screenshot();
  await viewer.close();
  // … and the same SVG with its fonts taken out, drawn by whatever the system has.
  const withoutFonts = await viewSvg(browser, svg.replace(/@font-face\{[^}]*\}/g, ''), 'inline');
  const systemFonts = await withoutFonts.screenshot();
  await withoutFonts.close();

  // The caption (the picture's lower part) of the PNG matches the page, not the system's fonts.
  expect(await differs(page, png, asPage, 0.12)).toBeLessThan(0.01);
  expect(await differs(page, png, systemFonts, 0.12)).toBeGreaterThan(0.02);
  const shown = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await shown.setContent(`<img src="data:image/png;base64,${png.toString('base64')}" style="width:100%">`);
  await shown.screenshot({ path: `${shots}/export-png-zh-CN.png`, fullPage: true });
  await shown.close();
});

test('the GIF has a frame for every step of the walk', async ({ page }) => {
  test.setTimeout(180_000);
  const dialog = await shareAt(page, 'en', 1);
  const { of } = await counter(page);
  const started = Date.now();
  const { file, path } = await download(page, dialog, words.en.gif);
  const seconds = (Date.now() - started) / 1000;
  expect(file.suggestedFilename()).toMatch(/\.gif$/);
  const gif = readFileSync(path);
  expect(gif.subarray(0, 6).toString('latin1')).toBe('GIF89a');
  expect(gifFrames(gif)).toBe(of);
  // A few MB at most, so it fits a README.
  expect(gif.length).toBeLessThan(8_000_000);
  test.info().annotations.push({ type: 'gif', description: `${of} frames, ${(gif.length / 1e6).toFixed(2)} MB, ${seconds.toFixed(1)} s` });
});
