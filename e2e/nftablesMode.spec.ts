// A learner sets kube-proxy to nftables mode: the proxy mode switch says nftables, the walk goes
// through kube-proxy's nftables table (the inspector lists it), and the Problems panel names only
// the iptables/IPVS settings kube-proxy ignores in that mode.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { open, replaceText, shots } from './helpers';

const scenario = readFileSync(new URL('../public/scenarios/nodeport.yaml', import.meta.url), 'utf8');
const config = `apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: nftables
iptables:
  masqueradeAll: true
ipvs:
  scheduler: lc
---
`;

const words = {
  en: {
    scenario: 'Scenario',
    editor: 'Manifests',
    proxyMode: 'Proxy mode',
    rules: 'Rules',
    steps: 'Steps',
    listing: 'kube-proxy’s nftables rules on',
    fields: 'ignores these iptables or IPVS settings: iptables.masqueradeAll, ipvs.scheduler',
  },
  'zh-CN': {
    scenario: '场景',
    editor: '清单',
    proxyMode: '代理模式',
    rules: '规则',
    steps: '步骤',
    listing: '上 kube-proxy 的 nftables 规则',
    fields: '会忽略这些 iptables 或 IPVS 模式的设置：iptables.masqueradeAll, ipvs.scheduler',
  },
} as const;

async function pasteConfig(page: Page, lang: keyof typeof words, phone: boolean) {
  const w = words[lang];
  await open(page, `?lang=${lang}`);
  await page.getByRole('combobox', { name: w.scenario }).selectOption('');
  if (phone) await page.getByRole('tab', { name: w.editor }).tap();
  await replaceText(page, config + scenario, w.editor);
  await expect(page.getByRole('radiogroup', { name: w.proxyMode }).getByRole('radio', { name: 'nftables' })).toBeChecked();
  const problems = page.locator('section.diagnostics');
  await expect(problems).toContainText(w.fields);
  // One warning: the mode itself is no longer a problem.
  await expect(problems.locator('li')).toHaveCount(1);
  // The walk's NodePort hop lists kube-proxy's table, with the rule that acted highlighted.
  if (phone) await page.getByRole('tab', { name: w.steps }).tap();
  await page
    .locator('button[data-step]')
    .filter({ hasText: /PREROUTING.*DNAT/ })
    .first()
    .click();
  if (phone) await page.getByRole('tab', { name: w.rules }).tap();
  await expect(page.getByRole('figure').filter({ hasText: w.listing }).locator('li.matched')).toContainText('dnat to');
  if (phone) await page.getByRole('tab', { name: w.editor }).tap();
  await problems.scrollIntoViewIfNeeded();
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`mode nftables: the switch says nftables, the walk lists kube-proxy's table, Problems names what it ignores (${lang})`, async ({
    page,
  }) => {
    await pasteConfig(page, lang, false);
    await page.screenshot({ path: `${shots}/nftables-mode-${lang}.png` });
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  for (const lang of ['en', 'zh-CN'] as const) {
    test(`the same, the Rules tab listing the table (${lang})`, async ({ page }) => {
      await pasteConfig(page, lang, true);
      await page.screenshot({ path: `${shots}/nftables-mode-phone-${lang}.png` });
    });
  }
});
