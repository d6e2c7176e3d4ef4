/// <reference lib="dom" />
// The drawing is readable at any density: on every gallery scenario, no text runs out of its box,
// none is smaller than 11 units, the text-width table is never short of what the browser draws,
// one element is the current step, and boxes off the walk fold to a line that unfolds on click.

import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { textWidth } from '../src/layout/textWidth';
import { open, shots } from './helpers';

const gallery: { id: string; file: string }[] = JSON.parse(
  readFileSync(new URL('../public/scenarios/index.json', import.meta.url), 'utf8'),
);

/** A Service the scenario's YAML declares, to know its picture is drawn. */
function serviceOf(file: string): string | undefined {
  const yaml = readFileSync(new URL(`../public/scenarios/${file}`, import.meta.url), 'utf8');
  return /kind: Service\s*\nmetadata:\s*\n(?:\s+\w+:.*\n)*?\s+name: (\S+)/.exec(yaml)?.[1];
}

async function openScenario(page: Page, id: string, file: string) {
  await page.getByRole('combobox', { name: /Scenario|场景/ }).selectOption(id);
  const service = serviceOf(file);
  if (service) await expect(page.locator(`[data-service$="/${service}"]`).first()).toBeVisible();
  await expect(page.locator('.topology svg .node').first()).toBeVisible();
  // Arrow keys step the walk only outside the form controls.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

interface TextFacts {
  label: string;
  fontSize: number;
  /** Runs of one style each, and the length the browser gives the whole line. */
  runs: { text: string; size: number; mono: boolean; bold: boolean }[];
  drawn: number;
  /** How far the text runs out of its enclosing box (or the drawing), in user units. */
  overflow: number;
}

/** Every text of the drawing, outside the moving packet glyph. */
function readTexts(page: Page): Promise<TextFacts[]> {
  return page.evaluate(() => {
    const boxOf = (el: SVGTextElement): DOMRect => {
      const svg = el.ownerSVGElement!;
      for (let g: Element | null = el.parentElement; g && g !== svg; g = g.parentElement) {
        const rect = [...g.children].find((c): c is SVGRectElement => c instanceof SVGRectElement && !c.classList.contains('hit'));
        if (rect) return new DOMRect(rect.x.baseVal.value, rect.y.baseVal.value, rect.width.baseVal.value, rect.height.baseVal.value);
      }
      const view = svg.viewBox.baseVal;
      return new DOMRect(view.x, view.y, view.width, view.height);
    };
    const styleOf = (el: Element) => {
      const css = getComputedStyle(el);
      return { size: parseFloat(css.fontSize), mono: /mono/i.test(css.fontFamily), bold: Number(css.fontWeight) >= 600 };
    };
    return [...document.querySelectorAll<SVGTextElement>('.topology svg text')]
      .filter((t) => !t.closest('.packet') && t.getNumberOfChars() > 0)
      .map((t) => {
        const runs: { text: string; size: number; mono: boolean; bold: boolean }[] = [];
        const walker = document.createTreeWalker(t, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode())
          if (n.textContent && !n.parentElement?.closest('title')) runs.push({ text: n.textContent, ...styleOf(n.parentElement!) });
        const b = t.getBBox();
        const box = boxOf(t);
        const overflow = Math.max(0, box.x - b.x, b.x + b.width - (box.x + box.width), box.y - b.y, b.y + b.height - (box.y + box.height));
        return { label: t.textContent ?? '', fontSize: styleOf(t).size, runs, drawn: t.getComputedTextLength(), overflow };
      });
  });
}

async function checkTexts(page: Page, where: string) {
  const texts = await readTexts(page);
  expect(texts.length, where).toBeGreaterThan(10);
  for (const t of texts) {
    expect(t.fontSize, `${where}: "${t.label}" font size`).toBeGreaterThanOrEqual(11);
    for (const r of t.runs) expect(r.size, `${where}: "${r.text}" font size`).toBeGreaterThanOrEqual(11);
    expect(t.overflow, `${where}: "${t.label}" runs out of its box`).toBeLessThanOrEqual(0.5);
    const estimate = t.runs.reduce((w, r) => w + textWidth(r.text, { size: r.size, mono: r.mono, bold: r.bold }), 0);
    expect(estimate, `${where}: width table short for "${t.label}"`).toBeGreaterThanOrEqual(t.drawn - 0.5);
  }
}

const current = (page: Page) => page.locator('.topology svg [aria-current="step"]');

test.describe('every gallery scenario', () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  // Thirteen scenarios, each stepped through: generous, the machine may be shared.
  test.setTimeout(600_000);

  for (const lang of ['en', 'zh-CN']) {
    test(`no text outside its box, none under 11 units, one current place per step (${lang})`, async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await open(page, lang === 'en' ? '' : '?lang=zh-CN');
      for (const { id, file } of gallery) {
        await openScenario(page, id, file);
        await checkTexts(page, `${id} (${lang})`);
        // The walk's first steps, then on to its end: one place is the current step at every one.
        for (let i = 0; i < 40; i++) {
          await expect(current(page), `${id} (${lang}), step ${i + 1}`).toHaveCount(1);
          await page.keyboard.press('ArrowRight');
        }
        await checkTexts(page, `${id} (${lang}), at the end`);
      }
    });
  }
});

