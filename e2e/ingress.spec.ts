/// <reference lib="dom" />
// Ingress: the request tester's decision table, walking a request (HTTP stage, the controller
// talking to the pod IP), and DNS steps lighting kube-dns.

import { expect, test } from '@playwright/test';
import { bareText, inspector, open, shots, stepList } from './helpers';

test('the HTTP request tester shows every rule and its verdict, then walks the request through ingress-nginx', async ({ page }) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('ingress-fanout');
  await expect(page.getByRole('checkbox', { name: 'Ingress' })).toBeChecked();
  await expect(page.locator('.workload.ingress-controller')).toHaveCount(1);
  await page.getByRole('button', { name: 'HTTP request tester' }).click();
  const tester = page.getByRole('region', { name: 'HTTP request tester' });
  await expect(tester.getByRole('textbox', { name: 'Host' })).toHaveValue('example.test');
  await tester.getByRole('textbox', { name: 'Path' }).fill('/api/users');
  const table = tester.getByRole('table', { name: 'Rules' });
  await expect(table.locator('tbody tr')).toHaveCount(await table.locator('tbody tr').count());
  await expect(table.locator('tr.verdict-matched')).toHaveCount(1);
  await expect(table.locator('tr.verdict-matched')).toContainText('/api');
  await expect(table.locator('tr.verdict-lost').first()).toContainText(/mismatch|lost/);
  await expect(tester.locator('.http-answer')).toContainText('HTTP 200');
  await expect(tester.locator('.http-answer')).toContainText(/Backend default\/api:\S+ → pod endpoints/);
  await page.screenshot({ path: `${shots}/ingress-tester.png` });

  await tester.getByRole('button', { name: 'Walk this request' }).click();
  await expect(page.getByRole('combobox', { name: 'To' })).toHaveValue('http://example.test/api/users');
  const http = stepList(page).locator('.step-stage.http');
  await expect(http).toHaveCount(1);
  // The HTTP step: nginx's verdict, the rule, the location.
  await stepList(page).locator('.step-stage.http + li button[data-step]').first().click();
  const panel = inspector(page).getByRole('region', { name: "ingress-nginx's answer" });
  await expect(panel).toContainText('HTTP 200');
  await expect(panel).toContainText('of Ingress default/fanout');
  await expect(panel).toContainText(/nginx location .*\/api/);
  // The controller's own connection: to the pod IP, no Service lit.
  await stepList(page).locator('.step-stage.upstream + li button[data-step]').first().click();
  await expect(page.getByRole('status').filter({ hasText: 'connects to the pod IP itself' })).toBeVisible();
  await expect(page.locator('.service.active')).toHaveCount(0);
  await page.screenshot({ path: `${shots}/ingress-upstream.png` });

  // The Ingress layer off: the controller is one of the system pods again, no rule lines on Services.
  await expect(page.locator('.service-extra.ingress').first()).toBeVisible();
  await page.getByRole('checkbox', { name: 'Ingress' }).uncheck();
  await expect(page.locator('.workload.ingress-controller')).toHaveCount(0);
  await expect(page.locator('.service-extra.ingress')).toHaveCount(0);
});

test('during a DNS query the kube-dns Service is lit; during the connection, the Service dialled', async ({ page }) => {
  await open(page);
  const to = page.getByRole('combobox', { name: 'To' });
  await to.fill('hostnames:80');
  await to.press('Enter');
  await expect(stepList(page).locator('.step-stage.dns').first()).toBeVisible();
  await stepList(page).locator('.step-stage.dns + li button').first().click();
  await expect(page.locator('.service.active')).toHaveAttribute('data-service', 'kube-system/kube-dns');
  await stepList(page).locator('.step-stage.connect + li button[data-step]').first().click();
  await expect(page.locator('.service.active')).toHaveAttribute('data-service', 'default/hostnames');
});

test('the tester, the comparison, the speakers and the ARP panel take every word from the catalogue; in Chinese too', async ({ page }) => {
  await open(page, '?lang=qps');
  await page.getByRole('combobox', { name: '⟦Scenario⟧' }).selectOption('ingress-basic');
  await page.getByRole('button', { name: '⟦HTTP request tester⟧' }).click();
  await expect(page.getByRole('region', { name: '⟦HTTP request tester⟧' }).locator('.decision-table tbody tr').first()).toBeVisible();
  await stepList(page).locator('.step-stage.http + li button[data-step]').first().click();
  expect(await bareText(page)).toEqual([]);

  await page.getByRole('combobox', { name: '⟦Scenario⟧' }).selectOption('metallb-l2');
  await page.getByRole('button', { name: '⟦Compare Cluster and Local⟧' }).click();
  await stepList(page).locator('button[data-step="1"]').first().click();
  await expect(inspector(page, '⟦Inspector⟧').locator('.arp-panel')).toBeVisible();
  expect(await bareText(page)).toEqual([]);

  await page.getByRole('combobox', { name: '⟦Language⟧' }).selectOption('zh-CN');
  await expect(page.getByRole('region', { name: '比较 Cluster 与 Local' })).toContainText('Pod 看到的源地址');
  await expect(page.locator('.speaker.leader')).toContainText('为 192.168.1.240 应答 ARP');
  await expect(page.getByRole('region', { name: '局域网上的 ARP' })).toContainText('请求（广播）');
  await page.screenshot({ path: `${shots}/zh-CN-metallb.png` });
});

test('TLS: plain http gets 308 to https in the tester and in the walk; https is proxied', async ({ page }) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('ingress-tls');
  await page.getByRole('button', { name: 'HTTP request tester' }).click();
  const tester = page.getByRole('region', { name: 'HTTP request tester' });
  await expect(tester.getByRole('textbox', { name: 'Host' })).toHaveValue('secure.test');
  await tester.getByRole('combobox', { name: 'Scheme' }).selectOption('http');
  await expect(tester.locator('.http-answer')).toContainText('HTTP 308');
  await expect(tester.locator('.http-answer')).toContainText('Location: https://secure.test');
  await tester.getByRole('combobox', { name: 'Scheme' }).selectOption('https');
  await expect(tester.locator('.http-answer')).toContainText('HTTP 200');
  await tester.getByRole('combobox', { name: 'Scheme' }).selectOption('http');
  await tester.getByRole('button', { name: 'Walk this request' }).click();
  await stepList(page).locator('.step-stage.http + li button[data-step]').first().click();
  const panel = inspector(page).getByRole('region', { name: "ingress-nginx's answer" });
  await expect(panel).toContainText('HTTP 308');
  await expect(panel).toContainText('Location: https://secure.test');
  await page.screenshot({ path: `${shots}/ingress-redirect.png` });
});
