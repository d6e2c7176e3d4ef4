/// <reference lib="dom" />
// ?theme=light|dark|auto: the dark theme reaches the whole page (the picture, the panels, the
// editor) with readable contrast, `auto` follows the system's setting as it changes, and without
// the parameter the page stays light.

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { open, shots } from './helpers';

const phone = { width: 390, height: 844 };

/** The relative luminance (0 black … 1 white) of the page's background. */
function pageLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.body)
      .backgroundColor.match(/[\d.]+/g)!
      .slice(0, 3)
      .map((c) => Number(c) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  });
}

/** Surfaces that stayed light in the dark theme: elements with a pale opaque background, and boxes of the drawing with a pale fill. */
function paleSurfaces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const luminance = (css: string) => {
      const parts = css.match(/[\d.]+/g);
      if (!parts || parts.length < 3 || (parts.length > 3 && Number(parts[3]) < 0.5)) return 0;
      const [r, g, b] = parts.slice(0, 3).map((c) => {
        const v = Number(c) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      if (luminance(style.backgroundColor) > 0.5) out.push(`${name(el)} background ${style.backgroundColor}`);
      if (el instanceof SVGRectElement && style.fill.startsWith('rgb') && luminance(style.fill) > 0.5)
        out.push(`${name(el)} fill ${style.fill}`);
    }
    return out;
  });
}

/** Steps forward until the picture opens a node's netfilter box on its chain ladder. */
async function toChainLadder(page: Page) {
  const ladder = page.locator('.topology svg .ladder');
  for (let i = 0; i < 12 && (await ladder.count()) === 0; i++) await page.locator('body').press('ArrowRight');
  await expect(ladder).toBeVisible();
  // The camera's glide to the hop.
  await page.waitForTimeout(700);
}

async function contrastViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`));
}

for (const lang of ['en', 'zh-CN']) {
  test(`dark: the page, the picture with its chain ladder and the editor are dark and readable on a laptop (${lang})`, async ({ page }) => {
    await open(page, `?theme=dark&lang=${lang}`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await pageLuminance(page)).toBeLessThan(0.05);
    await expect(page.locator('.cm-content')).toBeVisible();
    await toChainLadder(page);
    await page.screenshot({ path: `${shots}/theme-dark-laptop-${lang}.png` });
    expect(await paleSurfaces(page)).toEqual([]);
    expect(await contrastViolations(page)).toEqual([]);
  });

  test(`dark on a phone: the picture and every tab are dark and readable (${lang})`, async ({ page }) => {
    await page.setViewportSize(phone);
    await open(page, `?theme=dark&lang=${lang}`);
    await toChainLadder(page);
    await page.screenshot({ path: `${shots}/theme-dark-phone-${lang}.png`, fullPage: true });
    expect(await paleSurfaces(page)).toEqual([]);
    expect(await contrastViolations(page)).toEqual([]);
    const tabs = page.getByRole('tab');
    for (let i = 1; i < (await tabs.count()); i++) {
      await tabs.nth(i).click();
      await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
      expect(await contrastViolations(page), await tabs.nth(i).innerText()).toEqual([]);
    }
    await page.screenshot({ path: `${shots}/theme-dark-phone-editor-${lang}.png` });
  });
}

test('auto follows the system: dark when it is dark, light when it turns light', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page, '?theme=auto');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'auto');
  expect(await pageLuminance(page)).toBeLessThan(0.05);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => pageLuminance(page)).toBeGreaterThan(0.8);
});

test('auto opened on a light system is light', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await open(page, '?theme=auto');
  expect(await pageLuminance(page)).toBeGreaterThan(0.8);
});

test('without ?theme, or with an unknown one, the page is light even on a dark system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const query of ['', '?theme=purple']) {
    await open(page, query);
    await expect(page.locator('html')).not.toHaveAttribute('data-theme');
    expect(await pageLuminance(page)).toBeGreaterThan(0.8);
  }
});
