/// <reference lib="dom" />
// The state in the address bar as a learner meets it: an edited text at a step reopens the same
// in a browser with nothing stored; links made by earlier versions still open at their step; a
// hostile link says what is wrong and leaves the learner's own text as it was; names from a link
// are text, never markup; without a link, the learner's own text comes back.

import { deflateRawSync, constants } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { manyServices } from '../bench/generate';
import { v1Links } from './fixtures/links';
import { scenarioText } from './fixtures/scenario';
import { decodeShare, encodeShare } from '../src/share/codec';
import { editor, inspector, open, replaceText, shots, stepList } from './helpers';

const stepCount = (page: Page) => page.locator('.step-count');
const alert = (page: Page) => page.getByRole('alert').filter({ hasText: 'Your own manifests were not touched.' });

/** The state the address bar holds now (once the app has written it). */
async function linkInAddress(page: Page) {
  const hash = new URL(page.url()).hash.slice(1);
  const decoded = await decodeShare(hash);
  return decoded.ok ? decoded.state : null;
}

async function stepTo(page: Page, step: number) {
  const forward = page.getByRole('button', { name: 'Step forward' });
  for (let i = 1; i < step; i++) {
    await forward.click();
    await expect(stepCount(page)).toHaveText(new RegExp(`^Step ${i + 1} of \\d+$`));
  }
}

/** A page where the learner wrote their own manifests (stored by the app, as any visit does). */
const mine = `# my own cluster, written by me\n${scenarioText('hostnames').replace('replicas: 3', 'replicas: 2')}`;
async function withMyText(page: Page) {
  await open(page);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('');
  await replaceText(page, mine);
  await expect(page.locator('[data-pod^="default/hostnames-"]')).toHaveCount(2);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('packetwalk:mine'))).toBe(mine);
}

test('an edited text at a step opens the same in a new browser with nothing stored', async ({ page, browser }) => {
  await open(page);
  await editor(page).click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('# for the study group\n');
  await stepTo(page, 6);
  await expect.poll(async () => (await linkInAddress(page))?.step).toBe(6);
  expect((await linkInAddress(page))?.text).toMatch(/^# for the study group\n# hostnames:/);
  expect(new URL(page.url()).search).toBe('');
  const counter = await stepCount(page).innerText();
  const explain = (await inspector(page).locator('.explain').textContent())!;

  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(stepCount(other)).toHaveText(counter);
  await expect(editor(other)).toContainText('# for the study group');
  await expect(inspector(other).locator('.explain')).toHaveText(explain);
  // Opening a link stores nothing of it.
  expect(
    await other.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('packetwalk:') && k !== 'packetwalk:locale')),
  ).toEqual([]);
  await other.screenshot({ path: `${shots}/link-opened.png` });

  // The end of the walk, its outcome, pasted into the same tab.
  await stepList(page).locator('button[data-step]').last().click();
  const outcome = (await inspector(page).locator('.outcome').textContent())!;
  const last = await stepCount(page).innerText();
  await expect.poll(async () => `Step ${(await linkInAddress(page))?.step} of`).toBe(last.replace(/ \d+$/, ''));
  await other.goto(page.url());
  await expect(stepCount(other)).toHaveText(last);
  await expect(inspector(other).locator('.outcome')).toHaveText(outcome);
  await context.close();
});

for (const fixture of v1Links) {
  test(`a link made earlier still opens at its step: ${fixture.name}`, async ({ page }) => {
    await page.goto(`./#${fixture.link}`);
    await expect(stepCount(page)).toHaveText(new RegExp(`^Step ${fixture.state.step ?? 1} of \\d+$`));
    await expect(editor(page)).toContainText(fixture.state.text.split('\n')[0]!);
    await expect(page.getByRole('status').filter({ hasText: 'You opened a shared link.' })).toBeVisible();
    if (fixture.state.compare) await expect(page.getByRole('region', { name: /Compare/ })).toContainText(fixture.state.compare);
    if (fixture.state.whatIf?.proxyMode === 'ipvs') await expect(page.getByRole('radio', { name: 'IPVS' })).toBeChecked();
  });
}

