/// <reference lib="dom" />
// The outcome card says what happened and no more: a name outside the cluster is not a failure,
// only MetalLB's announcement is called one, and one DNS query is "1 DNS query".

import { expect, test } from '@playwright/test';
import { inspector, open, playToEnd, shots } from './helpers';

test('a name outside the cluster ends "not modelled", in a neutral card, in both languages', async ({ page }) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('dns-externalname');
  const to = page.getByRole('combobox', { name: 'To' });
  await to.fill('orders-db:5432');
  await to.press('Enter');
  await playToEnd(page);
  const card = page.locator('.inspector .outcome');
  await expect(card).toHaveClass(/unknown/);
  await expect(card).toContainText('Not modelled');
  await expect(card).not.toContainText('Dropped');
  await expect(card).toContainText(/\b1 DNS query(?!i)/);
  expect(await card.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgb(253, 236, 236)');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(card).toContainText('不在模型之内');
  await page.screenshot({ path: `${shots}/outcome-unknown-zh-CN.png` });
});

test('"announced on the LAN" only where MetalLB announced the address', async ({ page }) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('nodeport');
  await page.getByRole('combobox', { name: 'From' }).selectOption('client');
  await playToEnd(page);
  await expect(inspector(page).locator('.outcome')).toContainText('Delivered');
  await expect(inspector(page).locator('.outcome')).not.toContainText('announced');

  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('metallb-l2');
  await page.getByRole('combobox', { name: 'From' }).selectOption('client');
  await playToEnd(page);
  await expect(inspector(page).locator('.outcome')).toContainText(/announced on the LAN by worker-\d \(MetalLB layer 2\)/);
});
