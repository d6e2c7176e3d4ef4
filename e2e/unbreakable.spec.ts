// No visit can be bricked by what was stored: a text that froze the last visit opens in safe mode
// (its text, a message, "Try again") instead of freezing this one too; a text the derive worker
// cannot finish within its time budget is stopped, said, and kept; the page answers throughout.

import { expect, test, type Page } from '@playwright/test';
import { manyServices } from '../bench/generate';
import { scenarioText } from './fixtures/scenario';
import { editor, replaceText, shots } from './helpers';
import { computeKey, markValue } from '../src/store/computeMarker';

const words = {
  en: {
    froze: 'stopped responding while it computed this text',
    timeout: 'too much to compute',
    tryAgain: 'Try again',
    editor: 'Manifests',
  },
  'zh-CN': { froze: '页面停止了响应', timeout: '计算量太大', tryAgain: '重试', editor: '清单' },
} as const;
type Lang = keyof typeof words;

const note = (page: Page, why: 'froze' | 'timeout', lang: Lang = 'en') => page.getByRole('alert').filter({ hasText: words[lang][why] });
const pods = (page: Page) => page.locator('[data-pod]');

/**
 * The storage a visit frozen by `text` leaves behind: the text saved as the learner's own, and the
 * note that it was being computed. Written once, before the page's first script, as that visit did.
 */
async function frozenVisit(page: Page, text: string) {
  const stored = { 'packetwalk:mine': text, 'packetwalk:scenario': '', [computeKey]: markValue(text, 'running') };
  await page.addInitScript({
    content: `if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.clear();
      for (const [k, v] of Object.entries(${JSON.stringify(stored)})) localStorage.setItem(k, v);
    }`,
  });
}

/** How long the page takes to answer a task queued now (ms): a frozen page never answers. */
const answersIn = (page: Page) =>
  page.evaluate(
    'new Promise((done) => { const t = performance.now(); setTimeout(() => done(performance.now() - t)); })',
  ) as Promise<number>;

const hostnames = scenarioText('hostnames');

test('a text that froze the last visit opens in safe mode within 2 s: kept, not computed, and the page answers', async ({ page }) => {
  await frozenVisit(page, hostnames);
  const began = Date.now();
  await page.goto('./');
  await expect(note(page, 'froze')).toBeVisible({ timeout: 2_000 });
  expect(Date.now() - began).toBeLessThan(2_000);
  expect(await answersIn(page)).toBeLessThan(500);
  await expect(editor(page)).toContainText('name: hostnames');
  await expect(pods(page)).toHaveCount(0);
  // Editor only: no empty picture or "no problems" claiming there is nothing to show.
  await expect(page.locator('#player')).toBeHidden();
  await expect(page.locator('section.diagnostics')).toHaveCount(0);

  // A reload is no way out of safe mode by itself: only the learner's choice is.
  await page.reload();
  await expect(note(page, 'froze')).toBeVisible({ timeout: 2_000 });

  await note(page, 'froze').getByRole('button', { name: 'Try again' }).click();
  await expect(note(page, 'froze')).toHaveCount(0);
  await expect(page.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);
  // Computed: the next visit opens as usual.
  await page.reload();
  await expect(page.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('in safe mode the learner’s edit is computed as usual', async ({ page }) => {
  await frozenVisit(page, hostnames);
  await page.goto('./');
  await expect(note(page, 'froze')).toBeVisible({ timeout: 2_000 });
  await editor(page).click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('# fixed\n');
  await expect(note(page, 'froze')).toHaveCount(0);
  await expect(page.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);
  await page.reload();
  await expect(editor(page)).toContainText('# fixed');
  await expect(page.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);
});

test('a text the worker cannot compute within the budget is stopped and said; the page answers, the text is kept, the next visit opens it in safe mode', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // 5,000 Services take a few seconds to compute: over a one-second budget (?budget=SECONDS).
  const big = manyServices(5_000, 2, 6);
  await page.goto('./?budget=1');
  await page.evaluate('localStorage.clear()');
  await page.goto('./?budget=1');
  await expect(page.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);
  await replaceText(page, big);
  await expect(note(page, 'timeout')).toBeVisible({ timeout: 15_000 });
  await expect(note(page, 'timeout')).toContainText('1 seconds');
  expect(await answersIn(page)).toBeLessThan(500);
  await expect(pods(page)).toHaveCount(0);
  // The editor shows where the paste ended.
  await expect(editor(page)).toContainText('name: app-4999');

  // Try again: the same budget, the same answer; the page still answers.
  await note(page, 'timeout').getByRole('button', { name: 'Try again' }).click();
  await expect(note(page, 'timeout')).toHaveCount(0);
  await expect(note(page, 'timeout')).toBeVisible({ timeout: 15_000 });
  expect(await answersIn(page)).toBeLessThan(500);

  // The text was saved: the next visit (with a budget that would do) shows it without computing it until asked.
  await page.goto('./?budget=60');
  await expect(note(page, 'timeout')).toBeVisible({ timeout: 2_000 });
  await expect(note(page, 'timeout')).toContainText('60 seconds');
  await expect(editor(page)).toContainText('name: node-0');
  await note(page, 'timeout').getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('[data-pod^="default/app-"]').first()).toBeAttached({ timeout: 60_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test.describe('safe mode, as it looks', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      test(`${lang} ${viewport.width}`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await frozenVisit(page, hostnames);
        await page.goto(`./?lang=${lang}`);
        await expect(note(page, 'froze', lang)).toBeVisible({ timeout: 2_000 });
        await expect(note(page, 'froze', lang).getByRole('button', { name: words[lang].tryAgain })).toBeVisible();
        await expect(page.locator('#editor-body .cm-content')).toBeVisible();
        await page.screenshot({ path: `${shots}/safe-mode-${lang}-${viewport.width}.png` });
      });
    }
  }
});
