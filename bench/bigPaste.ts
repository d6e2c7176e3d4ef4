// A big cluster pasted into the editor, in Chromium, as figures (never pass/fail): the time from
// the paste until the cluster and its walk are drawn, the long main-thread tasks meanwhile, and
// then, typing 20 characters into that text, each keystroke's echo (key event until the frame
// that shows the character) and the long tasks while typing. Builds nothing: it serves an
// already built site the way the browser tests do.
//
//   npx tsx bench/bigPaste.ts [--dist dist] [--port N] [--runs 5] [--services 1000] [--replicas 5] [--nodes 50] [--label TEXT]

import { chromium, type Browser, type Page } from '@playwright/test';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manyServices } from './generate';
import { serveDist } from './serveDist';

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** Drawn: the first Service of the pasted text is in the picture and the walk marks its current hop. */
const drawn = '[data-service="default/app-0"]';
const walked = '.drawing [aria-current="step"]';

// Installed before the app loads: every long task with its start, and the echo of each key.
// A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
const recorder = `
window.__long = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]); })
  .observe({ type: 'longtask', buffered: true });
window.__echo = [];
document.addEventListener('keydown', (e) => {
  if (e.key.length !== 1) return;
  const pressed = e.timeStamp;
  const editor = document.querySelector('.cm-content');
  // The character is in the editor's DOM; the frame after that mutation paints it.
  const seen = new MutationObserver(() => {
    seen.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__echo.push(performance.now() - pressed);
      channel.port2.postMessage(null);
    });
  });
  seen.observe(editor, { childList: true, subtree: true, characterData: true });
}, true);
`;

interface Run {
  /** ms from the paste event until the new cluster and its walk are drawn. */
  drawnAfter: number;
  /** Durations of the long tasks (> 50 ms) from the paste until drawn, ms. */
  longTasks: number[];
}

async function until(check: () => Promise<boolean>, what: string, timeout = 120_000): Promise<void> {
  for (const started = Date.now(); !(await check()); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
  }
}

/** Opens the app on the learner's own (empty) manifests, ready for a paste. */
async function openEmpty(page: Page, url: string): Promise<void> {
  const play = page.getByRole('button', { name: 'Play', exact: true });
  await page.goto(url);
  await until(() => play.isEnabled(), 'the default scenario');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('');
  await page.getByRole('textbox', { name: 'Manifests' }).click();
  await page.waitForTimeout(500);
}

/** Pastes the text as the clipboard would, and waits in the page (no polling) for the drawing of its walk. */
async function pasteAndDraw(page: Page, text: string): Promise<Run> {
  const editor = page.getByRole('textbox', { name: 'Manifests' });
  await page.keyboard.press('Control+A');
  const { start, end } = await editor.evaluate(
    (el, [data, drawn, walked]) =>
      new Promise<{ start: number; end: number }>((resolve) => {
        const start = performance.now();
        const done = () => {
          if (!document.querySelector(drawn) || !document.querySelector(walked)) return false;
          // The frame that shows it: a message posted from its animation frame runs after its paint.
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve({ start, end: performance.now() });
            channel.port2.postMessage(null);
          });
          return true;
        };
        const seen = new MutationObserver(() => {
          if (done()) seen.disconnect();
        });
        seen.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-current', 'data-service'] });
        const clipboardData = new DataTransfer();
        clipboardData.setData('text/plain', data);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
      }),
    [text, drawn, walked] as const,
  );
  const longTasks = await longTasksBetween(page, start, end);
  return { drawnAfter: end - start, longTasks };
}

async function longTasksBetween(page: Page, from: number, to: number): Promise<number[]> {
  const all = await page.evaluate(() => (window as unknown as { __long: [number, number][] }).__long);
  return all.filter(([at, d]) => at + d >= from && at <= to).map(([, d]) => d);
}

