/// <reference lib="dom" />
// The Share dialog as a learner meets it: opened by click or keyboard, a link that reopens the
// same step (copied, announced, as a QR code), the embed code following its options, the SVG and
// PNG downloads of the step on screen, Esc giving the focus back — in English and Chinese, on a
// laptop and on a phone.

import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { open, replaceText, shots } from './helpers';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const words = {
  en: {
    share: 'Share',
    dialog: 'Share this step',
    link: 'Link to this step',
    copyLink: 'Copy link',
    copied: 'Link copied.',
    qr: 'QR code of the link',
    embed: 'Embed code',
    theme: 'Theme',
    dark: 'Dark',
    svg: 'Download SVG',
    png: 'Download PNG',
    gif: 'Download GIF',
    stepForward: 'Step forward',
  },
  'zh-CN': {
    share: '分享',
    dialog: '分享这一步',
    link: '这一步的链接',
    copyLink: '复制链接',
    copied: '链接已复制。',
    qr: '链接的二维码',
    embed: '嵌入代码',
    theme: '主题',
    dark: '深色',
    svg: '下载 SVG',
    png: '下载 PNG',
    gif: '下载 GIF',
    stepForward: '下一步',
  },
} as const;

type Lang = keyof typeof words;

/** The step the player is on, as its counter says ("Step 6 of 29", "第 6 步，共 29 步"). */
const stepShown = async (page: Page) => Number((await page.locator('.step-count').innerText()).match(/\d+/)?.[0]);

/** Opens the app and steps the walk to `step` (1-based), past the first hop so the step is the sender's choice. */
async function atStep(page: Page, lang: Lang, step: number, query = '') {
  await open(page, `?lang=${lang}${query}`);
  await expect.poll(() => stepShown(page)).toBe(1);
  const next = page.getByRole('button', { name: words[lang].stepForward });
  for (let i = 1; i < step; i++) {
    await next.click();
    await expect.poll(() => stepShown(page)).toBe(i + 1);
  }
}

const randomHex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');

const dialogOf = (page: Page, lang: Lang) => page.getByRole('dialog', { name: words[lang].dialog });

async function openByClick(page: Page, lang: Lang) {
  await page.getByRole('button', { name: words[lang].share, exact: true }).click();
  const dialog = dialogOf(page, lang);
  await expect(dialog.getByRole('textbox', { name: words[lang].link })).toHaveValue(/#v1\./);
  return dialog;
}

test('the link reopens this step, is copied and announced, and shows as a QR code', async ({ page, browser }) => {
  await atStep(page, 'en', 5);
  const w = words.en;
  const dialog = await openByClick(page, 'en');

  const link = await dialog.getByRole('textbox', { name: w.link }).inputValue();
  const url = new URL(link);
  expect(url.pathname).toBe('/packetwalk/');
  expect(url.hash.startsWith('#v1.')).toBe(true);

  await dialog.getByRole('button', { name: w.copyLink }).click();
  await expect(dialog.getByRole('status').filter({ hasText: w.copied })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  const qr = dialog.getByRole('img', { name: w.qr });
  await expect(qr).toBeVisible();
  expect((await qr.locator('path').getAttribute('d'))?.length).toBeGreaterThan(500);

  // The link, opened where nothing is stored, shows the same step.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect.poll(() => stepShown(other)).toBe(5);
  await fresh.close();
});

test('where the browser refuses the clipboard, the link is selected and Ctrl+C is suggested', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await atStep(page, 'en', 2);
  const dialog = await openByClick(page, 'en');
  const field = dialog.getByRole('textbox', { name: words.en.link });
  await dialog.getByRole('button', { name: words.en.copyLink }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'press Ctrl+C' })).toBeVisible();
  await expect(field).toBeFocused();
  const selected = await field.evaluate((el: HTMLInputElement) => el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0));
  expect(selected).toBe(await field.inputValue());
});

