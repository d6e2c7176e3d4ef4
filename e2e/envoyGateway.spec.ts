/// <reference lib="dom" />
// A walk through a Gateway of Envoy Gateway's: the HTTP step's inspector says what Envoy did
// (Gateway, HTTPRoute, backend), in English and Chinese, on a desktop and a phone.

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { open, replaceText, shots } from './helpers';

const basics = readFileSync('public/scenarios/gateway-basics.yaml', 'utf8');
const sizes = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];
const langs = [
  {
    lang: 'en',
    editor: 'Manifests',
    heading: "Envoy's answer",
    route: 'HTTPRoute default/shop sends it to default/shop:80',
    stage: 'HTTP request to Envoy (the Gateway)',
  },
  {
    lang: 'zh-CN',
    editor: '清单',
    heading: 'Envoy 的应答',
    route: 'HTTPRoute default/shop 把它发往 default/shop:80',
    stage: '发往 Envoy（Gateway）的 HTTP 请求',
  },
];

for (const size of sizes) {
  for (const l of langs) {
    test(`Envoy's routing decision is a step of the walk (${l.lang}, ${size.name})`, async ({ page }) => {
      await open(page, l.lang === 'en' ? '' : `?lang=${l.lang}`);
      await replaceText(page, basics, l.editor);
      await expect(page.locator('[data-pod^="envoy-gateway-system/envoy-default-eg-e41e7b31-"]')).toHaveCount(1);
      await page.locator('.step-stage.http + li button[data-step]').first().click();
      const panel = page.getByRole('region', { name: l.heading });
      await expect(panel).toContainText('HTTP 200');
      await expect(panel).toContainText('Gateway default/eg');
      await expect(panel).toContainText(l.route);
      await expect(page.locator('.step-stage.http')).toHaveText(l.stage);
      await expect(page.locator('.banner.direct')).not.toContainText('ingress-nginx');
      // The paste and the step are chosen on a desktop; then the same page as a phone shows it.
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.screenshot({ path: `${shots}/envoy-gateway-${l.lang}-${size.name}.png` });
    });
  }
}
