// The migration view as a learner meets it: in Chromium, the gallery's "Your Ingress, migrated",
// then the time from clicking "Migrate to Gateway API" to the table of requests on screen
// (conversion, the second model, every request through both, drawn), and from "Add" to the
// learner's own request in the table. Wall clock seen from the test driver, a fresh page per run.
//
// `npx vite build` first, then `npm run bench -- migrate-browser [--dist dist] [--runs 5]`.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { flag, launchChromium } from './harness';
import { serveDist } from './serveDist';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchMigrateBrowser(argv: string[]): Promise<void> {
  const dist = resolve(flag(argv, 'dist') ?? 'dist');
  const runs = Number(flag(argv, 'runs') ?? 5);
  if (!existsSync(resolve(dist, 'index.html'))) throw new Error(`no app in ${dist}: run npx vite build first`);
  const served = await serveDist(dist);
  const browser = await launchChromium();
  const open: number[] = [];
  const add: number[] = [];
  let rows = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(served.url);
      await page.getByRole('combobox', { name: 'Scenario' }).selectOption('ingress-migrate');
      const button = page.getByRole('button', { name: 'Migrate to Gateway API' });
      await button.waitFor();
      const view = page.locator('.migrate-panel');
      let t = performance.now();
      await button.click();
      await view.locator('tbody tr').first().waitFor();
      open.push(performance.now() - t);
      rows = await view.locator('tbody tr').count();
      await view.getByRole('textbox', { name: 'URL' }).fill('https://shop.example.test/API/orders');
      t = performance.now();
      await view.getByRole('button', { name: 'Add to the table' }).click();
      await view.locator('tbody tr').nth(rows).waitFor();
      add.push(performance.now() - t);
      await page.close();
    }
  } finally {
    await browser.close();
    served.stop();
  }
  console.log(`\n# Migrate to Gateway API in Chromium, the ingress-migrate scenario at 1440×900 (median of ${runs}, a fresh page each)`);
  console.log(
    `click "Migrate to Gateway API" → ${rows} requests compared on screen   median ${median(open).toFixed(0)} ms  (min ${Math.min(...open).toFixed(0)}, max ${Math.max(...open).toFixed(0)})`,
  );
  console.log(
    `click "Add to the table" → the learner's request in the table             median ${median(add).toFixed(0)} ms  (min ${Math.min(...add).toFixed(0)}, max ${Math.max(...add).toFixed(0)})`,
  );
}
