/// <reference lib="dom" />
// MetalLB in the picture: the speakers, the layer-2 leader, ARP in the inspector, the router's BGP table.

import { expect, test } from '@playwright/test';
import { clickInPicture, inspector, open, shots, stepList } from './helpers';

test('layer 2: the leader answers ARP; taken down, the badge and the path move and the new leader sends gratuitous ARP', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('metallb-l2');
  const leader = page.locator('.speaker.leader');
  await expect(leader).toHaveCount(1);
  await expect(leader).toContainText('answers ARP for 192.168.1.240');
  const node = await leader.getAttribute('data-speaker');
  await expect(leader.locator('title')).toContainText(`Election for 192.168.1.240 (default/nginx): ${node}`);

  await stepList(page).locator('button[data-step="1"]').first().click();
  const arp = inspector(page).getByRole('region', { name: 'ARP on the LAN' });
  await expect(arp).toContainText('Request who-has 192.168.1.240 tell 192.168.1.100');
  await expect(arp).toContainText(/Reply 192\.168\.1\.240 is-at [0-9a-f:]{17}/);
  await expect(arp).toContainText(`The first eligible node, ${node}, answers.`);
  await page.screenshot({ path: `${shots}/metallb-l2.png` });

  await clickInPicture(page.getByRole('button', { name: `Take ${node} down` }));
  await expect(page.locator(`[data-speaker="${node}"]`)).toHaveClass(/down/);
  const moved = page.locator('.speaker.leader');
  await expect(moved).toHaveCount(1);
  await expect(moved).not.toHaveAttribute('data-speaker', node!);
  await expect(moved).toContainText(`answers ARP for 192.168.1.240 (took over from ${node})`);
  await stepList(page).locator('button[data-step="1"]').first().click();
  await expect(arp).toContainText('gratuitous ARP');
  await expect(arp).toContainText('Request who-has 192.168.1.240 tell 192.168.1.240');
  await expect(inspector(page).locator('.where h2')).not.toContainText(node!);
  await page.screenshot({ path: `${shots}/metallb-failover.png` });
});

test('BGP: the router lists its ECMP routes and, at the router step, the next hop its hash chose', async ({ page }) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('metallb-bgp');
  const table = page.locator('.bgp-table');
  await expect(table).toContainText('B 10.10.10.0/24');
  await expect(table.locator('.bgp-hop')).toHaveCount(2);
  await expect(page.locator('.speaker.bgp')).toHaveCount(2);

  await stepList(page).locator('button[data-step="1"]').first().click();
  await expect(table.locator('.bgp-hop.chosen')).toHaveCount(1);
  const chosen = await table.locator('.bgp-hop.chosen').getAttribute('data-next-hop');
  await expect(inspector(page).locator('.matched-rule')).toContainText(`10.10.10.0/24 → ${chosen}`);
  await expect(inspector(page).locator('.listing .hl, .listing [aria-current]').first()).toContainText(`via ${chosen}`);
  await page.screenshot({ path: `${shots}/metallb-bgp.png` });
});
