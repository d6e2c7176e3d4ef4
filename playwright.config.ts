// End-to-end tests against the BUILT site (run `vite build` first), served under a
// sub-path the way a static host would, in the system Chromium when there is one.

import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

// PW_PORT / PW_DIST let several builds be tested side by side (each its own server).
const port = Number(process.env.PW_PORT ?? 4178);
const dist = process.env.PW_DIST ?? 'dist';
const systemChromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: process.env.PW_OUT ?? 'node_modules/.playwright-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The JSON report feeds the one closing line scripts/summary.mjs prints.
  reporter: [['list'], ['json', { outputFile: process.env.PW_JSON ?? 'test-results/playwright.json' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${port}/packetwalk/`,
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `npx tsx e2e/serve.ts ${dist} ${port}`,
    url: `http://127.0.0.1:${port}/packetwalk/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
