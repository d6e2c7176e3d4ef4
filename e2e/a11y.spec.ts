/// <reference lib="dom" />
// axe-core on the app and the embed, in both languages, on a laptop and a phone: no serious or
// critical violation. The page is checked mid-walk, where the listing highlights a rule.

import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { open } from './helpers';

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** Serious and critical violations, one line each, so a failure names the rule and the elements. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Touch targets of at least 24 px (WCAG 2.2's target-size) too, which axe leaves off by default.
  const { violations } = await new AxeBuilder({ page }).options({ rules: { 'target-size': { enabled: true } } }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Steps a few hops in with the keyboard, so the inspector shows a hop and its listing. */
async function walkIn(page: Page) {
  for (let i = 0; i < 5; i++) await page.locator('body').press('ArrowRight');
  await expect(page.locator('.step[aria-current="step"] .step-n')).toHaveText('6');
}

for (const lang of ['en', 'zh-CN']) {
  test.describe(`${lang}`, () => {
    test(`the app on a laptop has no serious accessibility violations (${lang})`, async ({ page }) => {
      await open(page, `?lang=${lang}`);
      await walkIn(page);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test.describe('phone', () => {
      test.use(phone);

      test(`the app on a phone has no serious accessibility violations, in every tab (${lang})`, async ({ page }) => {
        await open(page, `?lang=${lang}`);
        await walkIn(page);
        expect(await seriousViolations(page)).toEqual([]);
        const tabs = page.getByRole('tab');
        for (let i = 1; i < (await tabs.count()); i++) {
          await tabs.nth(i).tap();
          await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
          expect(await seriousViolations(page), await tabs.nth(i).innerText()).toEqual([]);
        }
      });
    });
  });
}

test('every gallery scenario, mid-walk with its floating panels open, has no serious accessibility violations', async ({ page }) => {
  test.setTimeout(180_000);
  const gallery = (JSON.parse(readFileSync('public/scenarios/index.json', 'utf8')) as { id: string }[]).map((e) => e.id);
  await open(page);
  for (const id of gallery) {
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption(id);
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue(id);
    const next = page.getByRole('button', { name: 'Step forward' });
    for (let i = 0; i < 4 && (await next.isEnabled()); i++) await next.click();
    for (const name of ['Compare Cluster and Local', 'Compare modes', 'HTTP request tester']) {
      const panel = page.getByRole('button', { name, exact: true });
      if ((await panel.count()) > 0 && (await panel.getAttribute('aria-pressed')) !== 'true') await panel.click();
    }
    expect(await seriousViolations(page), id).toEqual([]);
  }
});

test('the embed has no serious accessibility violations', async ({ page }) => {
  await page.goto('./embed.html?scenario=hostnames');
  await expect(page.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);
  await walkIn(page);
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe('embed on a phone', () => {
  test.use(phone);
  test('the embed on a phone has no serious accessibility violations and does not scroll sideways', async ({ page }) => {
    await page.goto('./embed.html?scenario=hostnames&lang=zh-CN');
    await expect(page.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);
    await walkIn(page);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test('the first Tab reaches "Skip to the player", which moves focus past the header and the editor', async ({ page }) => {
  await open(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the player' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#player')).toBeFocused();
  // The next Tab lands inside the player, not in the header or the editor.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('#player') !== null)).toBe(true);
});
