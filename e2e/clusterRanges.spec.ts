// A learner pastes their own k3s cluster's dump: its Services stay (no out-of-range errors) and
// the Problems panel says which ranges were read off the dump and how to declare them.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { open, shots } from './helpers';

const k3s = readFileSync(new URL('../src/model/cluster/testdata/k3s-dump.yaml', import.meta.url), 'utf8');

const words = {
  en: { scenario: 'Scenario', editor: 'Manifests', inferred: 'Service range taken to be 10.43.0.0/16' },
  'zh-CN': { scenario: '场景', editor: '清单', inferred: 'Service 网段按已给出的 ClusterIP 取为 10.43.0.0/16' },
} as const;

/** Pastes the dump into the editor (on a phone, its tab first), as the clipboard would. */
async function pasteDump(page: Page, lang: keyof typeof words, phone: boolean) {
  const w = words[lang];
  await open(page, `?lang=${lang}`);
  await page.getByRole('combobox', { name: w.scenario }).selectOption('');
  if (phone) await page.getByRole('tab', { name: w.editor }).tap();
  const editor = page.getByRole('textbox', { name: w.editor });
  await editor.click();
  await page.keyboard.press('Control+A');
  await editor.evaluate((el, data) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', data);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, k3s);
  const problems = page.locator('section.diagnostics');
  await expect(problems).toContainText(w.inferred);
  await expect(problems.locator('.diag-error, .diag-warning')).toHaveCount(0);
  await problems.scrollIntoViewIfNeeded();
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`a k3s dump keeps its Services and says which ranges it read (${lang})`, async ({ page }) => {
    await pasteDump(page, lang, false);
    // The dumped pods are drawn where the dump put them.
    await expect(page.locator('[data-pod="shop/web-7d9f8b6c5-4hq2m"]')).toHaveCount(1);
    await page.screenshot({ path: `${shots}/ranges-k3s-${lang}.png` });
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  for (const lang of ['en', 'zh-CN'] as const) {
    test(`the Problems panel under the editor says the same (${lang})`, async ({ page }) => {
      await pasteDump(page, lang, true);
      await page.screenshot({ path: `${shots}/ranges-k3s-phone-${lang}.png` });
    });
  }
});
