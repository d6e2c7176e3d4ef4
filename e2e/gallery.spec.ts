/// <reference lib="dom" />
// The gallery: a scenario replaces the editor's text; the learner's own text is never lost.

import { expect, test } from '@playwright/test';
import { editor, open, replaceText, shots } from './helpers';

const mine = `apiVersion: v1
kind: Pod
metadata:
  name: my-own-pod
spec:
  containers:
  - name: web
    image: nginx
`;

test('a scenario replaces the text; "Back to my manifests" brings the learner’s own back, across a reload', async ({ page }) => {
  await open(page);
  const picker = page.getByRole('combobox', { name: 'Scenario' });
  await expect(picker).toHaveValue('hostnames');
  await expect(picker.locator('option')).toContainText(['NodePort: my-nginx from the LAN']);

  // Write manifests of one's own: the picker now says so.
  await picker.selectOption('');
  await expect(editor(page)).not.toContainText('hostnames');
  await replaceText(page, mine);
  await expect(page.locator('[data-pod="default/my-own-pod"]')).toHaveCount(1);

  await picker.selectOption('nodeport');
  await expect(editor(page)).toContainText('my-nginx');
  await expect(page.locator('[data-pod^="default/my-nginx-"]')).toHaveCount(2);
  await page.screenshot({ path: `${shots}/gallery.png` });

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('nodeport');
  await page.getByRole('button', { name: 'Back to my manifests' }).click();
  await expect(editor(page)).toContainText('my-own-pod');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('');
});

test("the learner's edit of a scenario is kept with it, and can be undone", async ({ page }) => {
  await open(page);
  await editor(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# tried something\n');
  const picker = page.getByRole('combobox', { name: 'Scenario' });
  await expect(picker.locator('option:checked')).toHaveText(/\(edited\)/);
  await picker.selectOption('dns-ndots');
  await expect(editor(page)).toContainText('ndots');
  await picker.selectOption('hostnames');
  await expect(editor(page)).toContainText('# tried something');
  await page.getByRole('button', { name: 'Undo my edits' }).click();
  await expect(editor(page)).not.toContainText('# tried something');
  await expect(picker.locator('option:checked')).not.toHaveText(/\(edited\)/);
});
