/// <reference lib="dom" />
// A large cluster: the text derives in a worker while the editor stays responsive.

import { expect, test } from '@playwright/test';
import { manyServices } from '../bench/generate';
import { editor, open, replaceText, shots, showAllSteps } from './helpers';

test('300 Services derive in the worker, with a "deriving…" indicator, and the walk follows', async ({ page }) => {
  await open(page);
  // 600 pods: more than the From list builds before the learner reaches for it.
  const big = manyServices(300, 2, 6);
  await replaceText(page, big);
  await expect(page.getByRole('status').filter({ hasText: 'deriving…' })).toBeVisible();
  await expect(page.locator('[data-service="default/app-0"]')).toHaveCount(1, { timeout: 30_000 });
  // A large cluster is drawn in part; the drawing says what it leaves out.
  await expect(page.locator('.more-objects').first()).toContainText(/more Services/);
  await expect(page.getByRole('status').filter({ hasText: 'deriving…' })).toHaveCount(0);
  await expect(page.locator('.step')).not.toHaveCount(0);

  // Typing into the large text: each key lands in the editor at once; the model follows when typing pauses.
  await editor(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('# still typing');
  await expect(editor(page)).toContainText('# still typing');
  await expect(page.getByRole('status').filter({ hasText: 'deriving…' })).toHaveCount(0, { timeout: 30_000 });

  // The DNAT rule is found in a listing of thousands of lines, which renders only the lines in view.
  await showAllSteps(page);
  await page.locator('.step').filter({ hasText: 'PREROUTING' }).first().getByRole('button').click();
  const listing = page.locator('.listing').first();
  await expect(listing.locator('li.matched')).toBeInViewport();
  await expect(listing.locator('li.matched')).toContainText('DNAT');
  expect(await listing.locator('li').count()).toBeLessThan(200);
  await page.screenshot({ path: `${shots}/large.png` });

  // Another source: walked in the worker too, and the walk follows.
  await page.getByRole('combobox', { name: 'From' }).selectOption('node:node-4');
  await expect(page.locator('.step').first()).toContainText('node-4');
  await expect(page.getByRole('status').filter({ hasText: 'deriving…' })).toHaveCount(0);

  // Any pod can still be the source: the list fills when the learner reaches for it.
  const from = page.getByRole('combobox', { name: 'From' });
  await from.focus();
  const last = from.locator('option[value^="pod:default/app-299-"]').first();
  await from.selectOption((await last.getAttribute('value'))!);
  await expect(page.locator('.step').first()).toContainText('app-299');
  await expect(page.getByRole('status').filter({ hasText: 'deriving…' })).toHaveCount(0);
});

test('a text over 200 KB is shown without syntax colours, and says so; back under it, the colours return', async ({ page }) => {
  await open(page);
  const coloured = () => editor(page).locator('.cm-line span[class]').count();
  await expect.poll(coloured).toBeGreaterThan(0);
  const big = manyServices(1000, 5, 50);
  expect(big.length).toBeGreaterThan(200_000);
  await replaceText(page, big);
  const note = page.getByRole('status').filter({ hasText: 'Syntax colours are off while the text is over 200 KB' });
  await expect(note).toBeVisible({ timeout: 30_000 });
  await expect.poll(coloured).toBe(0);
  // Typing stays in the text the learner sees: the last key is there at once.
  await page.keyboard.press('Control+End');
  await page.keyboard.type('# still typing');
  await expect(editor(page)).toContainText('# still typing');

  await replaceText(page, manyServices(3, 2, 2));
  await expect(note).toHaveCount(0);
  await expect.poll(coloured).toBeGreaterThan(0);
});
