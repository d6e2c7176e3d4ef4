/// <reference lib="dom" />
// What every spec does first: a fresh visit (no saved text) on the default scenario.

import { expect, type Locator, type Page } from '@playwright/test';

export const shots = 'e2e/screenshots';

export async function open(page: Page, query = '') {
  await page.goto(`./${query}`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`./${query}`);
  await expect(page.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);
}

export const inspector = (page: Page, name = 'Inspector') => page.getByRole('region', { name });
export const editor = (page: Page) => page.getByRole('textbox', { name: 'Manifests' });
export const stepList = (page: Page) => page.getByRole('list', { name: 'Steps' });

/** The step list opens on the key hops; this shows every step. */
export async function showAllSteps(page: Page) {
  await page.getByRole('button', { name: 'All steps' }).click();
}

/** Runs the walk to its end at top speed and waits for the outcome card. */
export async function playToEnd(page: Page) {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  await stepList(page).locator('button[data-step]').last().click();
  await expect(inspector(page).locator('.outcome')).toBeVisible();
}

/** Replaces the whole editor text with a paste (the editor reads the clipboard event, as from a real paste); `name`: the editor's label in the page's language. */
export async function replaceText(page: Page, text: string, name = 'Manifests') {
  const box = page.getByRole('textbox', { name });
  await box.click();
  await page.keyboard.press('Control+A');
  await box.evaluate((el, data) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', data);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, text);
}

/** The learner's own paste in `lang`: the scenario picker set to none, the text pasted (on a phone, in the editor's tab), each of `messages` once in the Problems list, which is returned. */
export async function pasteForProblems(
  page: Page,
  text: string,
  words: { lang: string; scenario: string; editor: string; messages: readonly string[] },
  phone: boolean,
): Promise<Locator> {
  await open(page, `?lang=${words.lang}`);
  await page.getByRole('combobox', { name: words.scenario }).selectOption('');
  if (phone) await page.getByRole('tab', { name: words.editor }).tap();
  await replaceText(page, text, words.editor);
  const problems = page.locator('section.diagnostics');
  for (const message of words.messages) await expect(problems.locator('li', { hasText: message })).toHaveCount(1);
  return problems;
}

/** Text on the page that did not come from the catalogue: in the pseudo-locale, every interface string is wrapped in ⟦ ⟧. */
export async function bareText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      const el = n.parentElement;
      // Learner data, rules, headers and the language names are not interface text.
      if (!text || !el || el.closest('[data-raw], option, script, style')) continue;
      if (!/[A-Za-z\u4e00-\u9fff]/.test(text)) continue;
      if (!/[⟦⟧]/.test(text)) out.push(text);
    }
    return out;
  });
}

/**
 * Clicks a control drawn in the picture, which the camera may have out of view: focusing it
 * brings it into view (as for a keyboard user), then it is clicked.
 */
export async function clickInPicture(control: Locator) {
  // Focus anew: a control that kept the focus while the camera followed a new walk is not revealed again.
  const reveal = () => control.evaluate((el) => ((el as HTMLElement).blur(), (el as HTMLElement).focus()));
  await reveal();
  // Wait for the camera's glide to end with the control inside the picture: the control must be
  // inside and at the same place on two polls in a row (inside alone can be true mid-glide, and
  // the click then lands where the control was). A glide to a new walk that started after the
  // focus can carry the control out again: then it is focused again, as a keyboard user would.
  let last = '';
  await expect
    .poll(async () => {
      const where = await control.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const v = el.closest('.viewport')!.getBoundingClientRect();
        const inside = r.left >= v.left && r.right <= v.right && r.top >= v.top && r.bottom <= v.bottom;
        return inside ? `${Math.round(r.left)},${Math.round(r.top)}` : 'outside';
      });
      if (where === 'outside' && last === 'outside') await reveal();
      const settled = where !== 'outside' && where === last;
      last = where;
      return settled;
    })
    .toBe(true);
  await control.click();
}
