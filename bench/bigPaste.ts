// A big cluster pasted into the editor, in Chromium, as figures (never pass/fail): the time from
// the paste until the cluster and its walk are drawn, the long main-thread tasks meanwhile, and
// then, typing 20 characters into that text, each keystroke's echo (key event until the frame
// that shows the character) and the long tasks while typing. Tasks come from a Chromium trace,
// each with its wall time and its CPU time on the main thread: on a shared machine the wall
// time grows with the load, the CPU time much less. Builds nothing: it serves an already built
// site the way the browser tests do.
//
//   npx tsx bench/bigPaste.ts [--dist dist] [--port N] [--runs 5] [--services 1000] [--replicas 5] [--nodes 50] [--label TEXT]

import { type Browser, type Page } from '@playwright/test';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manyServices } from './generate';
import { serveDist } from './serveDist';
import { flag, launchChromium } from './harness';

/** Drawn: the first Service of the pasted text is in the picture and the walk marks its current hop. */
const drawn = '[data-service="default/app-0"]';
const walked = '.drawing [aria-current="step"]';

// Installed before the app loads: the echo of each key.
// A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
const recorder = `
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

/** A main-thread task over 50 ms (wall or CPU), ms. */
interface Task {
  wall: number;
  cpu: number;
}

interface Busy {
  /** The main thread's long tasks. */
  tasks: Task[];
  /** CPU ms of all the main thread's tasks, and of the derive worker's. */
  mainCpu: number;
  workerCpu: number;
}

interface Run extends Busy {
  /** ms from the paste event until the new cluster and its walk are drawn. */
  drawnAfter: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Runs `work` under a Chromium trace and sums the tasks of the page's main thread and of its worker. */
async function traced<T>(browser: Browser, page: Page, work: () => Promise<T>): Promise<{ value: T; busy: Busy }> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const value = await work();
  const raw = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(raw) ? raw : raw.traceEvents;
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const tasks = new Map<string, Task[]>();
  for (const e of events)
    if (e.ph === 'X' && e.name === 'RunTask' && e.dur !== undefined) {
      const key = `${e.pid}:${e.tid}`;
      tasks.set(key, [...(tasks.get(key) ?? []), { wall: e.dur / 1000, cpu: (e.tdur ?? 0) / 1000 }]);
    }
  const cpu = (list: Task[]) => list.reduce((sum, t) => sum + t.cpu, 0);
  // The page's main thread and its worker: the busiest of each name (other renderers idle).
  const busiest = (name: string) =>
    [...tasks].filter(([key]) => names.get(key) === name).sort((a, b) => cpu(b[1]) - cpu(a[1]))[0]?.[1] ?? [];
  const main = busiest('CrRendererMain');
  return {
    value,
    busy: {
      tasks: main.filter((t) => t.wall > 50 || t.cpu > 50),
      mainCpu: cpu(main),
      workerCpu: cpu(busiest('DedicatedWorker thread')),
    },
  };
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
async function pasteAndDraw(page: Page, text: string): Promise<number> {
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
  return end - start;
}

/** Types `text` at the end of the editor's text, a key every `gap` ms, as a learner would; then waits for the model to follow. */
async function typeInto(page: Page, text: string, gap: number): Promise<Typing> {
  await page.evaluate(() => ((window as unknown as { __echo: number[] }).__echo = []));
  for (const key of text) {
    await page.keyboard.type(key);
    await page.waitForTimeout(gap);
  }
  const lastKey = Date.now();
  // The last keys' derive: its tasks are counted too. Without a worker's latest-wins step the
  // requests queue, and the model may take very long to follow.
  const deriving = page.getByRole('status').filter({ hasText: 'deriving…' });
  const followed = await until(async () => (await deriving.count()) === 0, 'the derive after typing').then(
    () => Date.now() - lastKey,
    () => null,
  );
  await page.waitForTimeout(500);
  const echo = await page.evaluate(() => (window as unknown as { __echo: number[] }).__echo);
  return { echo, followed };
}

interface Typing {
  /** Per key, ms from its event to the frame that shows it. */
  echo: number[];
  /** ms from the last key until the model followed (no "deriving…"); null: not within the timeout. */
  followed: number | null;
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const percentile = (values: number[], p: number) => {
  const s = sorted(values);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};
const ms = (v: number) => (Number.isNaN(v) ? '–' : `${v.toFixed(0)} ms`);
const longest = (list: Task[], key: keyof Task) => (list.length ? Math.max(...list.map((t) => t[key])) : 0);
const over = (list: Task[], key: keyof Task, limit: number) => list.filter((t) => t[key] > limit).length;
const busy = (b: Busy) =>
  `main thread CPU ${ms(b.mainCpu)} (worker ${ms(b.workerCpu)}); tasks over 50 ms: ${over(b.tasks, 'wall', 50)} by wall time, ${over(b.tasks, 'cpu', 50)} by CPU; ` +
  `over 100 ms: ${over(b.tasks, 'wall', 100)} / ${over(b.tasks, 'cpu', 100)}; longest ${ms(longest(b.tasks, 'wall'))} wall, ${ms(longest(b.tasks, 'cpu'))} CPU`;

export async function benchBigPaste(argv: string[]): Promise<void> {
  const dist = resolve(flag(argv, 'dist') ?? 'dist');
  const runs = Number(flag(argv, 'runs') ?? 5);
  const services = Number(flag(argv, 'services') ?? 1000);
  const replicas = Number(flag(argv, 'replicas') ?? 5);
  const nodes = Number(flag(argv, 'nodes') ?? 50);
  const label = flag(argv, 'label');
  const text = manyServices(services, replicas, nodes);
  const typed = '# twenty characters.';
  const served = await serveDist(dist, flag(argv, 'port') ? Number(flag(argv, 'port')) : undefined);
  const browser: Browser = await launchChromium();
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
    let typing: (Typing & { busy: Busy }) | null = null;
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
      // tsx compiles with esbuild's keepNames, which wraps the functions passed to evaluate in __name().
      await context.addInitScript('window.__name = (f) => f');
      await context.addInitScript({ content: recorder });
      const page = await context.newPage();
      try {
        await openEmpty(page, served.url);
        const { value: drawnAfter, busy: b } = await traced(browser, page, () => pasteAndDraw(page, text));
        results.push({ drawnAfter, ...b });
        console.log(`  run ${i + 1}: drawn after ${ms(drawnAfter)}; ${busy(b)}`);
        // Typing is measured once, in the last run's page, with the big text drawn, on a line of its own.
        if (i === runs - 1) {
          await page.keyboard.press('Control+End');
          await page.keyboard.press('Enter');
          await page.waitForTimeout(1000);
          const { value, busy: b } = await traced(browser, page, () => typeInto(page, typed, 150));
          typing = { ...value, busy: b };
        }
      } finally {
        await context.close();
      }
    }
    const times = results.map((r) => r.drawnAfter);
    console.log(
      `\n  paste → drawn: median ${ms(percentile(times, 50))} (min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))}) over ${runs} runs`,
    );
    const all = results.flatMap((r) => r.tasks);
    const median = (key: keyof Busy) =>
      ms(
        percentile(
          results.map((r) => r[key] as number),
          50,
        ),
      );
    console.log(`  main thread CPU from paste to drawn: median ${median('mainCpu')} (the worker's: ${median('workerCpu')})`);
    console.log(
      `  long main-thread tasks, all runs: ${over(all, 'wall', 50)} over 50 ms wall (${over(all, 'cpu', 50)} by CPU), ` +
        `${over(all, 'wall', 100)} over 100 ms wall (${over(all, 'cpu', 100)} by CPU); longest ${ms(longest(all, 'wall'))} wall, ${ms(longest(all, 'cpu'))} CPU`,
    );
    if (typing) {
      console.log(`\n  typing ${typed.length} characters at the end, a key every 150 ms:`);
      console.log(
        `    keystroke echo (key event → the frame that paints it): p50 ${ms(percentile(typing.echo, 50))}, p95 ${ms(percentile(typing.echo, 95))}, max ${ms(Math.max(...typing.echo))} (${typing.echo.length} keys)`,
      );
      console.log(
        `    the model followed ${typing.followed === null ? 'not within 120 s' : `${ms(typing.followed)}`} after the last key; ${busy(typing.busy)}`,
      );
    }
  } finally {
    await browser.close();
    served.stop();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchBigPaste(process.argv.slice(2));
