/// <reference lib="dom" />
// The editor (CodeMirror, a third of the app's script) loads after the first step is drawn: the
// picture never waits for it, the manifests show meanwhile as plain text in the editor's place,
// and the editor takes over in the same place, ready for typing.

import { expect, test, type Page } from '@playwright/test';
import { editor } from './helpers';

const editorCode = '**/CodeEditor-*.js';

/** Holds the editor's script back until `release` is called. */
async function holdEditor(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(editorCode, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Where the first character of the editor's first line is drawn. */
function firstCharacter(page: Page, selector: string) {
  return page.locator(selector).evaluate((el) => {
    const text = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode()!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 1);
    const r = range.getBoundingClientRect();
    return { x: Math.round(r.x), y: Math.round(r.y) };
  });
}

test('the first step is drawn before the editor is fetched', async ({ page }) => {
  await page.addInitScript(() => {
    const seen = new MutationObserver(() => {
      if (!document.querySelector('.drawing [aria-current="step"]')) return;
      (window as unknown as { drawnAt: number }).drawnAt = performance.now();
      seen.disconnect();
    });
    seen.observe(document, { childList: true, subtree: true, attributes: true });
  });
  await page.goto('./');
  await expect(editor(page)).toBeVisible();
  const { drawnAt, fetchedAt } = await page.evaluate(() => ({
    drawnAt: (window as unknown as { drawnAt: number }).drawnAt,
    fetchedAt: performance.getEntriesByType('resource').find((e) => /CodeEditor-[\w-]+\.js$/.test(e.name))!.startTime,
  }));
  expect(fetchedAt).toBeGreaterThan(drawnAt);
});

test('until the editor comes the manifests show as plain text in its place, and it takes over there', async ({ page }) => {
  const release = await holdEditor(page);
  await page.goto('./');
  await expect(page.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);
  const plain = page.locator('.plain-text');
  await expect(plain).toContainText('kind: Deployment');
  await expect(editor(page)).toHaveCount(0);
  const before = await firstCharacter(page, '.plain-lines');

  release();
  await expect(editor(page)).toBeVisible();
  await expect(plain).toHaveCount(0);
  await expect(editor(page)).toContainText('kind: Deployment');
  expect(await firstCharacter(page, '.cm-line >> nth=0')).toEqual(before);
});

test('a click on the plain text brings the editor with the focus in it, and typing goes in', async ({ page }) => {
  const release = await holdEditor(page);
  await page.goto('./');
  await expect(page.locator('.plain-text')).toContainText('kind: Deployment');
  await page.locator('.plain-text').click();
  release();
  await expect(editor(page)).toBeFocused();
  await page.keyboard.type('# typed at once\n');
  await expect(editor(page)).toContainText('# typed at once');
});