/** Types `text` at the end of the editor's text, a key every `gap` ms, as a learner would. */
async function typeInto(page: Page, text: string, gap: number): Promise<{ echo: number[]; longTasks: number[] }> {
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1000);
  const from = await page.evaluate(() => {
    (window as unknown as { __echo: number[] }).__echo = [];
    return performance.now();
  });
  for (const key of text) {
    await page.keyboard.type(key);
    await page.waitForTimeout(gap);
  }
  // The last keys' derive: wait until the model has followed, so its tasks are counted too.
  const deriving = page.getByRole('status').filter({ hasText: 'deriving…' });
  await until(async () => (await deriving.count()) === 0, 'the derive after typing');
  await page.waitForTimeout(500);
  const to = await page.evaluate(() => performance.now());
  const echo = await page.evaluate(() => (window as unknown as { __echo: number[] }).__echo);
  return { echo, longTasks: await longTasksBetween(page, from, to) };
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const percentile = (values: number[], p: number) => {
  const s = sorted(values);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};
const ms = (v: number) => (Number.isNaN(v) ? '–' : `${v.toFixed(0)} ms`);
const tasks = (list: number[]) =>
  list.length ? `${list.length} (total ${ms(list.reduce((a, b) => a + b, 0))}, longest ${ms(Math.max(...list))})` : 'none';

export async function benchBigPaste(argv: string[]): Promise<void> {
  const dist = resolve(arg(argv, 'dist') ?? 'dist');
  const runs = Number(arg(argv, 'runs') ?? 5);
  const services = Number(arg(argv, 'services') ?? 1000);
  const replicas = Number(arg(argv, 'replicas') ?? 5);
  const nodes = Number(arg(argv, 'nodes') ?? 50);
  const label = arg(argv, 'label');
  const text = manyServices(services, replicas, nodes);
  const typed = '# twenty characters.';
  const served = await serveDist(dist, arg(argv, 'port') ? Number(arg(argv, 'port')) : undefined);
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    console.log(`\nBig paste${label ? ` — ${label}` : ''} — ${dist}`);
    const cpu = cpus();
    console.log(
      `  ${new Date().toISOString()}; Chromium ${browser.version()} headless, 1440×900; ${cpu.length} cores, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `  the text: ${services} Services × ${replicas} pods, ${nodes} nodes — ${(text.length / 1024).toFixed(0)} KB, ${text.split('\n').length} lines`,
    );
    const results: Run[] = [];
    let typing: { echo: number[]; longTasks: number[] } | null = null;
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
      // tsx compiles with esbuild's keepNames, which wraps the functions passed to evaluate in __name().
      await context.addInitScript('window.__name = (f) => f');
      await context.addInitScript({ content: recorder });
      const page = await context.newPage();
      try {
        await openEmpty(page, served.url);
        const run = await pasteAndDraw(page, text);
        results.push(run);
        console.log(`  run ${i + 1}: drawn after ${ms(run.drawnAfter)}; long tasks ${tasks(run.longTasks)}`);
        // Typing is measured once, in the last run's page, with the big text drawn.
        if (i === runs - 1) typing = await typeInto(page, typed, 150);
      } finally {
        await context.close();
      }
    }
    const times = results.map((r) => r.drawnAfter);
    console.log(`\n  paste → drawn: median ${ms(percentile(times, 50))} (min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))}) over ${runs} runs`);
    const allLong = results.flatMap((r) => r.longTasks);
    console.log(`  long tasks from paste to drawn, all runs: ${tasks(allLong)}; median task ${ms(percentile(allLong, 50))}`);
    if (typing) {
      console.log(`\n  typing ${typed.length} characters at the end, a key every 150 ms:`);
      console.log(
        `    keystroke echo (key event → the frame that paints it): p50 ${ms(percentile(typing.echo, 50))}, p95 ${ms(percentile(typing.echo, 95))}, max ${ms(Math.max(...typing.echo))} (${typing.echo.length} keys)`,
      );
      console.log(`    long tasks while typing and until the model followed: ${tasks(typing.longTasks)}`);
    }
  } finally {
    await browser.close();
    served.stop();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchBigPaste(process.argv.slice(2));
