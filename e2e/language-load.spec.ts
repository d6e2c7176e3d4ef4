/// <reference lib="dom" />
// A page loads only the language it shows: the other catalogue is fetched when the learner picks
// it, and the interface switches once it has arrived — never showing a bare message key — in the
// app as in the embed.

import { expect, test, type Page } from '@playwright/test';

const catalogue = (language: 'en' | 'zh-CN') => new RegExp(`/assets/${language}-[\\w-]+\\.js$`);

/** The catalogue chunks the page has asked for so far. */
function catalogueRequests(page: Page): { en: number; 'zh-CN': number } {
  const asked = { en: 0, 'zh-CN': 0 };
  page.on('request', (r) => {
    if (catalogue('en').test(r.url())) asked.en++;
    if (catalogue('zh-CN').test(r.url())) asked['zh-CN']++;
  });
  return asked;
}

/** Notes any text that looks like a message key (`ui.…`, `explain.…`) the moment it appears. */
const watchForKeys = `new MutationObserver(() => {
  const m = document.body && document.body.innerText.match(/\\b(ui|explain|diag|event|embed)\\.[a-z]+\\.[a-zA-Z.]+/);
  if (m) (window.shownKeys ||= []).push(m[0]);
}).observe(document, { subtree: true, childList: true, characterData: true });`;

test('the app in English loads no Chinese until 中文 is picked, then switches without showing a key', async ({ page }) => {
  const asked = catalogueRequests(page);
  await page.addInitScript({ content: watchForKeys });
  await page.goto('./?lang=en');
  await expect(page.locator('.drawing [aria-current="step"]')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(asked).toEqual({ en: 1, 'zh-CN': 0 });

  // The Chinese catalogue is held back, to see the page stay in English until it arrives.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(catalogue('zh-CN'), async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  release();
  await expect(page.getByRole('button', { name: '播放' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(asked['zh-CN']).toBe(1);
  expect(await page.evaluate('window.shownKeys ?? []')).toEqual([]);
});

test('the embed in Chinese loads no English catalogue and shows its first step in Chinese at once', async ({ page }) => {
  const asked = catalogueRequests(page);
  await page.addInitScript({ content: watchForKeys });
  await page.goto('./embed.html?scenario=hostnames&lang=zh-CN');
  await expect(page.locator('.drawing [aria-current="step"]')).toBeVisible();
  await expect(page.getByRole('button', { name: '播放' })).toBeVisible();
  expect(asked).toEqual({ en: 0, 'zh-CN': 1 });
  expect(await page.evaluate('window.shownKeys ?? []')).toEqual([]);
});

/** The app's part of a catalogue (the text's problems, the dialogs, the CLI's words). */
const appPart = /\/assets\/(en|zh-CN)\.app-[\w-]+\.js$/;

// The player loads only the messages of a drawn walk: every step, tab and tool of walks through
// DNS, MetalLB and ingress-nginx must find theirs there, and the manifests tab brings the rest.
test('the embed loads only the player’s messages, and each step, tab and tool of several walks still finds its words', async ({ page }) => {
  // Every step of three walks, each watched for a bare key; without the animation's many frames to watch.
  test.slow();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const appAsked: string[] = [];
  const opened = new Set<string>();
  page.on('request', (r) => {
    if (appPart.test(r.url())) appAsked.push(r.url());
  });
  await page.addInitScript({ content: watchForKeys });
  for (const scenario of ['dns-ndots', 'metallb-l2', 'ingress-basic']) {
    await page.goto(`./embed.html?scenario=${scenario}&lang=en`);
    await expect(page.locator('.drawing [aria-current="step"]')).toBeVisible();
    const forward = page.getByRole('button', { name: 'Step forward' });
    while (await forward.isEnabled()) await forward.click();
    for (const tab of ['This step', 'Steps', 'Rules']) await page.getByRole('tab', { name: tab, exact: true }).click();
    for (const tool of ['Compare Cluster and Local', 'HTTP request tester']) {
      const open = page.getByRole('button', { name: tool });
      if ((await open.count()) === 0) continue;
      await open.click();
      await expect(page.locator('.float-panel')).toBeVisible();
      opened.add(tool);
    }
    expect(await page.evaluate('window.shownKeys ?? []'), scenario).toEqual([]);
  }
  expect([...opened].sort()).toEqual(['Compare Cluster and Local', 'HTTP request tester']);
  expect(appAsked).toEqual([]);

  await page.goto('./embed.html?scenario=hostnames&lang=en&editor=1');
  await page.getByRole('tab', { name: 'Manifests' }).click();
  await expect(page.locator('.embed-manifests')).toBeVisible();
  expect(appAsked).toHaveLength(1);
});