test('the embed code is an iframe of embed.html with the link inside, and follows its options', async ({ page }) => {
  await atStep(page, 'en', 3);
  const w = words.en;
  const dialog = await openByClick(page, 'en');
  const code = dialog.getByRole('textbox', { name: w.embed, exact: true });
  await expect(code).toHaveValue(/^<iframe /);
  const src = () => code.inputValue().then((v) => new URL(/src="([^"]+)"/.exec(v)![1].replace(/&amp;/g, '&')));
  expect((await src()).pathname).toBe('/packetwalk/embed.html');
  expect((await src()).hash).toMatch(/^#v1\./);
  expect((await src()).searchParams.get('step')).toBe('3');
  await expect(code).toHaveValue(/height="560"/);
  await expect(code).toHaveValue(/packetwalk:resize/);

  await dialog.getByRole('combobox', { name: w.theme }).selectOption({ label: w.dark });
  expect((await src()).searchParams.get('theme')).toBe('dark');
  await dialog.getByRole('checkbox', { name: 'Start playing when shown' }).check();
  expect((await src()).searchParams.get('autoplay')).toBe('1');
  await dialog.getByRole('checkbox', { name: /Start at this step/ }).uncheck();
  expect((await src()).searchParams.has('step')).toBe(false);
  await dialog.getByRole('spinbutton', { name: 'Height (pixels)' }).fill('720');
  await expect(code).toHaveValue(/height="720"/);
  await dialog.getByRole('checkbox', { name: /Grow to fit/ }).uncheck();
  await expect(code).not.toHaveValue(/<script/);

  await dialog.getByRole('button', { name: 'Copy embed code' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Embed code copied.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.inputValue());
});

test('Download SVG is the step on screen; Download PNG is a PNG of it at twice the size', async ({ page, browser }) => {
  await atStep(page, 'en', 4);
  const explain = await page.locator('.inspector .explain').innerText();
  const dialog = await openByClick(page, 'en');

  const [svgDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: words.en.svg }).click()]);
  expect(svgDownload.suggestedFilename()).toBe('packetwalk-hostnames-step-4.svg');
  await expect(dialog.getByRole('status').filter({ hasText: 'Saved packetwalk-hostnames-step-4.svg.' })).toBeVisible();
  // Saved under its own name, so the browser opens it as an SVG document.
  const svgPath = test.info().outputPath(svgDownload.suggestedFilename());
  await svgDownload.saveAs(svgPath);
  const viewer = await (await browser.newContext()).newPage();
  await viewer.goto(`file://${svgPath}`);
  // The caption may wrap over several lines: compare the words, not the line breaks.
  const words_ = (s: string) => s.replace(/\s+/g, '');
  expect(words_((await viewer.locator('svg').first().textContent()) ?? '')).toContain(words_(explain));
  await viewer.screenshot({ path: `${shots}/share-download.png` });
  await viewer.context().close();

  const [pngDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: words.en.png }).click()]);
  expect(pngDownload.suggestedFilename()).toBe('packetwalk-hostnames-step-4.png');
  const png = readFileSync(await pngDownload.path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.length).toBeGreaterThan(30_000);
  // IHDR: the width at 2× is well past a screen's picture.
  expect(png.readUInt32BE(16)).toBeGreaterThan(1000);
});

test('Download GIF shows its progress and keeps its button off until the whole walk is saved', async ({ page }) => {
  test.setTimeout(180_000);
  await atStep(page, 'en', 1);
  const dialog = await openByClick(page, 'en');
  const gif = dialog.getByRole('button', { name: words.en.gif });
  const downloading = page.waitForEvent('download', { timeout: 150_000 });
  await gif.click();
  await expect(gif).toBeDisabled();
  await expect(dialog.getByRole('progressbar', { name: /^Frame \d+ of \d+$/ })).toBeVisible();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('packetwalk-hostnames-walk.gif');
  const file = readFileSync(await download.path());
  expect(file.subarray(0, 6).toString('latin1')).toBe('GIF89a');
  expect(file.length).toBeGreaterThan(50_000);
  await expect(gif).toBeEnabled();
  await expect(dialog.getByRole('status').filter({ hasText: 'Saved packetwalk-hostnames-walk.gif.' })).toBeVisible();
});

