/// <reference lib="dom" />
// Nothing stored can blank the page, and a part that fails to draw stops alone. A stored language
// that names no language is forgotten; a browser without ResizeObserver (which only the picture
// and the embed's frame use) gets a message where the picture was while every other part goes on,
// in the learner's language, or in English when the language's messages never arrived.

import { expect, test, type Page } from '@playwright/test';
import { editor, shots } from './helpers';

const localeKey = 'packetwalk:locale';

/** A browser without ResizeObserver, as Safari before 13.1 was; the test keeps it aside to give it back. */
const withoutResizeObserver = 'window.keptResizeObserver = window.ResizeObserver; delete window.ResizeObserver;';

const sizes = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

const stepCount = (page: Page) => page.locator('.step-count');
const stopped = (page: Page, part: string) => page.locator(`.boundary[role="alert"][data-part="${part}"]`);

/** Errors the page did not catch: a blank page starts with one. */
function uncaught(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** What the page logged as errors. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return errors;
}

/** A fresh visit: no text, no language remembered. */
async function freshVisit(page: Page, query = '') {
  await page.goto(`./${query}`);
  await page.evaluate('localStorage.clear()');
  await page.goto(`./${query}`);
}

for (const stored of ['xx', '__proto__', 'en\u0000']) {
  test(`a stored language ${JSON.stringify(stored)} is forgotten: the page opens in the browser's language and steps`, async ({ page }) => {
    const errors = uncaught(page);
    await page.goto('./');
    await page.evaluate(`localStorage.clear(); localStorage.setItem(${JSON.stringify(localeKey)}, ${JSON.stringify(stored)})`);
    await page.reload();
    await expect(page.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(stepCount(page)).toHaveText(/^Step 1 of \d+$/);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(stepCount(page)).toHaveText(/^Step 2 of \d+$/);
    // Removed, so no later visit reads it.
    expect(await page.evaluate(`localStorage.getItem(${JSON.stringify(localeKey)})`)).toBeNull();
    expect(errors).toEqual([]);
  });
}

test.describe('in a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('a stored "__proto__" language is forgotten and the page opens in Chinese', async ({ page }) => {
    const errors = uncaught(page);
    await page.goto('./');
    await page.evaluate(`localStorage.clear(); localStorage.setItem(${JSON.stringify(localeKey)}, '__proto__')`);
    await page.reload();
    await expect(page.getByRole('button', { name: '播放' })).toBeVisible();
    await expect(page.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);
    expect(errors).toEqual([]);
  });
});

test('without ResizeObserver the picture says it stopped; the rest of the page steps and the text is intact', async ({ page }) => {
  const errors = uncaught(page);
  const logged = consoleErrors(page);
  await page.addInitScript({ content: withoutResizeObserver });
  await freshVisit(page);

  const message = stopped(page, 'picture');
  await expect(message).toContainText('This part of the page hit a problem and stopped. Your manifests are safe.');
  await expect(message.getByRole('button', { name: 'Try again' })).toBeVisible();
  await message.locator('summary').click();
  await expect(message.locator('pre')).toContainText('ResizeObserver');
  // It sits where the picture was, and nothing else stopped.
  await expect(page.locator('.right > .boundary.topology')).toHaveCount(1);
  await expect(page.locator('.boundary')).toHaveCount(1);
  expect(logged.some((e) => e.includes('PacketWalk: the picture part stopped drawing'))).toBe(true);

  // The player, the step list and the step's card go on.
  await expect(stepCount(page)).toHaveText(/^Step 1 of \d+$/);
  const where = await page.locator('.inspector-main h2').textContent();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(stepCount(page)).toHaveText(/^Step 2 of \d+$/);
  await expect(page.locator('.inspector-main h2')).not.toHaveText(where!);
  await page.getByRole('list', { name: 'Steps' }).locator('button[data-step]').last().click();
  await expect(page.locator('.inspector-main .outcome')).toBeVisible();

  // The learner's text is in the editor as shipped (the lines the editor has drawn: it draws what is in view).
  await expect(page.locator('.cm-content')).toBeVisible();
  const shipped = await (await page.request.get('./scenarios/hostnames.yaml')).text();
  const drawn = await page.locator('.cm-line').allTextContents();
  expect(drawn.length).toBeGreaterThanOrEqual(20);
  expect(shipped.split('\n').slice(0, drawn.length)).toEqual(drawn);
  await expect(editor(page)).toBeEditable();

  // Given back the API it lacked, "Try again" draws the picture afresh.
  await page.evaluate('window.ResizeObserver = window.keptResizeObserver');
  await message.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);
  await expect(page.locator('.boundary')).toHaveCount(0);
  expect(errors).toEqual([]);
});

