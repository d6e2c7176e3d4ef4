/// <reference lib="dom" />
// What the inspector shows beyond iptables: routes, DNS, IPVS; and the layers.

import { expect, test, type Page } from '@playwright/test';
import { inspector, open, shots, showAllSteps } from './helpers';

/** Clicks the first step in the list whose text matches. */
async function goToStep(page: Page, text: RegExp) {
  await showAllSteps(page);
  await page.locator('.step').filter({ hasText: text }).first().getByRole('button').click();
}

test('a routing step shows the node table with the chosen route highlighted', async ({ page }) => {
  await open(page);
  await goToStep(page, /routing/);
  await expect(inspector(page).getByRole('figure').filter({ hasText: 'ip route on' })).toBeVisible();
  const chosen = inspector(page).locator('.listing li.matched');
  await expect(chosen).toHaveCount(1);
  await expect(chosen).toContainText(/dev (cni0|flannel\.1)/);
  // The same route is marked in the node's routing box.
  await expect(page.locator('.route-line.chosen')).toHaveCount(1);
  await page.screenshot({ path: `${shots}/route.png` });
});

test('a DNS step shows the query, its answer and the pod resolv.conf; the outcome shows the resolution', async ({ page }) => {
  await open(page);
  const to = page.getByRole('combobox', { name: 'To' });
  await to.fill('hostnames:80');
  await to.press('Enter');
  await goToStep(page, /pod coredns-/);
  const dns = inspector(page).getByRole('region', { name: 'DNS' });
  await expect(dns).toContainText('Query 1: hostnames.default.svc.cluster.local. A');
  await expect(dns.locator('pre')).toContainText('options ndots:5');
  await expect(dns).toContainText('Answer');
  await page.screenshot({ path: `${shots}/dns.png` });
  await page.locator('.step').last().getByRole('button').click();
  await expect(inspector(page).locator('.outcome')).toContainText(/hostnames → 10\.\d+\.\d+\.\d+/);
  await expect(inspector(page).locator('.outcome')).toContainText(/\b1 DNS query(?!i)/);
});

test('the proxy mode switch re-derives the cluster in IPVS mode: kube-ipvs0, the IPVS box and ipvsadm -Ln', async ({ page }) => {
  await open(page);
  const mode = page.getByRole('radiogroup', { name: 'Proxy mode' });
  await expect(mode.getByRole('radio', { name: 'iptables' })).toBeChecked();
  await mode.getByRole('radio', { name: 'IPVS' }).check();
  await expect(page.locator('.kube-ipvs0').first()).toContainText('10.96.0.10');
  await goToStep(page, /IPVS/);
  const listing = inspector(page).getByRole('figure').filter({ hasText: 'ipvsadm -Ln on' });
  await expect(listing.locator('li.matched')).toContainText(/TCP\s+10\.\d+\.\d+\.\d+:80 rr/);
  await expect(listing.locator('li.passed')).toContainText('->');
  await page.screenshot({ path: `${shots}/ipvs.png` });
  await page.getByRole('button', { name: 'as the manifests say' }).click();
  await expect(mode.getByRole('radio', { name: 'iptables' })).toBeChecked();
  await expect(page.locator('.kube-ipvs0')).toHaveCount(0);
});

test('layers: NodePorts and DNS names on the Service boxes can be hidden', async ({ page }) => {
  await open(page);
  const hostnames = page.locator('[data-service="default/hostnames"]');
  await expect(hostnames).toContainText('hostnames.default.svc.cluster.local');
  await page.getByRole('checkbox', { name: 'DNS names' }).uncheck();
  await expect(hostnames).not.toContainText('svc.cluster.local');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('nodeport');
  const nginx = page.locator('[data-service="default/my-nginx"]');
  await expect(nginx).toContainText('30080/TCP');
  await page.getByRole('checkbox', { name: 'NodePorts' }).uncheck();
  await expect(nginx).not.toContainText('30080');
});
