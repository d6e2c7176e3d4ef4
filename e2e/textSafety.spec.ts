// The learner's text is never lost silently: two tabs editing it are told and the learner chooses;
// storage that refuses the text is said out loud, with the text to download; an edit typed just
// before a reload is there after it.

import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { open, shots } from './helpers';

const words = {
  en: { theirs: 'Another tab saved a different version', failed: 'is not saved in this browser', editor: 'Manifests' },
  'zh-CN': { theirs: '另一个标签页保存了这段文本的不同版本', failed: '没有保存在此浏览器中', editor: '清单' },
} as const;
type Lang = keyof typeof words;

const editor = (page: Page, lang: Lang = 'en') => page.getByRole('textbox', { name: words[lang].editor });

const theirsNote = (page: Page, lang: Lang = 'en') => page.getByRole('alert').filter({ hasText: words[lang].theirs });
const failedNote = (page: Page, lang: Lang = 'en') => page.getByRole('alert').filter({ hasText: words[lang].failed });

/** Types at the top of the editor (CodeMirror, once it has taken over; on a phone, in its tab). */
async function typeAtTop(page: Page, text: string, lang: Lang = 'en') {
  const tab = page.getByRole('tab', { name: words[lang].editor });
  if (await tab.isVisible()) await tab.click();
  await editor(page, lang).click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type(text);
}

/**
 * Two tabs of one browser on the default scenario, each with its own edit. The browser's clock
 * stands still (it is one for all its tabs), so no pause in typing comes: the second tab's edit is
 * still waiting when the first tab, hidden, writes its own (however slow the machine). The second
 * is told. Returns [told, other].
 */
async function clash(first: Page, second: Page, lang: Lang = 'en'): Promise<[Page, Page]> {
  await open(first, `?lang=${lang}`);
  await second.goto(`./?lang=${lang}`);
  await expect(second.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);
  // Both editors ready before the edits.
  for (const page of [first, second]) await typeAtTop(page, '', lang);
  await second.clock.install();
  await second.clock.pauseAt(Date.now() + 1000);
  await typeAtTop(second, '# second tab\n', lang);
  await first.bringToFront();
  await typeAtTop(first, '# first tab\n', lang);
  await first.evaluate("dispatchEvent(new Event('pagehide'))");
  await expect(theirsNote(second, lang)).toBeVisible();
  await second.clock.resume();
  await expect(theirsNote(first, lang)).toHaveCount(0);
  await second.bringToFront();
  return [second, first];
}

test.describe('two tabs editing one text', () => {
  test('a tab with no edit of its own follows the other silently', async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await open(a);
    await b.goto('./');
    await expect(b.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);
    await typeAtTop(a, '# typed in a\n');
    await expect(editor(b)).toContainText('# typed in a');
    await expect(theirsNote(b)).toHaveCount(0);
  });

  test('keep this tab’s: it is stored, the other tab follows, and a reload shows it', async ({ context }) => {
    const [told, other] = await clash(await context.newPage(), await context.newPage());
    await theirsNote(told).getByRole('button', { name: 'Keep this tab’s' }).click();
    await expect(theirsNote(told)).toHaveCount(0);
    await expect(editor(other)).toContainText('# second tab');
    await expect(editor(other)).not.toContainText('# first tab');
    for (const page of [told, other]) {
      await page.reload();
      await expect(editor(page)).toContainText('# second tab');
      await expect(editor(page)).not.toContainText('# first tab');
    }
  });

  test('take the other tab’s: it replaces this tab’s edit, and a reload shows it', async ({ context }) => {
    const [told] = await clash(await context.newPage(), await context.newPage());
    await theirsNote(told).getByRole('button', { name: 'Take the other tab’s' }).click();
    await expect(theirsNote(told)).toHaveCount(0);
    await expect(editor(told)).toContainText('# first tab');
    await expect(editor(told)).not.toContainText('# second tab');
    await told.reload();
    await expect(editor(told)).toContainText('# first tab');
    await expect(editor(told)).not.toContainText('# second tab');
  });

  test('keep both: this tab’s stays and is stored, the other tab’s is downloaded', async ({ context }) => {
    const [told] = await clash(await context.newPage(), await context.newPage());
    const [download] = await Promise.all([
      told.waitForEvent('download'),
      theirsNote(told).getByRole('button', { name: 'Keep both (download the other tab’s)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('manifests-other-tab.yaml');
    const theirs = await readFile((await download.path())!, 'utf8');
    expect(theirs).toMatch(/^# first tab\n/);
    expect(theirs).toContain('name: hostnames');
    await expect(theirsNote(told)).toHaveCount(0);
    await told.reload();
    await expect(editor(told)).toContainText('# second tab');
  });
});

// Every write to storage fails, as when it is full (or blocked in private mode).
const fullStorage = `Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };`;

test('storage that refuses the text: a warning, and the text to download', async ({ page }) => {
  await page.addInitScript(fullStorage);
  await open(page);
  // The scenario as shipped can be fetched again: no warning until the learner's own edit.
  await expect(failedNote(page)).toHaveCount(0);
  await typeAtTop(page, '# only in this tab\n');
  await expect(failedNote(page)).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    failedNote(page).getByRole('button', { name: 'Download the text (.yaml)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('manifests.yaml');
  const text = await readFile((await download.path())!, 'utf8');
  expect(text).toMatch(/^# only in this tab\n/);
  expect(text).toContain('name: hostnames');
});

test('an edit typed just before a reload is there after it', async ({ page }) => {
  await open(page);
  await typeAtTop(page, '# typed just now\n');
  await page.reload();
  await expect(editor(page)).toContainText('# typed just now');
});

test('the notes on a laptop and a phone, in English and Chinese: inside the screen, clear of the header', async ({ browser }) => {
  for (const lang of ['en', 'zh-CN'] as const) {
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const context = await browser.newContext({ viewport, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
      const [told] = await clash(await context.newPage(), await context.newPage(), lang);
      await told.bringToFront();
      await told.screenshot({ path: `${shots}/text-theirs-${lang}-${viewport.width}.png` });
      await inScreen(told, theirsNote(told, lang), viewport.width, viewport.height);
      const page = await context.newPage();
      await page.addInitScript(fullStorage);
      await open(page, `?lang=${lang}`);
      await typeAtTop(page, '# only in this tab\n', lang);
      await expect(failedNote(page, lang)).toBeVisible();
      await page.screenshot({ path: `${shots}/text-failed-${lang}-${viewport.width}.png` });
      await inScreen(page, failedNote(page, lang), viewport.width, viewport.height);
      await context.close();
    }
  }
});

async function inScreen(page: Page, note: ReturnType<Page['getByRole']>, width: number, height: number) {
  const header = (await page.locator('.app-header').boundingBox())!;
  const box = (await note.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(header.y + header.height);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
  expect(box.y + box.height).toBeLessThanOrEqual(height);
}
