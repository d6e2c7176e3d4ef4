/// <reference lib="dom" />
// Choosing the packet: from a pod, a node or the LAN client; to IP:PORT, NAME:PORT or a suggestion.

import { expect, test } from '@playwright/test';
import { inspector, open, playToEnd, shots } from './helpers';

test('from the client on the LAN to a NodePort: the laptop, the LAN and the node NIC', async ({ page }) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('nodeport');
  // A NodePort scenario with no client pod opens on a packet from the laptop.
  await expect(page.getByRole('combobox', { name: 'From' })).toHaveValue('client');
  await expect(page.getByRole('combobox', { name: 'To' })).toHaveValue(/^192\.168\.\d+\.\d+:30080$/);
  const laptop = page.locator('[data-lan-host="client"]');
  await expect(laptop).toContainText(/192\.168\.\d+\.100/);
  await expect(page.locator('[data-lan-host="router"]')).toBeVisible();
  await expect(laptop).toHaveClass(/active/);
  await playToEnd(page);
  await expect(inspector(page).locator('.outcome')).toContainText(/Delivered to default\/my-nginx-/);
  await page.screenshot({ path: `${shots}/client-nodeport.png` });
});

test('to a name: the pod resolves it first, then connects', async ({ page }) => {
  await open(page);
  const to = page.getByRole('combobox', { name: 'To' });
  await to.fill('nosuch:80');
  await to.press('Enter');
  await expect(page.locator('.step-stage').first()).toContainText('nosuch');
  await to.fill('hostnames:80');
  await to.press('Enter');
  await expect(to).toHaveValue('hostnames:80');
  await expect(page.locator('.step-stage')).toContainText([/DNS query 1 · hostnames\.default\.svc\.cluster\.local\. A/, /Connection/]);
  await to.fill('not a target');
  await to.press('Enter');
  await expect(page.getByRole('alert')).toContainText('name:port');
});

test('the To box suggests ClusterIPs, names and NodePorts', async ({ page }) => {
  await open(page);
  const values = await page.locator('#packet-targets option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(values).toContain('hostnames:80');
  expect(values).toContain('hostnames.default:80');
  expect(values).toContain('kube-dns.kube-system:53');
  expect(values.some((v) => /^10\.\d+\.\d+\.\d+:80$/.test(v))).toBe(true);
  await page.getByRole('combobox', { name: 'From' }).selectOption('node:control-plane');
  await expect(page.locator('.step-list [data-step]').first()).toContainText('control-plane');
});