test('a page in the dark theme shares links and embed code in the dark theme', async ({ page }) => {
  await atStep(page, 'en', 3, '&theme=dark');
  const dialog = await openByClick(page, 'en');
  const link = new URL(await dialog.getByRole('textbox', { name: words.en.link }).inputValue());
  expect(link.searchParams.get('theme')).toBe('dark');
  await expect(dialog.getByRole('combobox', { name: words.en.theme })).toHaveValue('dark');
  await expect(dialog.getByRole('textbox', { name: words.en.embed, exact: true })).toHaveValue(/theme=dark/);
  await page.screenshot({ path: `${shots}/share-dark-1440.png` });
});

test('a link too long for a QR code says so, and says how long it is, yet still copies', async ({ page }) => {
  await open(page);
  // Random bytes do not compress: the link grows with them.
  const noise = Array.from({ length: 120 }, (_, i) => `  k${i}: "${randomHex(64)}"`).join('\n');
  const text = `${readFileSync('public/scenarios/hostnames.yaml', 'utf8')}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: noise\ndata:\n${noise}\n`;
  await replaceText(page, text);
  await expect.poll(() => stepShown(page)).toBe(1);
  const dialog = await openByClick(page, 'en');
  const link = await dialog.getByRole('textbox', { name: words.en.link }).inputValue();
  expect(link.length).toBeGreaterThan(3000);
  await expect(dialog.getByText(`This link is ${link.length} characters long`)).toBeVisible();
  await expect(dialog.getByText('This link is too long for a QR code: copy the link instead.')).toBeVisible();
  await expect(dialog.getByRole('img', { name: words.en.qr })).toHaveCount(0);
  // Nor can a picture carry it in a corner.
  await expect(dialog.getByRole('checkbox', { name: 'QR code of the link in a corner' })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/share-long-link.png` });
  await dialog.getByRole('button', { name: words.en.copyLink }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
});

test('the keyboard opens it, keeps the walk still behind it, and Esc gives the focus back to Share', async ({ page }) => {
  await atStep(page, 'en', 2);
  const share = page.getByRole('button', { name: 'Share', exact: true });
  await share.focus();
  await page.keyboard.press('Enter');
  const dialog = dialogOf(page, 'en');
  await expect(dialog).toBeVisible();
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  // The app's arrow keys step the walk; behind the modal they must not.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(share).toBeFocused();
  expect(await stepShown(page)).toBe(2);
});

for (const lang of ['en', 'zh-CN'] as const) {
  for (const size of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    test(`the dialog at ${size.width}×${size.height} (${lang}) fits the screen and scrolls inside itself`, async ({ page }) => {
      await page.setViewportSize(size);
      await atStep(page, lang, 3);
      const w = words[lang];
      // The header keeps Share on screen, nothing past the page's width.
      await expect(page.getByRole('button', { name: w.share, exact: true })).toBeInViewport({ ratio: 1 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      if (size.width < 600) await page.screenshot({ path: `${shots}/share-header-${lang}-${size.width}.png` });

      const dialog = await openByClick(page, lang);
      for (const name of [w.copyLink, w.svg, w.png, w.gif]) await expect(dialog.getByRole('button', { name })).toBeAttached();
      await expect(dialog.getByRole('textbox', { name: w.embed, exact: true })).toBeAttached();
      await expect(dialog.getByRole('img', { name: w.qr })).toBeVisible();
      const box = (await dialog.boundingBox())!;
      expect(box.width).toBeLessThanOrEqual(size.width);
      expect(box.y + box.height).toBeLessThanOrEqual(size.height + 1);
      if (size.width < 600) expect(box.width).toBe(size.width);
      // Its content is taller than the screen: it scrolls within, the page behind stays put.
      const scroll = await dialog.evaluate((d) => ({
        scrollHeight: d.scrollHeight,
        clientHeight: d.clientHeight,
        scrollWidth: d.scrollWidth,
      }));
      await page.screenshot({ path: `${shots}/share-${lang}-${size.width}.png` });
      // No serious accessibility problem in it, 24 px touch targets included.
      const { violations } = await new AxeBuilder({ page })
        .include('.share-dialog')
        .options({ rules: { 'target-size': { enabled: true } } })
        .analyze();
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      expect(scroll.scrollWidth).toBeLessThanOrEqual(box.width);
      if (scroll.scrollHeight > scroll.clientHeight) {
        await dialog.getByRole('button', { name: w.gif }).scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${shots}/share-${lang}-${size.width}-end.png` });
      }
    });
  }
}
