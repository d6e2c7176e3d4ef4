/// <reference lib="dom" />
// A laptop, 1440×900: the picture takes most of the screen, and more still with the editor
// folded away; the editor comes back with its text.

import { expect, test } from '@playwright/test';
import { editor, inspector, open, shots } from './helpers';

test('the picture gets most of the width, and all of it but a strip with the editor hidden', async ({ page }) => {
  await open(page);
  const picture = page.locator('.topology');
  const wide = await picture.boundingBox();
  expect(wide!.width).toBeGreaterThan(1050);
  expect(wide!.height).toBeGreaterThan(480);
  // The inspector stays readable below it: its three parts side by side.
  await expect(inspector(page)).toBeVisible();
  expect((await inspector(page).boundingBox())!.height).toBeGreaterThan(230);

  await page.getByRole('button', { name: 'Hide the editor' }).click();
  await expect(editor(page)).toBeHidden();
  await expect.poll(async () => (await picture.boundingBox())!.width).toBeGreaterThan(1380);
  await page.screenshot({ path: `${shots}/laptop-editor-hidden.png` });

  await page.getByRole('button', { name: 'Show the editor' }).click();
  await expect(editor(page)).toBeVisible();
  await expect(editor(page)).toContainText('kind: Deployment');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
});