for (const size of sizes) {
  for (const lang of ['en', 'zh-CN'] as const) {
    test(`the stopped picture's message, ${size.name}, ${lang}`, async ({ page }) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.addInitScript({ content: withoutResizeObserver });
      await freshVisit(page, `?lang=${lang}`);
      const message = stopped(page, 'picture');
      await expect(message).toContainText(lang === 'en' ? 'Your manifests are safe.' : '你的清单没有丢失。');
      await expect(message.getByRole('button', { name: lang === 'en' ? 'Try again' : '重试' })).toBeVisible();
      await expect(page.getByRole('button', { name: lang === 'en' ? 'Step forward' : '下一步' })).toBeVisible();
      // Its text stays whole inside its box.
      const fits = await message.locator('p').evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
      expect(fits).toBe(true);
      await message.locator('summary').click();
      await page.screenshot({ path: `${shots}/boundary-picture-${size.name}-${lang}.png` });
    });
  }
}

test("when the language's messages never arrive, the message is in English rather than keys", async ({ page }) => {
  await page.route(/\/assets\/zh-CN-[\w-]+\.js$/, (route) => route.abort());
  await page.addInitScript({ content: withoutResizeObserver });
  await freshVisit(page, '?lang=zh-CN');
  const message = stopped(page, 'picture');
  await expect(message).toContainText('This part of the page hit a problem and stopped. Your manifests are safe.');
  await expect(message.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(message.locator('summary')).toHaveText('Details');
});

test('the embed without ResizeObserver shows the message in its frame, never a blank frame', async ({ page }) => {
  const errors = uncaught(page);
  await page.addInitScript({ content: withoutResizeObserver });
  await page.goto('./embed.html?scenario=hostnames');
  const message = stopped(page, 'player');
  await expect(message).toContainText('This part of the page hit a problem and stopped.');
  await expect(message.getByRole('button', { name: 'Try again' })).toBeVisible();
  await page.screenshot({ path: `${shots}/boundary-embed-desktop-en.png` });
  expect(errors).toEqual([]);
});

/** A browser without modal dialogs (Safari before 15.4): only the Share dialog opens one. */
const withoutShowModal = 'delete HTMLDialogElement.prototype.showModal;';

for (const size of sizes) {
  test(`a Share dialog that cannot open stops alone in the header, ${size.name}; the language switch still works`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.addInitScript({ content: withoutShowModal });
    await freshVisit(page);
    await expect(page.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);
    await page.getByRole('button', { name: 'Share' }).click();
    const message = stopped(page, 'share');
    await expect(message).toContainText('This part of the page hit a problem and stopped.');
    await expect(page.locator('.boundary')).toHaveCount(1);
    await page.screenshot({ path: `${shots}/boundary-share-${size.name}-en.png` });

    // The walk and the other header controls go on; the message follows the language.
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(stepCount(page)).toHaveText(/^Step 2 of \d+$/);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect(message).toContainText('页面的这一部分出了问题');
    await page.screenshot({ path: `${shots}/boundary-share-${size.name}-zh-CN.png` });

    // "Try again" gives the Share button back.
    await message.getByRole('button', { name: '重试' }).click();
    await expect(page.getByRole('button', { name: '分享' })).toBeVisible();
    await expect(page.locator('.boundary')).toHaveCount(0);
  });
}

test('when the code editor cannot be fetched, the text stays in view with the message beside it and the walk goes on', async ({ page }) => {
  const errors = uncaught(page);
  await page.route(/\/assets\/CodeEditor-[\w-]+\.js$/, (route) => route.abort());
  await freshVisit(page);
  await expect(page.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);
  const message = stopped(page, 'code-editor');
  await expect(message).toContainText('This part of the page hit a problem and stopped. Your manifests are safe.');
  // Seen, not covered or clipped: what is drawn at its middle is the message.
  const seen = await message.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
  });
  expect(seen).toBe(true);
  await expect(page.locator('.plain-text')).toContainText('name: hostnames');
  await expect(page.locator('.boundary')).toHaveCount(1);
  await page.screenshot({ path: `${shots}/boundary-editor-desktop-en.png` });
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(stepCount(page)).toHaveText(/^Step 2 of \d+$/);
  expect(errors).toEqual([]);
});