test('a node the walk does not pass through shows its netfilter and routing as one line each, which unfold', async ({ page }) => {
  await open(page);
  const folds = page.locator('.topology .fold');
  const netfilter = page.locator('.node [data-fold="netfilter"] .fold').first();
  await expect(netfilter).toHaveAttribute('aria-expanded', 'false');
  await expect(netfilter).toContainText('not on this walk');
  const node = netfilter.locator('xpath=ancestor::*[@data-node][1]');
  await expect(node.locator('.hook')).toHaveCount(0);

  // The camera may have this node out of view: the click goes to the summary wherever it is.
  await netfilter.dispatchEvent('click');
  const opened = node.locator('.drawer[data-fold="netfilter"]');
  await expect(opened.locator('.hook')).toHaveCount(5);
  await expect(opened.locator('.fold')).toHaveAttribute('aria-expanded', 'true');
  await checkTexts(page, 'netfilter unfolded');

  // By keyboard: folds back with Enter.
  await opened.locator('.fold').focus();
  await page.keyboard.press('Enter');
  await expect(node.locator('.hook')).toHaveCount(0);

  // The built-in pods of a node are one line too; Space unfolds them.
  const pods = page.locator('.node [data-fold="pods"] .fold').first();
  await expect(pods).toContainText(/system pods?: /);
  await pods.focus();
  await page.keyboard.press(' ');
  await expect(page.locator('.drawer[data-fold="pods"] .pod.builtin').first()).toBeVisible();
  expect(await folds.count()).toBeGreaterThan(2);
});

test('the walk keeps its own boxes open and marks where the packet is', async ({ page }) => {
  await open(page);
  const here = current(page);
  await expect(here).toHaveCount(1);
  // The client pod's node: its pod, cni0 and netfilter are drawn in full.
  const node = page.locator('.node.current');
  await expect(node.locator('.hook')).toHaveCount(5);
  await expect(node.locator('.pod.source')).toHaveCount(1);
});

test('long names are elided to fit, the full name on hover and keyboard focus', async ({ page }) => {
  await open(page);
  const elided = page.locator('.topology .elided').first();
  await expect(elided).toHaveCount(1);
  const full = await elided.getAttribute('aria-label');
  expect(full).toBeTruthy();
  await expect(elided.locator('title')).toHaveText(full!);
  expect(await elided.locator('text').textContent()).toContain('…');
  await elided.focus();
  await expect(elided).toBeFocused();
  // Focused, the whole of it shows over the drawing, in a box of its own.
  await expect(page.locator('.topology .full-text text')).toHaveText(full!);
  await checkTexts(page, 'an elided name focused');
  await elided.blur();
  await expect(page.locator('.topology .full-text')).toHaveCount(0);
});

test('the what-if switches on the drawing are touch targets of 24 units at least', async ({ page }) => {
  await open(page);
  const sizes = await page.evaluate(() =>
    [...document.querySelectorAll<SVGGElement>('.node-toggle, .ready-toggle, .policy-toggle, .fold')].map((g) => {
      const b = g.getBBox();
      return { what: g.getAttribute('class'), w: b.width, h: b.height };
    }),
  );
  expect(sizes.some((s) => s.what?.startsWith('ready-toggle'))).toBe(true);
  for (const s of sizes) expect(Math.min(s.w, s.h), s.what ?? '').toBeGreaterThanOrEqual(24);
});

for (const [w, h] of [
  [1440, 900],
  [390, 844],
] as const) {
  for (const lang of ['en', 'zh-CN']) {
    test(`screenshots at ${w}×${h} (${lang})`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await open(page, lang === 'en' ? '' : '?lang=zh-CN');
      await page.screenshot({ path: `${shots}/density-${w}-${lang}.png` });
      await page
        .locator('.node')
        .nth(1)
        .screenshot({ path: `${shots}/density-node-${w}-${lang}.png` });
      await page.locator('.node [data-fold="netfilter"] .fold').first().dispatchEvent('click');
      await page
        .locator('.node')
        .nth(0)
        .screenshot({ path: `${shots}/density-unfolded-${w}-${lang}.png` });
    });
  }
}
