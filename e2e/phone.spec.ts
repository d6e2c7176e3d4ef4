/// <reference lib="dom" />
// A phone, 390×844, held by a learner's thumb: nothing scrolls sideways, Play and Step are on
// screen as the page opens, taps play and pick steps, and the editor is one tab away.

import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { open, shots } from './helpers';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const words = {
  en: {
    play: 'Play',
    pause: 'Pause',
    stepForward: 'Step forward',
    editor: 'Manifests',
    steps: 'Steps',
    step: 'This step',
    rules: 'Rules',
    panels: ['Compare Cluster and Local', 'Compare modes', 'HTTP request tester'],
  },
  'zh-CN': {
    play: '播放',
    pause: '暂停',
    stepForward: '下一步',
    editor: '清单',
    steps: '步骤',
    step: '本步',
    rules: '规则',
    panels: ['比较 Cluster 与 Local', '比较模式', 'HTTP 请求测试'],
  },
} as const;

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
/** The step the player is on, as its counter says ("Step 6 of 29", "第 6 步，共 29 步"). */
const stepShown = async (page: Page) => Number((await page.locator('.step-count').innerText()).match(/\d+/)?.[0]);

const gallery = (JSON.parse(readFileSync('public/scenarios/index.json', 'utf8')) as { id: string }[]).map((e) => e.id);

for (const lang of ['en', 'zh-CN'] as const) {
  const w = words[lang];

  test(`every gallery scenario, mid-walk and with its floating panels open, keeps to 390 px (${lang})`, async ({ page }) => {
    test.setTimeout(180_000);
    await open(page, `?lang=${lang}`);
    for (const id of gallery) {
      await page.locator('.gallery select').selectOption(id);
      await expect.poll(() => stepShown(page), { message: id }).toBe(1);
      const next = page.getByRole('button', { name: w.stepForward });
      for (let i = 0; i < 6 && (await next.isEnabled()); i++) await next.tap();
      for (const name of w.panels) {
        const open = page.getByRole('button', { name, exact: true });
        if ((await open.count()) > 0 && (await open.getAttribute('aria-pressed')) !== 'true') await open.tap();
      }
      expect(await pageWidth(page), id).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${shots}/phone-${lang}-${id}.png` });
    }
  });

  test.describe(lang, () => {
    test(`nothing scrolls sideways, and Play and Step forward are on screen without scrolling (${lang})`, async ({ page }) => {
      await open(page, `?lang=${lang}`);
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await expect(page.getByRole('button', { name: w.play })).toBeInViewport({ ratio: 1 });
      await expect(page.getByRole('button', { name: w.stepForward })).toBeInViewport({ ratio: 1 });
      // The picture comes first, the whole width.
      const picture = await page.locator('.topology').boundingBox();
      expect(picture?.width).toBe(390);
      await page.screenshot({ path: `${shots}/phone-${lang}.png` });

      // Every tab's panel keeps to the width too, mid-walk with a listing shown.
      for (let i = 0; i < 5; i++) await page.getByRole('button', { name: w.stepForward }).tap();
      for (const tab of [w.step, w.steps, w.rules, w.editor]) {
        await page.getByRole('tab', { name: tab }).tap();
        await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
        expect(await pageWidth(page), tab).toBeLessThanOrEqual(390);
      }
      await page.screenshot({ path: `${shots}/phone-${lang}-editor.png`, fullPage: true });
    });

    test(`tapping Play plays the walk, tapping a step goes there (${lang})`, async ({ page }) => {
      await open(page, `?lang=${lang}`);
      expect(await stepShown(page)).toBe(1);
      await page.getByRole('button', { name: w.play }).tap();
      await expect(page.getByRole('button', { name: w.pause })).toBeVisible();
      await expect.poll(() => stepShown(page)).toBeGreaterThan(1);
      await page.getByRole('button', { name: w.pause }).tap();

      // The step card is under the controls; the step list is a tab away, and a tap there moves the walk.
      await expect(page.getByRole('tabpanel', { name: w.step })).toBeVisible();
      await page.getByRole('tab', { name: w.steps }).tap();
      await expect(page.getByRole('tabpanel', { name: w.step })).toBeHidden();
      const row = page.getByRole('list', { name: w.steps }).locator('button[data-step]').last();
      const target = Number(await row.getAttribute('data-step')) + 1;
      await row.tap();
      await expect.poll(() => stepShown(page)).toBe(target);
      await page.screenshot({ path: `${shots}/phone-${lang}-steps.png` });
    });

    test(`the editor tab opens the editor and keeps the text (${lang})`, async ({ page }) => {
      await open(page, `?lang=${lang}`);
      const editor = page.getByRole('textbox', { name: w.editor });
      await expect(editor).toBeHidden();
      await page.getByRole('tab', { name: w.editor }).tap();
      await expect(editor).toBeVisible();
      await expect(editor).toContainText('kind: Deployment');
      // Laid out behind another tab, it still numbers its lines beside them once the learner sees
      // them (below the fold, CodeMirror estimates the heights of lines nobody can see).
      const drift = async () => {
        const line5 = await page.locator('.cm-line').nth(4).boundingBox();
        const number5 = await page.locator('.cm-lineNumbers .cm-gutterElement', { hasText: /^5$/ }).boundingBox();
        return Math.abs(line5!.y - number5!.y);
      };
      await editor.scrollIntoViewIfNeeded();
      await expect.poll(drift, { timeout: 2000 }).toBeLessThan(2);
      await page.locator('.cm-line').first().tap();
      await page.keyboard.press('Control+Home');
      await page.keyboard.insertText('# my note\n');
      // Away to the step card and back: the text is as it was left.
      await page.getByRole('tab', { name: w.step }).tap();
      await expect(editor).toBeHidden();
      await page.getByRole('tab', { name: w.editor }).tap();
      await expect(editor).toContainText('# my note');
      await expect(editor).toContainText('kind: Deployment');
    });
  });
}

test('the tabs are one tab stop; arrow keys move between them', async ({ page }) => {
  await open(page);
  const first = page.getByRole('tab', { name: 'This step' });
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Steps' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Steps' })).toHaveAttribute('aria-selected', 'true');
  // The arrow moved between tabs, not the walk.
  expect(await stepShown(page)).toBe(1);
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Manifests' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Manifests' })).toBeVisible();
});
