// What the browser benchmarks share: their flags and the Chromium they drive.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'vite';

/** The value after `--name` on the command line, if given. */
export function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** Debian's Chromium, launched as the browser tests launch it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * `dir/model.js`: the model of the checkout at `checkout`, bundled by Vite as the derive worker
 * runs it, and `dir/index.html`, a page under the site's policy (the server sends it as a header
 * too: no eval here either) that loads nothing until the benchmark imports it.
 */
export async function buildModelPage(checkout: string, dir: string, title: string): Promise<void> {
  await build({
    root: checkout,
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir: dir,
      emptyOutDir: false,
      lib: { entry: join(checkout, 'src/model/index.ts'), formats: ['es'], fileName: () => 'model.js' },
    },
  });
  const csp = "default-src 'self'; script-src 'self'; connect-src 'self'";
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><meta http-equiv="Content-Security-Policy" content="${csp}"><title>${title}</title>`,
  );
}
