// What a visitor's browser loads before the first step of the walk is drawn, as figures (never
// pass/fail): for the full app (index.html) and the embed player (embed.html), every response
// that arrived before the picture showed its current hop, with its size as a static host would
// send it gzipped, the time from navigation to that first drawn step and the longest main-thread
// tasks the browser reported while loading. Builds nothing: it serves an already built site the
// way the browser tests do.
//
//   npx tsx bench/firstLoad.ts [--dist dist] [--port N] [--runs 5] [--pages index,embed,…]

import { type Browser } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { serveDist } from './serveDist';
import { flag, launchChromium } from './harness';

interface PageCase {
  id: string;
  /** Relative to the site's root. */
  path: string;
}

const cases: PageCase[] = [
  { id: 'index', path: 'index.html' },
  { id: 'embed', path: 'embed.html?scenario=hostnames' },
  { id: 'embed-metallb', path: 'embed.html?scenario=metallb-l2' },
];

/** The picture marks the element the packet is at: the first drawn step. */
const drawnStep = '.drawing [aria-current="step"]';

/** How long after the first drawn step load tasks are still counted (a lazy chunk, the rest of the inspector). */
const settleMs = 1000;

interface Load {
  /** ms from navigation start to the first drawn step. */
  drawnAt: number;
  /** Long tasks (> 50 ms, as the browser reports them) until `settleMs` after the first drawn step. */
  longTasks: { start: number; duration: number }[];
  /** What had arrived by then; `at` in ms from navigation start. */
  files: { name: string; bytes: number; gzip: number; at: number }[];
}

async function loadOnce(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  // Noted in the page, the moment the current hop first appears (a MutationObserver, no polling),
  // and every long task from the start (the observer is in place before the page's first script).
  // A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
  await page.addInitScript({
    content: `window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    const seen = new MutationObserver(() => {
      if (document.querySelector(${JSON.stringify(drawnStep)})) { window.drawnAt = performance.now(); seen.disconnect(); }
    });
    seen.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-current'] });`,
  });
  const files: (Load['files'][number] & { end: number })[] = [];
  const pending: Promise<void>[] = [];
  // Responses of the page and of its workers alike, with when each ended (epoch ms).
  context.on('requestfinished', (request) => {
    pending.push(
      request.response().then(async (response) => {
        const body = await response?.body().catch(() => null);
        if (!body) return;
        const { startTime, responseEnd } = request.timing();
        const name = new URL(request.url()).pathname.split('/').pop() || '/';
        files.push({ name, bytes: body.length, gzip: gzipSync(body).length, at: 0, end: startTime + responseEnd });
      }),
    );
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { drawnAt?: number }).drawnAt !== undefined, undefined, { timeout: 30_000 });
  await page.waitForTimeout(settleMs);
  const { drawnAt, origin, longTasks } = (await page.evaluate(
    '({ drawnAt: window.drawnAt, origin: performance.timeOrigin, longTasks: window.longTasks })',
  )) as Pick<Load, 'drawnAt' | 'longTasks'> & { origin: number };
  await Promise.all(pending);
  await context.close();
  const before = files
    .filter((f) => f.end <= origin + drawnAt)
    .map(({ end, ...f }) => ({ ...f, at: end - origin }))
    .sort((a, b) => b.gzip - a.gzip);
  return { drawnAt, longTasks: longTasks.filter((task) => task.start <= drawnAt + settleMs), files: before };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchFirstLoad(argv: string[]): Promise<void> {
  const dist = resolve(flag(argv, 'dist') ?? 'dist');
  const runs = Number(flag(argv, 'runs') ?? 5);
  const only = flag(argv, 'pages')?.split(',');
  const served = await serveDist(dist, flag(argv, 'port') ? Number(flag(argv, 'port')) : undefined);
  const browser = await launchChromium();
  try {
    console.log(`\nFirst load — ${dist}, ${runs} runs each, a fresh browser context (empty cache) per run`);
    for (const c of cases.filter((c) => !only || only.includes(c.id))) {
      const loads: Load[] = [];
      for (let i = 0; i < runs; i++) loads.push(await loadOnce(browser, served.url + c.path));
      const last = loads[loads.length - 1];
      const total = (l: Load, key: 'bytes' | 'gzip') => l.files.reduce((sum, f) => sum + f[key], 0);
      console.log(`\n${c.path}`);
      console.log(
        `  before the first drawn step: ${kb(total(last, 'gzip'))} gzip (${kb(total(last, 'bytes'))} as served), ${last.files.length} files`,
      );
      for (const f of last.files) console.log(`    ${kb(f.gzip).padStart(9)} gzip ${kb(f.bytes).padStart(10)}  ${f.name}`);
      const spread = (values: number[]) =>
        `median ${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})`;
      console.log(`  first drawn step after: ${spread(loads.map((l) => l.drawnAt))}`);
      // A run without a long task counts as 0 (every task under the browser's 50 ms threshold).
      const longest = (l: Load, until: number) => Math.max(0, ...l.longTasks.filter((t) => t.start <= until).map((t) => t.duration));
      console.log(`  longest main-thread task before the first drawn step: ${spread(loads.map((l) => longest(l, l.drawnAt)))}`);
      console.log(
        `  longest main-thread task until ${settleMs} ms after it: ${spread(loads.map((l) => longest(l, l.drawnAt + settleMs)))}`,
      );
      console.log(
        `    last run's long tasks (start+duration ms): ${last.longTasks.map((t) => `${t.start.toFixed(0)}+${t.duration.toFixed(0)}`).join(', ') || 'none'}`,
      );
    }
  } finally {
    await browser.close();
    served.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchFirstLoad(process.argv.slice(2));
