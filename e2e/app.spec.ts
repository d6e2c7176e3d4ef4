/// <reference lib="dom" />
// What a learner does on the first visit: see the cluster, follow the packet, switch
// language, break the YAML, reload. Screenshots land in e2e/screenshots/.

import { expect, test } from '@playwright/test';

import { bareText, editor, inspector, open, playToEnd, replaceText, shots } from './helpers';

test('opens on the hostnames scenario with three hostnames pods and their Service', async ({ page }) => {
  await open(page);
  await expect(editor(page)).toContainText('kind: Deployment');
  await expect(page.locator('[data-service="default/hostnames"]')).toBeVisible();
  await expect(page.locator('[data-node]')).toHaveCount(3);
  await page.screenshot({ path: `${shots}/open.png` });
});

test('plays the packet to delivery', async ({ page }) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(inspector(page).getByRole('status')).toContainText(/Delivered to default\/hostnames-/, { timeout: 45_000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.screenshot({ path: `${shots}/delivered.png` });
});

test('steps forward and back, showing the hop and the rule that matched', async ({ page }) => {
  await open(page);
  const current = page.locator('.step[aria-current="step"] .step-n');
  await expect(current).toHaveText('1');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(current).toHaveText('2');
  // The keyboard works too, when the editor is not focused.
  await page.locator('body').press('ArrowRight');
  await expect(current).toHaveText('3');
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(current).toHaveText('2');

  // Walk on to the hop where kube-proxy's DNAT rule acts: it is highlighted in the node's listing.
  for (let i = 0; i < 40 && (await inspector(page).locator('.listing li.matched').count()) === 0; i++) {
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0);
  }
  const matched = inspector(page).locator('.listing li.matched');
  await expect(matched).toContainText('-A KUBE-');
  await expect(matched).toBeInViewport();
  await expect(inspector(page).locator('tr.changed').first()).toBeVisible();
  await page.screenshot({ path: `${shots}/rule.png` });
});

test('switches to Simplified Chinese', async ({ page }) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('button', { name: '播放' })).toBeVisible();
  await expect(page.getByRole('button', { name: '下一步' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '清单' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.screenshot({ path: `${shots}/zh-CN.png` });
});

test('a broken line gets a diagnostic with its line while the topology keeps the last good model', async ({ page }) => {
  await open(page);
  const box = editor(page);
  await box.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.insertText('kind: Service: oops\n');
  const problem = page.locator('.diag-error').first();
  await expect(problem).toContainText(/manifests\.yaml:1:\d+/);
  await expect(page.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);
  await expect(page.getByRole('status').filter({ hasText: 'last model' })).toBeVisible();
  await expect(page.locator('.cm-lintRange-error').first()).toBeVisible();
  await page.screenshot({ path: `${shots}/diagnostic.png` });

  // Clicking the problem puts the cursor on its line.
  await problem.getByRole('button').click();
  await expect(page.locator('.cm-activeLine')).toContainText('kind: Service: oops');
});

test('a reload keeps the text', async ({ page }) => {
  await open(page);
  await editor(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# my note about hostnames\n');
  await page.reload();
  // CodeMirror draws only the lines in view: go to the end, where the note is.
  await editor(page).click();
  await page.keyboard.press('Control+End');
  await expect(editor(page)).toContainText('# my note about hostnames');
});

test('every interface string comes from the catalogue (pseudo-locale)', async ({ page }) => {
  await open(page);
  await page.goto('./?lang=qps');
  await expect(page.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);
  await page.getByRole('button', { name: '⟦Step forward⟧' }).click();
  const bare = await bareText(page);
  expect(bare).toEqual([]);
});

test('Space plays and pauses when the editor is not focused, and not while typing', async ({ page }) => {
  await open(page);
  await page.locator('.topology .viewport').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await editor(page).click();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('with reduced motion, a step forward jumps straight to the next hop', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page);
  await page.getByRole('button', { name: 'Step forward' }).click();
  // No travel: the playhead never enters the playing state.
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.locator('.step[aria-current="step"] .step-n')).toHaveText('2');
});

test('a Service selecting nothing: the walk ends where kube-proxy rejects it', async ({ page }) => {
  await open(page);
  const text = await page.evaluate(() => localStorage.getItem('packetwalk:text') ?? '');
  await replaceText(page, text.replace('    app: hostnames\n  ports', '    app: hostname\n  ports'));
  await expect(page.locator('.diag').first()).toContainText('hostnames');
  await playToEnd(page);
  await expect(inspector(page).getByRole('status')).toContainText('Rejected');
  await page.screenshot({ path: `${shots}/rejected.png` });
});

test('the embed player shows the scenario without the editor', async ({ page }) => {
  await page.goto('./embed.html?scenario=hostnames');
  await expect(page.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);
  await expect(page.getByRole('textbox', { name: 'Manifests' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.locator('.step[aria-current="step"] .step-n')).toHaveText('2');
  await page.screenshot({ path: `${shots}/embed.png` });
});
