/// <reference lib="dom" />
// The picture teaches: the camera keeps the current hop on screen and readable, on a laptop and
// a phone, in both languages; a DNAT hop opens the node's netfilter box on its chain ladder; every
// gallery scenario is photographed mid-walk for a person to look at.

import { expect, test, type Page } from '@playwright/test';
import { open, shots } from './helpers';

const sizes = [
  { name: 'laptop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const langs = ['en', 'zh-CN'] as const;

const stepCount = (page: Page) => page.locator('.step-count');

/** Steps forward once and waits for the packet to arrive and the camera to settle. */
async function stepForward(page: Page, to: number) {
  await page.keyboard.press('ArrowRight');
  await expect(stepCount(page)).toContainText(new RegExp(`\\b${to}\\b`));
  await page.waitForTimeout(700);
}

/** The current hop's element: where it is on screen, and the smallest of its texts in screen pixels. */
async function currentHop(page: Page) {
  return page.evaluate(() => {
    const el = document.querySelector('.topology svg.drawing [aria-current="step"]');
    const viewport = document.querySelector('.topology .viewport')!.getBoundingClientRect();
    if (!el) return null;
    const r = el.getBoundingClientRect();
    const texts = el instanceof SVGTextElement ? [el] : [...el.querySelectorAll('text')];
    const sizes = texts
      .filter((t) => t.getBBox().height > 0)
      .map((t) => parseFloat(getComputedStyle(t).fontSize) * (t.getBoundingClientRect().height / t.getBBox().height));
    // At least half of it in view along each axis (a third of the view, for the LAN that is longer than it).
    const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
    const seen = (a0: number, a1: number, b0: number, b1: number) => overlap(a0, a1, b0, b1) >= Math.min((a1 - a0) / 2, (b1 - b0) / 3);
    return {
      onScreen: seen(r.left, r.right, viewport.left, viewport.right) && seen(r.top, r.bottom, viewport.top, viewport.bottom),
      minText: sizes.length ? Math.min(...sizes) : null,
    };
  });
}

for (const size of sizes) {
  for (const lang of langs) {
    test(`${size.name} ${lang}: the current hop is on screen and its text readable for the first 10 steps`, async ({ page }) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      await open(page, `?lang=${lang}`);
      await page.waitForTimeout(700);
      for (let i = 2; i <= 11; i++) {
        await stepForward(page, i);
        const hop = await currentHop(page);
        expect(hop, `step ${i}: an element marked aria-current="step"`).not.toBeNull();
        expect(hop!.onScreen, `step ${i}: the hop is on screen`).toBe(true);
        if (hop!.minText !== null) expect(hop!.minText, `step ${i}: its text in px`).toBeGreaterThanOrEqual(11);
      }
      await page.screenshot({ path: `${shots}/picture-hostnames-${size.name}-${lang}.png` });
    });
  }
}

test('a DNAT hop opens the netfilter box on its chain ladder: KUBE-SERVICES → KUBE-SVC-… → KUBE-SEP-… → DNAT', async ({ page }) => {
  await open(page);
  const ladder = page.locator('.topology svg .ladder');
  for (let i = 2; i <= 12 && !(await ladder.filter({ hasText: 'DNAT' }).count()); i++) await stepForward(page, i);
  await expect(ladder).toContainText('KUBE-SERVICES');
  await expect(ladder).toContainText(/KUBE-SVC-[A-Z0-9]{16}/);
  await expect(ladder).toContainText(/KUBE-SEP-[A-Z0-9]{16}/);
  // The same chain names as the listing in the inspector; a click on a rule of the ladder shows it there.
  await expect(page.locator('.listing li.matched')).toContainText('-j DNAT');
  await ladder.getByRole('button', { name: /-j KUBE-SVC-/ }).click();
  await expect(page.locator('.listing li.matched')).toContainText(/-A KUBE-SERVICES .*-j KUBE-SVC-/);
  await expect(page.locator('pre.matched-rule')).toContainText('KUBE-SERVICES');
  await expect(page.locator('.packet-label').first()).toContainText(/TCP/);
  // The packet's label shows the rewrite: the ClusterIP struck out, the endpoint marked.
  await expect(page.locator('.packet-glyph .packet-label s.was')).toHaveCount(1);
  await expect(page.locator('.packet-glyph .packet-label mark.now')).toHaveCount(1);
});

test('the camera: zoom buttons and keys, Fit all, Follow the packet', async ({ page }) => {
  await open(page);
  await page.waitForTimeout(700);
  const scale = () => page.locator('.camera').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
  const following = page.getByRole('button', { name: 'Follow the packet' });
  await expect(following).toHaveAttribute('aria-pressed', 'true');
  const before = await scale();
  await page.getByRole('button', { name: 'Zoom in (+)' }).click();
  await page.waitForTimeout(600);
  expect(await scale()).toBeGreaterThan(before * 1.2);
  await expect(following).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('-');
  await page.waitForTimeout(600);
  expect(Math.abs((await scale()) - before)).toBeLessThan(0.01);
  await page.getByRole('button', { name: 'Fit all' }).click();
  await page.waitForTimeout(600);
  const whole = await page.locator('.topology svg.drawing').boundingBox();
  const view = await page.locator('.topology .viewport').boundingBox();
  expect(whole!.width).toBeLessThanOrEqual(view!.width + 1);
  expect(whole!.height).toBeLessThanOrEqual(view!.height + 1);
  await following.click();
  await page.waitForTimeout(600);
  expect(await scale()).toBeGreaterThanOrEqual(1);
});

test('every gallery scenario mid-walk, on a laptop and a phone, in English and Chinese', async ({ page, request }) => {
  test.setTimeout(300_000);
  const index = (await (await request.get('./scenarios/index.json')).json()) as { id: string }[];
  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const lang of langs) {
      await open(page, `?lang=${lang}`);
      for (const { id } of index) {
        await page
          .locator('select')
          .filter({ has: page.locator(`option[value="${id}"]`) })
          .selectOption(id);
        await expect(stepCount(page)).toContainText(/\d/);
        const total = Number((await stepCount(page).textContent())!.match(/(\d+)\D*$/)![1]);
        // Halfway along the walk, where the packet is inside the cluster.
        const middle = Math.max(1, Math.floor(total / 2));
        await page
          .getByRole('slider')
          .first()
          .fill(String(middle - 1));
        await page.waitForTimeout(700);
        await page.screenshot({ path: `${shots}/scenario-${id}-${size.name}-${lang}.png` });
      }
    }
  }
});
