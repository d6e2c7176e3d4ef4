/// <reference lib="dom" />
// The Gateway scenarios from the gallery: a request walked through Envoy, the step where Envoy
// decides, the outcome naming Gateway, HTTPRoute and backend, and the Gateway's status (address,
// listeners with attachedRoutes, each route's conditions) with the reasons a 404 or a 500 comes from.

import { expect, test, type Page } from '@playwright/test';
import { open, shots } from './helpers';

const sizes = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];
const langs = [
  {
    lang: 'en',
    picker: 'Scenario',
    envoy: "Envoy's answer",
    status: 'Gateway default/eg: status',
    listener: 'listener http: HTTP port 80, any host, attachedRoutes 2',
    route: 'HTTPRoute default/shop sends it to default/shop:80',
    billing: 'http://shop.example.test/billing: no ReferenceGrant for billing (500)',
    blog: 'http://blog.other.test/: a route the Gateway did not accept (404)',
    sharedStatus: 'Gateway infra/shared: status',
    refused: 'HTTPRoute web/blog names it, but the Gateway did not accept it (NoMatchingListenerHostname)',
  },
  {
    lang: 'zh-CN',
    picker: '场景',
    envoy: 'Envoy 的应答',
    status: 'Gateway default/eg 的状态',
    listener: '监听器 http：HTTP 端口 80，任意主机，attachedRoutes 2',
    route: 'HTTPRoute default/shop 把它发往 default/shop:80',
    billing: 'http://shop.example.test/billing：billing 没有 ReferenceGrant（500）',
    blog: 'http://blog.other.test/：Gateway 没有接受的路由（404）',
    sharedStatus: 'Gateway infra/shared 的状态',
    refused: 'HTTPRoute web/blog 写了它，但 Gateway 没有接受这条路由（NoMatchingListenerHostname）',
  },
];

/** The walk's last step, in any language (the helper's playToEnd reads English labels). */
async function lastStep(page: Page) {
  await page.locator('.inspector-steps button[data-step]').last().click();
  await expect(page.locator('.inspector .outcome')).toBeVisible();
}

/** Opens the step where Envoy decides (the one after the HTTP stage's heading). */
const envoyStep = (page: Page) => page.locator('.step-stage.http + li button[data-step]').first().click();

for (const size of sizes) {
  for (const l of langs) {
    test(`Gateway basics from the gallery: Envoy's decision, the outcome and the Gateway's status (${l.lang}, ${size.name})`, async ({
      page,
    }) => {
      await open(page, l.lang === 'en' ? '' : `?lang=${l.lang}`);
      await page.getByRole('combobox', { name: l.picker }).selectOption('gateway-basics');
      await expect(page.locator('[data-pod^="envoy-gateway-system/envoy-default-eg-e41e7b31-"]')).toHaveCount(1);
      await envoyStep(page);
      const answer = page.getByRole('region', { name: l.envoy });
      await expect(answer).toContainText('HTTP 200');
      await expect(answer).toContainText(l.route);
      const status = page.getByRole('region', { name: l.status });
      await expect(status).toContainText('192.168.1.240');
      await expect(status).toContainText(l.listener);
      await expect(status).toContainText('Programmed ✓');
      await expect(status.locator('.gw-cond.bad')).toHaveCount(0);
      await page.setViewportSize({ width: size.width, height: size.height });
      await status.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/gateway-status-${l.lang}-${size.name}.png` });

      await page.setViewportSize({ width: 1440, height: 900 });
      await lastStep(page);
      await expect(page.locator('.outcome-gateway')).toHaveText('Gateway default/eg · HTTPRoute default/shop → default/shop:80');
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.locator('.inspector .outcome').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/gateway-outcome-${l.lang}-${size.name}.png` });
    });

    test(`Gateway hostnames: RefNotPermitted and NoMatchingListenerHostname on the objects and in the outcome (${l.lang}, ${size.name})`, async ({
      page,
    }) => {
      await open(page, l.lang === 'en' ? '' : `?lang=${l.lang}`);
      await page.getByRole('combobox', { name: l.picker }).selectOption('gateway-hostnames');
      await page.getByRole('button', { name: l.billing }).click();
      await envoyStep(page);
      const status = page.getByRole('region', { name: l.sharedStatus });
      await expect(status).toContainText('ResolvedRefs ✗ RefNotPermitted');
      await expect(status).toContainText('Accepted ✗ NoMatchingListenerHostname');
      await expect(page.getByRole('region', { name: l.envoy })).toContainText('HTTP 500');
      await page.setViewportSize({ width: size.width, height: size.height });
      await status.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/gateway-reasons-${l.lang}-${size.name}.png` });
      await page.setViewportSize({ width: 1440, height: 900 });

      await page.getByRole('button', { name: l.blog }).click();
      await lastStep(page);
      await expect(page.locator('.outcome-gateway-reason')).toContainText(l.refused);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.locator('.inspector .outcome').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/gateway-refused-${l.lang}-${size.name}.png` });
    });
  }
}
