/// <reference lib="dom" />
// What-if: take the node that announces a LoadBalancer IP down; MetalLB fails over.

import { expect, test } from '@playwright/test';
import { clickInPicture, inspector, open, playToEnd, shots } from './helpers';

test('taking the announcing node down moves the LoadBalancer IP to another node', async ({ page }) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('metallb-l2');
  await expect(page.getByRole('combobox', { name: 'To' })).toHaveValue(/^192\.168\.1\.24\d:80$/);
  await playToEnd(page);
  const outcome = inspector(page).locator('.outcome');
  const before = (await outcome.textContent())?.match(/announced on the LAN by (\S+)/)?.[1];
  expect(before).toBeTruthy();

  await clickInPicture(page.getByRole('button', { name: `Take ${before} down` }));
  await expect(page.locator(`[data-node="${before}"]`)).toHaveClass(/down/);
  await playToEnd(page);
  await expect(outcome).toContainText(/announced on the LAN by /);
  await expect(outcome).not.toContainText(`announced on the LAN by ${before}`);
  await page.screenshot({ path: `${shots}/node-down.png` });

  await clickInPicture(page.getByRole('button', { name: `Bring ${before} back up` }));
  await expect(page.locator(`[data-node="${before}"]`)).not.toHaveClass(/down/);
});

test('a pod failing its readiness probe leaves the Service: the walk goes to another pod', async ({ page }) => {
  await open(page);
  await playToEnd(page);
  const outcome = inspector(page).locator('.outcome');
  const target = (await outcome.textContent())?.match(/Delivered to (default\/hostnames-\S+)/)?.[1];
  expect(target).toBeTruthy();
  await clickInPicture(page.getByRole('button', { name: `Make ${target} fail its readiness probe` }));
  await expect(page.locator(`[data-pod="${target}"]`)).toHaveClass(/not-ready/);
  await expect(page.locator('[data-service="default/hostnames"] .service-endpoint.not-ready')).toHaveCount(1);
  await playToEnd(page);
  await expect(outcome).toContainText(/Delivered to default\/hostnames-/);
  await expect(outcome).not.toContainText(`Delivered to ${target}`);
  await clickInPicture(page.getByRole('button', { name: `Make ${target} ready again` }));
  await expect(page.locator(`[data-pod="${target}"]`)).not.toHaveClass(/not-ready/);
});

test('externalTrafficPolicy: Local drops a NodePort request at a node without a local endpoint; flipped to Cluster it is delivered', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('etp-local');
  const flip = page.getByRole('button', { name: /What if default\/\S+ had externalTrafficPolicy: Cluster/ });
  await expect(flip).toHaveCount(1);
  // To the node without the echo pod.
  const to = page.getByRole('combobox', { name: 'To' });
  await to.fill((await to.inputValue()).replace(/^192\.168\.1\.\d+/, '192.168.1.12'));
  await to.press('Enter');
  await playToEnd(page);
  await expect(inspector(page).locator('.outcome')).toContainText('Dropped');
  await clickInPicture(flip);
  await playToEnd(page);
  await expect(inspector(page).locator('.outcome')).toContainText('Delivered to default/echo-');
  await page.screenshot({ path: `${shots}/etp.png` });
});

test('Compare Cluster and Local: client IP kept or not, SNAT and the extra hop, dropped or delivered, side by side', async ({ page }) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('etp-local');
  const to = page.getByRole('combobox', { name: 'To' });
  // The scenario's own packet (to a node's NodePort) once it has loaded.
  await expect(to).toHaveValue(/^192\.168\.1\.\d+:\d+$/);
  await to.fill((await to.inputValue()).replace(/^192\.168\.1\.\d+/, '192.168.1.12'));
  await to.press('Enter');
  await page.getByRole('button', { name: 'Compare Cluster and Local' }).click();
  const view = page.getByRole('region', { name: 'Compare Cluster and Local' });
  const row = (name: string) => view.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  await expect(row('Outcome')).toContainText('Delivered to default/echo-');
  await expect(row('Outcome')).toContainText('Dropped');
  await expect(row('Source address the pod sees')).toContainText('not the client 192.168.1.100 (SNAT)');
  await expect(row('SNAT (MASQUERADE)')).toContainText('on worker-2');
  await expect(row('Extra hop to another node')).toContainText('worker-2 → worker-1 over the overlay');
  await expect(row('Outcome')).toHaveClass(/differs/);
  await page.screenshot({ path: `${shots}/etp-compare.png` });

  // To the node with the pod: Local keeps the client's address.
  await to.fill((await to.inputValue()).replace(/^192\.168\.1\.\d+/, '192.168.1.11'));
  await to.press('Enter');
  await expect(row('Source address the pod sees')).toContainText("192.168.1.100: the client's address, kept");
  await view.getByRole('button', { name: 'Show the Cluster walk' }).click();
  await expect(view.getByRole('columnheader', { name: /Cluster \(shown\)/ })).toBeVisible();
});
