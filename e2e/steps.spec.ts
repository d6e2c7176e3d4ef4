/// <reference lib="dom" />
// The step list: it opens on the key hops of the walk, a hop opens onto its steps, the list is
// one tab stop with arrow keys inside, and the current step is announced. Both languages, both sizes.

import { expect, test, type Page } from '@playwright/test';
import { open, shots, stepList } from './helpers';

const sizes = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

const hops = (page: Page) => stepList(page).locator(':scope > li.hop');
const live = (page: Page) => page.locator('.step-list [aria-live="polite"]');

/** On a phone the step list is one of the tabs below the player. */
async function showStepList(page: Page) {
  const tab = page.locator('#tab-steps');
  if (await tab.isVisible()) await tab.click();
}

test('opens on 5–10 key hops; a hop opens onto its steps and a click goes there', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('button', { name: 'Key hops' })).toHaveAttribute('aria-pressed', 'true');
  const count = await hops(page).count();
  expect(count).toBeGreaterThanOrEqual(5);
  expect(count).toBeLessThanOrEqual(10);
  await expect(hops(page).first()).toContainText(/pod client → 10\.\d+\.\d+\.\d+:80/);
  const dnat = hops(page).filter({ hasText: 'PREROUTING: DNAT →' });
  await expect(dnat).toHaveCount(1);

  // The first hop holds the current step, so it is open and marks step 1.
  await expect(stepList(page).locator('.step[aria-current="step"] .step-n')).toHaveText('1');

  // Opening the DNAT hop shows its steps without moving the packet.
  await dnat.getByRole('button', { name: /Show its \d+ steps/ }).click();
  await expect(dnat.getByRole('button', { name: 'Hide its steps' })).toHaveAttribute('aria-expanded', 'true');
  await expect(dnat.locator('.step')).not.toHaveCount(0);
  await expect(dnat.locator('.step').first()).toContainText('PREROUTING');
  await expect(live(page)).toContainText('Step 1 of');

  // Clicking the hop goes to its step.
  await dnat.locator('.hop-go').click();
  await expect(dnat.locator('.step[aria-current="step"]')).toContainText('PREROUTING');
  await expect(page.locator('.inspector-main h2')).toContainText('netfilter PREROUTING');

  // Every step is one switch away.
  await page.getByRole('button', { name: 'All steps' }).click();
  await expect(stepList(page).locator('.hop')).toHaveCount(0);
  expect(await stepList(page).locator('.step').count()).toBeGreaterThan(count);
});

test('the list is one tab stop: arrows move, Enter picks, → and ← open and close, the step is announced', async ({ page }) => {
  await open(page);
  const list = stepList(page);
  await expect(list.locator('button[tabindex="0"]')).toHaveCount(1);
  await list.locator('button[tabindex="0"]').focus();
  // Tab leaves the list at once: no other row is a tab stop.
  await page.keyboard.press('Tab');
  await expect(list.locator('button:focus')).toHaveCount(0);
  await page.keyboard.press('Shift+Tab');
  await expect(list.locator('button:focus')).toHaveCount(1);

  await page.keyboard.press('Home');
  await expect(hops(page).first().locator('.hop-go')).toBeFocused();
  await page.keyboard.press('End');
  const last = hops(page).last().locator('.hop-go');
  await expect(last).toBeFocused();
  await page.keyboard.press('Enter');
  const total = await page.evaluate(() => document.querySelectorAll('.step-list [data-step]').length);
  expect(total).toBeGreaterThan(0);
  await expect(live(page)).toHaveText(/^Step (\d+) of \1: /);

  // Down from the first hop, → opens the focused hop, ↓ goes into its steps, ← goes back and closes it.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  const second = hops(page).nth(1);
  await expect(second.locator('.hop-go')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(second.locator('.hop-toggle')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(second.locator('.step button').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(second.locator('.step[aria-current="step"]')).toHaveCount(1);
  const n = await second.locator('.step[aria-current="step"] .step-n').textContent();
  await expect(live(page)).toHaveText(new RegExp(`^Step ${n} of \\d+: `));
  await page.keyboard.press('ArrowLeft');
  await expect(second.locator('.hop-go')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(second.locator('.hop-toggle')).toHaveAttribute('aria-expanded', 'false');
  // Closed, the hop itself marks the current step.
  await expect(second).toHaveAttribute('aria-current', 'step');
  await expect(list.locator('button[tabindex="0"]')).toHaveCount(1);

  // Space picks too, and does not start playing; ← and → in the list do not step the walk.
  await page.keyboard.press('Home');
  await page.keyboard.press('Space');
  await expect(live(page)).toHaveText(/^Step 1 of \d+: /);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(live(page)).toHaveText(/^Step 1 of \d+: /);
});

test('following the packet scrolls the list, never the page', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  await showStepList(page);
  await page.getByRole('button', { name: 'All steps' }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let i = 0; i < 12; i++) await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(stepList(page).locator('.step[aria-current="step"] .step-n')).toHaveText('13');
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

for (const lang of ['en', 'zh-CN'] as const) {
  for (const size of sizes) {
    test(`screenshot of the step list, ${lang}, ${size.name}`, async ({ page }) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      await open(page, lang === 'en' ? '' : '?lang=zh-CN');
      await showStepList(page);
      const list = page.getByRole('list', { name: lang === 'en' ? 'Steps' : '步骤' });
      await expect(list.locator(':scope > li.hop').first()).toBeVisible();
      for (let i = 0; i < 6; i++) await page.getByRole('button', { name: lang === 'en' ? 'Step forward' : '下一步' }).click();
      await expect(live(page)).toContainText(lang === 'en' ? 'Step 7 of' : '第 7 步');
      await page.screenshot({ path: `${shots}/steps-${lang}-${size.name}.png` });
      await page.locator('.inspector-steps').screenshot({ path: `${shots}/steps-${lang}-${size.name}-list.png` });
    });
  }
}
