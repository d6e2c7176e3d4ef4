/// <reference lib="dom" />
// The proxy mode switch's third mode: the same walk through kube-proxy's nftables table. At the
// DNAT hop the inspector shows the verdict-map lookup and numgen's draw, and the table with the
// `dnat to` rule highlighted; the seeded walk ends at the same pod as in iptables mode.
import { expect, test, type Page } from '@playwright/test';
import { clickInPicture, open, shots } from './helpers';

const words = {
  en: {
    mode: 'Proxy mode',
    steps: 'Steps',
    step: 'This step',
    rules: 'Rules',
    lookup: /kube-proxy looks up 10\.\d+\.\d+\.\d+ \. tcp \. 80 in its verdict map @service-ips: goto service-/,
    numgen: /numgen random mod 3 drew \d: goto endpoint-/,
    listing: 'kube-proxy’s nftables rules on worker-2',
    delivered: /Delivered to (default\/hostnames-\S+)/,
    ipvs: 'deprecated since Kubernetes v1.35 (KEP-5495)',
  },
  'zh-CN': {
    mode: '代理模式',
    steps: '步骤',
    step: '本步',
    rules: '规则',
    lookup: /kube-proxy 在判决映射 @service-ips 中查找 10\.\d+\.\d+\.\d+ \. tcp \. 80：goto service-/,
    numgen: /numgen random mod 3 抽到 \d：goto endpoint-/,
    listing: 'worker-2 上 kube-proxy 的 nftables 规则',
    delivered: /(default\/hostnames-[\w-]+)/,
    ipvs: '自 Kubernetes v1.35 起已弃用（KEP-5495）',
  },
} as const;

/** The pod the walk ends at, from the last step's outcome. */
async function endPod(page: Page, lang: keyof typeof words): Promise<string> {
  await page.locator('button[data-step]').last().click();
  const outcome = page.locator('.outcome');
  await expect(outcome).toBeVisible();
  const pod = (await outcome.textContent())?.match(words[lang].delivered)?.[1];
  expect(pod).toBeTruthy();
  return pod!;
}

for (const lang of ['en', 'zh-CN'] as const) {
  const w = words[lang];
  test(`nftables mode: the verdict-map lookup, the highlighted dnat rule, the same pod as iptables mode (${lang})`, async ({ page }) => {
    await open(page, `?lang=${lang}`);
    const mode = page.getByRole('radiogroup', { name: w.mode });
    await expect(mode.getByRole('radio', { name: 'iptables' })).toBeChecked();
    await expect(mode.locator('label').filter({ hasText: 'IPVS' })).toHaveAttribute('title', new RegExp(w.ipvs.replace(/[.()]/g, '\\$&')));
    const inIptables = await endPod(page, lang);

    await mode.getByRole('radio', { name: 'nftables' }).check();
    await expect(mode.getByRole('radio', { name: 'nftables' })).toBeChecked();
    // The DNAT hop: PREROUTING on the client's node, into kube-proxy's endpoint chain.
    await page
      .locator('button[data-step]')
      .filter({ hasText: /PREROUTING.*DNAT/ })
      .first()
      .click();
    const lookups = page.locator('.nft-lookups');
    await expect(lookups).toContainText(w.lookup);
    await expect(lookups).toContainText(w.numgen);
    const listing = page.getByRole('figure').filter({ hasText: w.listing });
    await expect(listing.locator('li.matched')).toContainText(
      /add rule ip kube-proxy endpoint-\S+ meta l4proto tcp dnat to 10\.244\.\d+\.\d+:9376/,
    );
    await expect(listing.locator('li.passed').first()).toBeVisible();
    await page.screenshot({ path: `${shots}/nftables-switch-${lang}.png` });

    // A rule picked in the picture's chain ladder: kube-proxy's first base chain at this hook.
    await clickInPicture(page.locator('.ladder-rule').first());
    await expect(page.locator('pre.matched-rule')).toContainText('add rule ip kube-proxy filter-prerouting-pre-dnat');
    await expect(listing.locator('li.matched')).toContainText('add rule ip kube-proxy filter-prerouting-pre-dnat');

    expect(await endPod(page, lang)).toBe(inIptables);
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  for (const lang of ['en', 'zh-CN'] as const) {
    const w = words[lang];
    test(`nftables mode: the lookups and the dnat rule under the Rules tab (${lang})`, async ({ page }) => {
      await open(page, `?lang=${lang}`);
      await page.getByRole('radiogroup', { name: w.mode }).getByRole('radio', { name: 'nftables' }).check();
      await page.getByRole('tab', { name: w.steps }).tap();
      await page
        .getByRole('list', { name: w.steps })
        .locator('button[data-step]')
        .filter({ hasText: /PREROUTING.*DNAT/ })
        .first()
        .tap();
      await page.getByRole('tab', { name: w.rules }).tap();
      await expect(page.locator('.nft-lookups')).toContainText(w.lookup);
      const listing = page.getByRole('figure').filter({ hasText: w.listing });
      await expect(listing.locator('li.matched')).toContainText('dnat to 10.244.');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${shots}/nftables-switch-phone-${lang}.png` });
    });
  }
});