test('a link with a large text opens at its step once the worker has derived it', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const text = manyServices(90, 2, 4);
  await page.goto(`./#${await encodeShare({ v: 1, text, step: 4, whatIf: { proxyMode: 'ipvs' } })}`);
  await expect(stepCount(page)).toHaveText(/^Step 4 of \d+$/, { timeout: 30_000 });
  await expect(page.getByRole('radio', { name: 'IPVS' })).toBeChecked();
  expect(workers).toHaveLength(1);
});

/** 1 GB of zeros as self-contained 1 MB blocks repeated: a few hundred kB of link. */
function bomb(): string {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_FULL_FLUSH });
  return `v1.${Buffer.concat([...Array<Buffer>(300).fill(block), deflateRawSync(Buffer.alloc(0))]).toString('base64url')}`;
}

async function fiveMegabytesOfYaml(): Promise<string> {
  let text = '';
  for (let i = 0; text.length < 5e6; i++) text += `---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-${i}\n`;
  return encodeShare({ v: 1, text });
}

const hostile: [string, () => Promise<string> | string, RegExp][] = [
  ['cut short', () => v1Links[0]!.link.slice(0, 200), /cut short or changed/],
  ['an unknown version', () => `v9.${v1Links[0]!.link.slice(3)}`, /newer version of PacketWalk/],
  ['a decompression bomb', bomb, /more than PacketWalk can open/],
  ['5 MB of YAML', fiveMegabytesOfYaml, /more than PacketWalk can open/],
  [
    'JSON that is not a state',
    () => `v1.${deflateRawSync(Buffer.from('{"v":1,"text":"x","run":"alert(1)"}')).toString('base64url')}`,
    /does not describe manifests/,
  ],
];

test('a hostile link says what is wrong, and the learner’s own text is still there', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
  await withMyText(page);
  for (const [name, make, message] of hostile) {
    await test.step(name, async () => {
      await page.goto('about:blank');
      await page.goto(`./#${await make()}`);
      await expect(alert(page)).toContainText(message);
      await expect(editor(page)).toContainText('# my own cluster, written by me');
      await expect(page.locator('[data-pod^="default/hostnames-"]')).toHaveCount(2);
      expect(await page.evaluate(() => [localStorage.getItem('packetwalk:text'), localStorage.getItem('packetwalk:mine')])).toEqual([
        mine,
        mine,
      ]);
      if (name === 'an unknown version') await page.screenshot({ path: `${shots}/link-alert.png` });
    });
  }
  // Dismissed, it is gone; the address then holds the learner's own state again.
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect.poll(async () => (await linkInAddress(page))?.text).toBe(mine);
  expect(dialogs).toEqual([]);
});

test('a bad link pasted into the open tab keeps what is shown', async ({ page }) => {
  await withMyText(page);
  await stepTo(page, 3);
  await page.evaluate(() => (location.hash = '#v1.not-really-a-link'));
  await expect(alert(page)).toContainText(/cut short or changed/);
  await expect(stepCount(page)).toHaveText(/^Step 3 of \d+$/);
  await expect(editor(page)).toContainText('# my own cluster, written by me');
});

test('names and addresses from a link are shown as text, never run', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
  const payload = '<img src=x onerror=alert(1)>';
  const text = `${scenarioText('hostnames')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: "${payload}"\n  annotations:\n    note: "${payload}"\nspec:\n  selector:\n    app: hostnames\n  ports:\n  - port: 80\n`;
  const link = await encodeShare({
    v: 1,
    text,
    packet: { from: `pod/default/${payload.replace(/ /g, '')}`, to: 'http://a.test/"><svg/onload=alert(2)>' },
  });
  await page.goto(`./#${link}`);
  await expect(page.locator('.diag').filter({ hasText: payload }).first()).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'To' })).toHaveValue('http://a.test/"><svg/onload=alert(2)>');
  await expect(page.locator('img[src="x"], svg[onload]')).toHaveCount(0);
  await page.screenshot({ path: `${shots}/link-as-text.png` });
  expect(dialogs).toEqual([]);
});

