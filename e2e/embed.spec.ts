/// <reference lib="dom" />
// The embed player as a blog would use it: a page on ANOTHER origin (a server started here, on
// localhost, while the site is on 127.0.0.1) iframes it at a phone column's and a blog column's
// width, sizes the frame from its messages and drives it; a #v1 link opens the same step and
// "Open in PacketWalk" carries it to the full app; a misspelt scenario, a ?src= that fails or
// returns a web page, and a damaged link each say so in an alert and keep the stored text.

import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { decodeShare, encodeShare } from '../src/share/codec';
import { bareText, shots } from './helpers';

const hostnames = readFileSync('public/scenarios/hostnames.yaml', 'utf8');
/** The same cluster under another name: proof that the player drew the fetched text, not a scenario. */
const webapp = hostnames.replaceAll('hostnames', 'webapp');

let other: Server;
let otherOrigin = '';

test.beforeAll(async () => {
  const parentPage = readFileSync('e2e/fixtures/embed-parent.html', 'utf8');
  const cors = { 'access-control-allow-origin': '*' };
  other = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/embed-parent.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(parentPage);
    else if (path === '/webapp.yaml') res.writeHead(200, { ...cors, 'content-type': 'text/plain; charset=utf-8' }).end(webapp);
    else if (path === '/blob/webapp.yaml')
      res.writeHead(200, { ...cors, 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><p>a repository page</p>');
    else if (path === '/no-cors.yaml') res.writeHead(200, { 'content-type': 'text/plain' }).end(webapp);
    else res.writeHead(404, cors).end('not found');
  });
  await new Promise<void>((resolve) => other.listen(0, 'localhost', resolve));
  otherOrigin = `http://localhost:${(other.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => other.close(() => resolve())));

type Message = { type: string; height?: number; step?: number; of?: number };
const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Message[] }).received);
const lastOf = async (page: Page, type: string) => (await received(page)).filter((m) => m.type === type).at(-1);
const post = (page: Page, message: unknown) =>
  page.evaluate((m) => document.querySelector('iframe')!.contentWindow!.postMessage(m, '*'), message);

/** The step the player's counter shows ("Step 6 of 29"). */
const stepShown = async (frame: FrameLocator | Page) => Number((await frame.locator('.step-count').innerText()).match(/\d+/)?.[0]);

for (const width of [360, 760]) {
  test(`a page on another origin embeds the player ${width} px wide: it fits, hears its steps and drives it`, async ({ page, baseURL }) => {
    const player = `${baseURL}embed.html?scenario=hostnames`;
    await page.goto(`${otherOrigin}/embed-parent.html?width=${width}&player=${encodeURIComponent(player)}`);
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);

    // It says where it is, and the page sizes the frame to it.
    await expect.poll(() => lastOf(page, 'packetwalk:step')).toMatchObject({ step: 1 });
    const of = (await lastOf(page, 'packetwalk:step'))!.of!;
    await expect(frame.locator('.step-count')).toHaveText(new RegExp(`Step 1 of ${of}$`));
    await expect
      .poll(async () => {
        const resize = await lastOf(page, 'packetwalk:resize');
        const box = await page.locator('iframe').boundingBox();
        return !!resize && Math.abs(box!.height - resize.height!) < 1;
      })
      .toBe(true);

    // No scrollbar inside the frame, either way.
    const inside = page.frames().find((f) => f !== page.mainFrame())!;
    const scrolls = () =>
      inside.evaluate(() => {
        const d = document.documentElement;
        return { sideways: d.scrollWidth > d.clientWidth, down: d.scrollHeight > d.clientHeight };
      });
    await expect.poll(scrolls).toEqual({ sideways: false, down: false });
    // Nothing covers the controls: a click on them lands on them.
    for (const name of ['Play', 'Step forward']) {
      await expect(frame.getByRole('button', { name })).toBeInViewport();
      await frame.getByRole('button', { name }).click({ trial: true, timeout: 2000 });
    }
    await page.screenshot({ path: `${shots}/embed-parent-${width}.png`, fullPage: true });

    // The page seeks; the player moves and says so.
    await post(page, { type: 'packetwalk:seek', step: 5 });
    await expect(frame.locator('.step-count')).toHaveText(`Step 5 of ${of}`);
    await expect.poll(() => lastOf(page, 'packetwalk:step')).toEqual({ type: 'packetwalk:step', step: 5, of });
    await expect.poll(scrolls).toEqual({ sideways: false, down: false });

    // Anything else is ignored: the next step it reports is the next well-formed seek's.
    for (const bad of [
      { type: 'packetwalk:seek', step: '9' },
      { type: 'packetwalk:seek', step: 2.5 },
      'packetwalk:seek',
      { type: 'seek', step: 9 },
    ])
      await post(page, bad);
    await post(page, { type: 'packetwalk:seek', step: 3 });
    await expect(frame.locator('.step-count')).toHaveText(`Step 3 of ${of}`);
    const steps = (await received(page)).filter((m) => m.type === 'packetwalk:step').map((m) => m.step);
    expect(steps.slice(steps.lastIndexOf(5))).toEqual([5, 3]);

    // Play and pause.
    await post(page, { type: 'packetwalk:play' });
    await expect(frame.getByRole('button', { name: 'Pause' })).toBeVisible();
    await post(page, { type: 'packetwalk:pause' });
    await expect(frame.getByRole('button', { name: 'Play' })).toBeVisible();
  });
}

test('a #v1 link opens the same text at the same step, and "Open in PacketWalk" carries it to the full app', async ({ page }) => {
  const text = `${hostnames}\n# shared from a blog post\n`;
  const fragment = await encodeShare({ v: 1, text, step: 7 });
  await page.goto(`./embed.html?editor=1#${fragment}`);
  await expect(page.locator('.step-count')).toHaveText(/^Step 7 of \d+$/);
  await page.getByRole('tab', { name: 'Manifests' }).click();
  await expect(page.getByRole('group', { name: 'The manifests (read-only)' })).toContainText('# shared from a blog post');

  const open = page.getByRole('link', { name: 'Open in PacketWalk' });
  await expect(open).toHaveAttribute('target', '_blank');
  await expect(open).toHaveAttribute('rel', /noopener/);
  await expect(open).toHaveAttribute('href', /\/packetwalk\/index\.html\?lang=en#v1\./);
  const href = new URL((await open.getAttribute('href'))!);
  const linked = await decodeShare(href.hash.slice(1));
  expect(linked.ok && linked.state).toMatchObject({ v: 1, text, step: 7 });

  // The query's step wins over the link's.
  await page.goto(`./embed.html?step=4#${fragment}`);
  await expect(page.locator('.step-count')).toHaveText(/^Step 4 of \d+$/);
});

test('a manifest from ?src= on another site is drawn; a web page, a 404 or a site without CORS is an alert', async ({ page }) => {
  await page.goto(`./embed.html?src=${encodeURIComponent(`${otherOrigin}/webapp.yaml`)}`);
  await expect(page.locator('[data-pod^="default/webapp-"]')).toHaveCount(3);
  await expect(page.getByRole('alert')).toHaveCount(0);

  const cases = [
    ['/blob/webapp.yaml', 'is a web page, not a manifest'],
    ['/gone.yaml', 'the server answered 404'],
    ['/no-cors.yaml', 'does not let other sites read the file (CORS)'],
  ];
  for (const [path, says] of cases) {
    await page.goto(`./embed.html?src=${encodeURIComponent(otherOrigin + path)}`);
    await expect(page.getByRole('alert')).toContainText(says);
    await expect(page.getByRole('alert')).toContainText(otherOrigin + path);
    await expect(page.locator('[data-pod]')).toHaveCount(0);
  }
});

test('a misspelt ?scenario= names itself, as text, with the scenarios there are', async ({ page }) => {
  await page.goto('./embed.html?scenario=hostname');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('There is no scenario called “hostname”.');
  await expect(alert).toContainText('hostnames, nodeport');

  const hostile = '<img src=x onerror="window.ran=1">';
  await page.goto(`./embed.html?lang=zh-CN&scenario=${encodeURIComponent(hostile)}`);
  await expect(page.getByRole('alert')).toContainText(`没有名为“${hostile}”的场景。`);
  await expect(page.locator('.embed-alert img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { ran?: number }).ran)).toBeUndefined();
});

test('a damaged link is an alert, and the text stored by the full app on this site is untouched', async ({ page }) => {
  await page.goto('./embed.html');
  await page.evaluate(() => localStorage.setItem('packetwalk:text', 'my own manifests'));
  const fragment = await encodeShare({ v: 1, text: hostnames });
  for (const [link, says] of [
    [fragment.slice(0, -12), 'cut short or changed'],
    [`v2.${fragment.slice(3)}`, 'newer version of PacketWalk'],
  ]) {
    await page.goto(`./embed.html#${link}`);
    await expect(page.getByRole('alert')).toContainText(says);
  }
  // A good link opens, and stores nothing either.
  await page.goto(`./embed.html#${fragment}`);
  await expect(page.locator('[data-pod^="default/hostnames-"]')).toHaveCount(3);
  expect(await page.evaluate(() => localStorage.getItem('packetwalk:text'))).toBe('my own manifests');
});

test('controls=min keeps Play and the steps, without the scrubber, the speed or the layers', async ({ page }) => {
  await page.goto('./embed.html?controls=min');
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
  await expect(page.getByRole('slider')).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Speed' })).toBeHidden();
  await expect(page.getByRole('group', { name: 'Layers' })).toBeHidden();
  await expect(page.getByRole('tab', { name: 'Manifests' })).toHaveCount(0);
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('autoplay does not start under reduced motion', async ({ page }) => {
    await page.goto('./embed.html?autoplay=1');
    await expect(page.locator('.step-count')).toHaveText(/^Step 1 of/);
    await page.waitForTimeout(500);
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  });
});

test('autoplay plays from the step asked for', async ({ page }) => {
  await page.goto('./embed.html?autoplay=1&step=3');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => stepShown(page)).toBeGreaterThan(3);
});

test('every tab and the alert: all text from the catalogue, no serious accessibility violation', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  const serious = async () =>
    (await new AxeBuilder({ page }).options({ rules: { 'target-size': { enabled: true } } }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  // Step 1: a hop without the picture's chain ladder, whose rule tooltips are data the check would count.
  await page.goto('./embed.html?lang=qps&editor=1');
  await expect.poll(() => stepShown(page)).toBe(1);
  for (let tab = 0; tab < 4; tab++) {
    await page.getByRole('tab').nth(tab).click();
    expect(await bareText(page)).toEqual([]);
    expect(await serious()).toEqual([]);
  }
  await page.goto('./embed.html?lang=qps&scenario=nowhere');
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await bareText(page)).toEqual([]);
  expect(await serious()).toEqual([]);
  await page.goto('./embed.html?scenario=nowhere&theme=dark');
  await expect(page.getByRole('alert')).toBeVisible();
  await page.screenshot({ path: `${shots}/embed-alert-dark.png` });
});

// The player as readers see it, in three frame sizes and both languages.
for (const [w, h] of [
  [360, 640],
  [760, 600],
  [1200, 700],
]) {
  for (const lang of ['en', 'zh-CN']) {
    test(`screenshot ${w}×${h} ${lang}`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`./embed.html?scenario=hostnames&lang=${lang}&editor=1&step=6`);
      await expect.poll(() => stepShown(page)).toBe(6);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
      await page.screenshot({ path: `${shots}/embed-${w}x${h}-${lang}.png` });
    });
  }
}
