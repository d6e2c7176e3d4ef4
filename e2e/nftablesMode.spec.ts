// A learner sets kube-proxy to nftables mode: the Problems panel says plainly what is shown (the
// walk still follows iptables mode, `packetwalk nft` prints the nftables rules) and names the
// iptables/IPVS settings kube-proxy ignores in that mode.
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
    mode: 'the picture and the packet walk here still show iptables mode',
    fields: 'ignores these iptables or IPVS settings: iptables.masqueradeAll, ipvs.scheduler',
  },
  'zh-CN': {
    scenario: '场景',
    editor: '清单',
    mode: '示意图和数据包行程仍按 iptables 模式展示',
    fields: '会忽略这些 iptables 或 IPVS 模式的设置：iptables.masqueradeAll, ipvs.scheduler',
  },
} as const;

async function pasteConfig(page: Page, lang: keyof typeof words, phone: boolean) {
  const w = words[lang];
  await open(page, `?lang=${lang}`);
  await page.getByRole('combobox', { name: w.scenario }).selectOption('');
  if (phone) await page.getByRole('tab', { name: w.editor }).tap();
  await replaceText(page, config + scenario, w.editor);
  const problems = page.locator('section.diagnostics');
  await expect(problems).toContainText(w.mode);
  await expect(problems).toContainText(w.fields);
  await problems.scrollIntoViewIfNeeded();
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`mode nftables: the Problems panel says what is shown and what kube-proxy ignores (${lang})`, async ({ page }) => {
    await pasteConfig(page, lang, false);
    await page.screenshot({ path: `${shots}/nftables-mode-${lang}.png` });
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  for (const lang of ['en', 'zh-CN'] as const) {
    test(`the same two warnings under the editor (${lang})`, async ({ page }) => {
      await pasteConfig(page, lang, true);
      await page.screenshot({ path: `${shots}/nftables-mode-phone-${lang}.png` });
    });
  }
});
