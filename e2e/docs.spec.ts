/// <reference lib="dom" />
// The README's picture: the hostnames scenario mid-walk, at the hop where kube-proxy's DNAT
// rule acts (highlighted in the node's iptables-save). The walk is checked on every run; the PNG
// is rewritten only with UPDATE_DOCS=1, so a test run leaves the committed picture alone.

import { expect, test } from '@playwright/test';
import { inspector, open, showAllSteps, stepList } from './helpers';

test('docs/screenshot.png: hostnames mid-walk, the DNAT rule highlighted', async ({ page }) => {
  await open(page);
  await showAllSteps(page);
  const steps = stepList(page).locator('.step');
  const count = await steps.count();
  for (let i = 0; i < count; i++) {
    await steps.nth(i).getByRole('button').click();
    // allTextContents does not wait: most hops have no rule.
    if ((await inspector(page).locator('.matched-rule').allTextContents()).some((r) => r.includes('-j DNAT'))) break;
  }
  await expect(inspector(page).locator('.listing li.matched')).toContainText('-j DNAT');
  await expect(inspector(page).locator('.listing li.matched')).toBeInViewport();
  await page.screenshot({ path: process.env.UPDATE_DOCS === '1' ? 'docs/screenshot.png' : 'e2e/screenshots/docs.png' });
});