test('without a link the learner’s own text comes back; from a shared text, one click leads back to it', async ({ page }) => {
  await withMyText(page);
  await page.goto(`./#${v1Links[2]!.link}`);
  await expect(editor(page)).toContainText('# my-nginx on a NodePort');
  await page.goto('about:blank');
  await page.goto('./');
  await expect(editor(page)).toContainText('# my own cluster, written by me');
  await expect(page.getByRole('status').filter({ hasText: 'You opened a shared link.' })).toHaveCount(0);

  // A shared text that names no scenario is neither mine nor the gallery's: the picker says so.
  await page.goto(`./#${v1Links[1]!.link}`);
  const picker = page.getByRole('combobox', { name: 'Scenario' });
  await expect(picker.locator('option:checked')).toHaveText('Manifests from the link');
  await page.goto(`./#${v1Links[0]!.link}`);
  await expect(picker.locator('option:checked')).toHaveText('ClusterIP: the hostnames Service');
  const note = page.getByRole('status').filter({ hasText: 'You opened a shared link.' });
  await expect(note).toBeVisible();
  await note.getByRole('button', { name: 'Back to my manifests' }).click();
  await expect(editor(page)).toContainText('# my own cluster, written by me');
  await expect(note).toHaveCount(0);
  await expect.poll(async () => (await linkInAddress(page))?.text).toBe(mine);
});

test('a reload keeps the learner’s own text at its step, and keeps typing done just before it', async ({ page }) => {
  await withMyText(page);
  await stepTo(page, 4);
  await expect.poll(async () => (await linkInAddress(page))?.step).toBe(4);
  await page.reload();
  await expect(stepCount(page)).toHaveText(/^Step 4 of \d+$/);
  await expect(editor(page)).toContainText('# my own cluster, written by me');
  await expect(page.getByRole('status').filter({ hasText: 'You opened a shared link.' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('');

  // Typed and reloaded at once, before the address caught up: the stored text is the newer one.
  await editor(page).click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('# typed just now\n');
  await page.reload();
  await expect(editor(page)).toContainText('# typed just now');
  await expect(page.getByRole('status').filter({ hasText: 'You opened a shared link.' })).toHaveCount(0);
});

test('the notes about a link on a phone and in Chinese: clear of the header, nothing cut off', async ({ page }) => {
  // Links of texts other than the default scenario the bad link leaves open (a link of the very text
  // in the editor is the learner's own), a different one each time (this tab wrote the last).
  for (const [lang, size, link] of [
    ['zh-CN', { width: 390, height: 844 }, v1Links[2]!.link],
    ['en', { width: 390, height: 844 }, v1Links[1]!.link],
    ['zh-CN', { width: 1440, height: 900 }, v1Links[3]!.link],
  ] as const) {
    await page.setViewportSize(size);
    await page.goto('about:blank');
    await page.goto(`./?lang=${lang}#v2.abc`);
    const problem = page.getByRole('alert').filter({ hasText: lang === 'en' ? 'newer version' : '更新版本' });
    await expect(problem).toBeVisible();
    await page.screenshot({ path: `${shots}/link-alert-${lang}-${size.width}.png` });
    await page.goto('about:blank');
    await page.goto(`./?lang=${lang}#${link}`);
    const note = page.getByRole('status').filter({ hasText: lang === 'en' ? 'You opened a shared link.' : '你打开的是一个分享链接。' });
    await expect(note).toBeVisible();
    await page.screenshot({ path: `${shots}/link-note-${lang}-${size.width}.png` });
    // Clear of the header (its picker and language switch stay usable), inside the screen.
    const header = (await page.locator('.app-header').boundingBox())!;
    const box = (await note.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(header.y + header.height);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(size.width);
    expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
  }
});
