/// <reference lib="dom" />
// kube-proxy's modes side by side: the default packet walked with kube-proxy in iptables and in
// nftables mode. iptables reads KUBE-SERVICES rule by rule, nftables finds the Service with one
// verdict-map lookup; the DNAT is done in a KUBE-SEP chain against an endpoint chain; the walks
// end at the same pod. Picking IPVS states its deprecation; a column's button shows its walk.
import { expect, test, type Page } from '@playwright/test';
import { bareText, open, shots } from './helpers';

const words = {
  en: {
    mode: 'Proxy mode',
    open: 'Compare modes',
    panel: 'Compare proxy modes',
    pick: (n: number) => `Mode of column ${n}`,
    scan: /^\d+ rules, read one by one down KUBE-SERVICES to the Service’s rule/,
    lookup: /^\d+ rules, 1 of them a verdict-map lookup/,
    dnatIptables: /^worker-2, PREROUTING: chain KUBE-SEP-\w+, line \d+$/,
    dnatNft: /^worker-2, PREROUTING: chain endpoint-\S+, line \d+$/,
    dnatIpvs: /^worker-2, IPVS after INPUT: line \d+ of ipvsadm -Ln$/,
    ipvs: 'deprecated since Kubernetes v1.35 (KEP-5495)',
    delivered: /^Delivered to default\/hostnames-/,
    show: 'Show the nftables walk',
    shown: '(shown)',
  },
  'zh-CN': {
    mode: '代理模式',
    open: '比较模式',
    panel: '比较代理模式',
    pick: (n: number) => `第 ${n} 列的模式`,
    scan: /^\d+ 条规则，沿 KUBE-SERVICES 逐条读到该 Service 的规则/,
    lookup: /^\d+ 条规则，其中 1 次判决映射查找/,
    dnatIptables: /^worker-2，PREROUTING：链 KUBE-SEP-\w+，第 \d+ 行$/,
    dnatNft: /^worker-2，PREROUTING：链 endpoint-\S+，第 \d+ 行$/,
    dnatIpvs: /^worker-2，INPUT 之后的 IPVS：ipvsadm -Ln 的第 \d+ 行$/,
    ipvs: '自 Kubernetes v1.35 起已弃用（KEP-5495）',
    delivered: /default\/hostnames-/,
    show: '显示 nftables 模式的走向',
    shown: '（当前显示）',
  },
} as const;

type Lang = keyof typeof words;

/** The cells of one fact's row, in column order. */
const cells = (page: Page, fact: string) => page.locator(`.mode-compare tr[data-fact="${fact}"] td`);

async function openComparison(page: Page, lang: Lang) {
  const w = words[lang];
  await open(page, `?lang=${lang}`);
  await page.getByRole('radiogroup', { name: w.mode }).getByRole('button', { name: w.open }).click();
  const panel = page.getByRole('region', { name: w.panel });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('combobox', { name: w.pick(1) })).toHaveValue('iptables');
  await expect(panel.getByRole('combobox', { name: w.pick(2) })).toHaveValue('nftables');
  return panel;
}

/** iptables against nftables: the differing facts, and the same endpoint and pod. */
async function expectIptablesVsNftables(page: Page, lang: Lang) {
  const w = words[lang];
  await expect(cells(page, 'checks').nth(0)).toHaveText(w.scan);
  await expect(cells(page, 'checks').nth(1)).toHaveText(w.lookup);
  await expect(page.locator('.mode-compare tr[data-fact="checks"]')).toHaveClass(/differs/);
  await expect(cells(page, 'dnat').nth(0)).toHaveText(w.dnatIptables);
  await expect(cells(page, 'dnat').nth(1)).toHaveText(w.dnatNft);
  // The same seed-free default walk picks the same endpoint in both modes: the same pod at the end.
  const endpoint = await cells(page, 'endpoint').nth(0).textContent();
  expect(endpoint).toMatch(/^10\.244\.\d+\.\d+:9376$/);
  await expect(cells(page, 'endpoint').nth(1)).toHaveText(endpoint!);
  await expect(page.locator('.mode-compare tr[data-fact="endpoint"]')).not.toHaveClass(/differs/);
  await expect(cells(page, 'outcome').nth(0)).toHaveText(w.delivered);
  await expect(cells(page, 'outcome').nth(1)).toHaveText((await cells(page, 'outcome').nth(0).textContent())!);
}

for (const lang of ['en', 'zh-CN'] as const) {
  const w = words[lang];
  test(`compare modes: iptables scans, nftables looks up, IPVS is deprecated (${lang})`, async ({ page }) => {
    const panel = await openComparison(page, lang);
    await expectIptablesVsNftables(page, lang);
    await expect(panel.locator('thead th.current')).toContainText(w.shown);
    await expect(panel).not.toContainText(w.ipvs);
    await page.screenshot({ path: `${shots}/mode-compare-${lang}.png` });

    // IPVS in the first column: the DNAT moves to IPVS after INPUT, and its deprecation is stated.
    await panel.getByRole('combobox', { name: w.pick(1) }).selectOption('ipvs');
    await expect(cells(page, 'dnat').nth(0)).toHaveText(w.dnatIpvs);
    await expect(panel).toContainText(w.ipvs);
    await page.screenshot({ path: `${shots}/mode-compare-ipvs-${lang}.png` });

    // The nftables column's button shows its walk: the switch follows, the comparison stays.
    await panel.getByRole('button', { name: w.show }).click();
    await expect(page.getByRole('radiogroup', { name: w.mode }).getByRole('radio', { name: 'nftables' })).toBeChecked();
    await expect(panel.locator('thead th').nth(2)).toHaveClass('current');
    await expect(cells(page, 'dnat').nth(1)).toHaveText(w.dnatNft);
  });
}

test('the mode comparison takes every word from the catalogue', async ({ page }) => {
  await open(page, '?lang=qps');
  await page.getByRole('button', { name: '⟦Compare modes⟧' }).click();
  const panel = page.getByRole('region', { name: '⟦Compare proxy modes⟧' });
  await panel.getByRole('combobox', { name: /Mode of column 1/ }).selectOption('ipvs');
  await expect(panel.locator('tr[data-fact="dnat"] td').first()).toContainText('IPVS');
  expect(await bareText(page)).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  for (const lang of ['en', 'zh-CN'] as const) {
    test(`compare modes on a phone (${lang})`, async ({ page }) => {
      await openComparison(page, lang);
      await expectIptablesVsNftables(page, lang);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${shots}/mode-compare-phone-${lang}.png` });
    });
  }
});
