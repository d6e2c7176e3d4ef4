// Playback smoothness in Chromium, as figures (never pass/fail): the frame times while
// playing every gallery scenario and a generated 20-node × 200-pod cluster, and the
// main-thread cost of one step change. Builds nothing: it serves an already built site.
//
//   npx tsx bench/playback.ts [--dist dist] [--port N] [--seconds 10] [--steps 10]
//                             [--viewport 1440x900] [--only hostnames,generated] [--label TEXT] [--shots DIR]

import { type Browser, type CDPSession, type ElementHandle, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manyServices } from './generate';
import { clickAndPaint, clickFrameWork, recordPlayback, type PlaybackSample } from './inPage';
import { serveDist } from './serveDist';
import { flag, launchChromium } from './harness';

interface Options {
  dist: string;
  port?: number;
  seconds: number;
  steps: number;
  viewport: { width: number; height: number };
  only: string[] | null;
  label: string;
  /** Where to save a screenshot of each scenario after its playback, to see what was measured. */
  shots?: string;
}

interface Scenario {
  id: string;
  /** Pasted into the editor; without it, the scenario is picked from the gallery. */
  text?: string;
  /** An element that is drawn once the pasted text has been derived. */
  drawn?: string;
}

/** CDP Performance metrics accumulated over a window: counts, and durations in seconds of main-thread CPU time. */
type Metrics = Record<string, number>;

interface Result {
  id: string;
  play: PlaybackSample;
  busy: Metrics;
  steps: Metrics[];
  /** Per step change: the main-thread work of the frame that shows it (wall-clock ms, in the page). */
  frames: number[];
  harness: Metrics[];
}

const generated: Scenario = { id: 'generated', text: manyServices(100, 2, 20), drawn: '[data-service="default/app-0"]' };
const generatedTitle = 'generated: 20 nodes, 100 Services × 2 pods';

function parseArgs(argv: string[]): Options {
  const value = (name: string) => flag(argv, name);
  const [width, height] = (value('viewport') ?? '1440x900').split('x').map(Number);
  return {
    dist: resolve(value('dist') ?? 'dist'),
    port: value('port') ? Number(value('port')) : undefined,
    seconds: Number(value('seconds') ?? 10),
    steps: Number(value('steps') ?? 10),
    viewport: { width, height },
    only: value('only')?.split(',') ?? null,
    label: value('label') ?? '',
    shots: value('shots'),
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
const ms = (v: number) => (Number.isNaN(v) ? '–' : v.toFixed(1));

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/** What `work` returned and the metrics accumulated while it ran (object counts as they are at its end). */
async function during<T>(cdp: CDPSession, work: () => Promise<T>): Promise<{ value: T; used: Metrics }> {
  const before = await metrics(cdp);
  const value = await work();
  const after = await metrics(cdp);
  const used = Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - (before[k] ?? 0)]));
  return { value, used: { ...used, Nodes: after.Nodes, LayoutObjects: after.LayoutObjects } };
}

async function until(check: () => Promise<boolean>, what: string, timeout = 60_000): Promise<void> {
  for (const started = Date.now(); !(await check()); await new Promise((r) => setTimeout(r, 100))) {
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
  }
}

/** Opens a gallery scenario, or pastes a text into an empty editor, and waits until its walk is drawn. */
async function openScenario(page: Page, url: string, scenario: Scenario): Promise<void> {
  const play = page.getByRole('button', { name: 'Play', exact: true });
  const picker = page.getByRole('combobox', { name: 'Scenario' });
  const deriving = page.getByRole('status').filter({ hasText: 'deriving…' });
  await page.goto(url);
  await until(() => play.isEnabled(), 'the default scenario');
  if (scenario.text === undefined) {
    await picker.selectOption(scenario.id);
    await until(async () => (await picker.inputValue()) === scenario.id, `the ${scenario.id} scenario`);
  } else {
    await picker.selectOption('');
    await paste(page, scenario.text);
    await until(async () => (await page.locator(scenario.drawn!).count()) > 0, `the drawing of ${scenario.id}`);
  }
  await until(async () => (await deriving.count()) === 0 && (await play.isEnabled()), `the walk of ${scenario.id}`);
  // Pasting on a phone scrolled to the editor's tab; measure the page as it opens, picture on top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(1000);
}

/** The editor reads a paste event, as from a real paste (as e2e/helpers.ts does); on a phone it is a tab away. */
async function paste(page: Page, text: string): Promise<void> {
  const editorTab = page.getByRole('tab', { name: 'Manifests' });
  const shown = (await editorTab.count()) ? await page.getByRole('tab', { selected: true }).textContent() : null;
  if (shown !== null) await editorTab.click();
  const editor = page.getByRole('textbox', { name: 'Manifests' });
  await editor.click();
  await editor.evaluate((el, data) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', data);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, text);
  if (shown !== null) await page.getByRole('tab', { name: shown, exact: true }).click();
}

async function setSpeed(page: Page, speed: string): Promise<void> {
  const select = page.getByRole('combobox', { name: 'Speed' });
  if (await select.count()) await select.selectOption(speed);
}

/** Main-thread CPU time from a click on Step forward until its frame is painted, and the same without the click. */
async function stepCosts(page: Page, cdp: CDPSession, count: number): Promise<{ steps: Metrics[]; frames: number[]; harness: Metrics[] }> {
  const forward = page.getByRole('button', { name: 'Step forward', exact: true });
  const paused = page.getByRole('button', { name: 'Play', exact: true });
  const steps: Metrics[] = [];
  const frames: number[] = [];
  const harness: Metrics[] = [];
  for (let i = 0; i < count && (await forward.isEnabled()); i++) {
    harness.push((await during(cdp, () => page.evaluate(clickAndPaint, null))).used);
    const button = (await forward.elementHandle()) as ElementHandle<HTMLElement>;
    const { value, used } = await during(cdp, () => button.evaluate(clickFrameWork));
    steps.push(used);
    frames.push(value);
    // Step forward travels to the next hop; the next step starts once it has arrived.
    await paused.waitFor();
  }
  return { steps, frames, harness };
}

async function measureScenario(browser: Browser, url: string, scenario: Scenario, options: Options): Promise<Result> {
  const context = await browser.newContext({ viewport: options.viewport, locale: 'en-US' });
  // tsx compiles with esbuild's keepNames, which wraps the functions passed to evaluate in __name().
  await context.addInitScript('window.__name = (f) => f');
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    // CPU time, not wall time: the machine is shared, and a descheduled thread is not doing the app's work.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await openScenario(page, url, scenario);
    await setSpeed(page, '4');
    const { steps, frames, harness } = await stepCosts(page, cdp, options.steps);
    await setSpeed(page, '1');
    const play = (await page.getByRole('button', { name: 'Play', exact: true }).elementHandle()) as ElementHandle<HTMLElement>;
    const { value, used } = await during(cdp, () => play.evaluate(recordPlayback, options.seconds * 1000));
    const { width, height } = options.viewport;
    if (options.shots) await page.screenshot({ path: join(options.shots, `${scenario.id}-${width}x${height}.png`) });
    return { id: scenario.id, play: value, busy: used, steps, frames, harness };
  } finally {
    await context.close();
  }
}

function printResults(results: Result[], seconds: number): void {
  const name = (id: string) => (id === generated.id ? generatedTitle : id);
  const width = Math.max(...results.map((r) => name(r.id).length), 8);
  const table = (title: string, head: string[], widths: number[], rows: (r: Result) => string[]) => {
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(width) : c.padStart(widths[i - 1]))).join('  ');
    console.log(`\n## ${title}`);
    console.log(line(['scenario', ...head]));
    for (const r of results) console.log(line([name(r.id), ...rows(r)]));
  };
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const msOf = (list: Metrics[], key: string) => sorted(list.map((m) => m[key] * 1000));
  /** Main-thread CPU ms split as the browser counts it; "other" is paint, GC, the DevTools commands and the rest. */
  const split = (task: number, script: number, style: number, layout: number) =>
    [task, script, style, layout, task - script - style - layout].map(ms);

  table(
    `while playing (1×, ${seconds} s): requestAnimationFrame deltas in ms; long tasks are those over 50 ms`,
    ['frames', 'fps', 'p50', 'p95', 'p99', 'max', 'long tasks (max)', 'replays', 'step change med/p95'],
    [6, 5, 6, 6, 6, 6, 16, 7, 19],
    (r) => {
      const d = sorted(r.play.deltas);
      const s = msOf(r.steps, 'TaskDuration');
      const longest = r.play.longTasks.length ? ` (${Math.max(...r.play.longTasks).toFixed(0)})` : '';
      return [
        String(d.length),
        ((d.length / d.reduce((a, b) => a + b, 0)) * 1000).toFixed(1),
        ...[50, 95, 99, 100].map((p) => ms(percentile(d, p))),
        `${r.play.longTasks.length}${longest}`,
        String(r.play.replays),
        `${ms(percentile(s, 50))} / ${ms(percentile(s, 95))}`,
      ];
    },
  );

  table(
    'main-thread CPU per frame while playing, ms (CDP Performance.getMetrics; other = paint, GC, the rest)',
    ['task', 'script', 'style', 'layout', 'other', 'layouts', 'layout objects', 'DOM nodes'],
    [6, 6, 6, 6, 6, 7, 14, 9],
    ({ busy: b, play }) => {
      const perFrame = (key: string) => (b[key] * 1000) / play.deltas.length;
      return [
        ...split(perFrame('TaskDuration'), perFrame('ScriptDuration'), perFrame('RecalcStyleDuration'), perFrame('LayoutDuration')),
        String(b.LayoutCount),
        String(b.LayoutObjects),
        String(b.Nodes),
      ];
    },
  );

  table(
    'one step change: main-thread CPU ms from a click on "Step forward" until the frame that shows it has been painted',
    ['median', 'p95', 'script', 'style', 'layout', 'other', 'harness', 'its frame med/p95'],
    [6, 6, 6, 6, 6, 6, 7, 17],
    ({ steps, frames, harness }) => {
      const median = (list: Metrics[], key: string) => percentile(msOf(list, key), 50);
      const task = msOf(steps, 'TaskDuration');
      const [, script, style, layout, other] = split(
        percentile(task, 50),
        median(steps, 'ScriptDuration'),
        median(steps, 'RecalcStyleDuration'),
        median(steps, 'LayoutDuration'),
      );
      return [
        ms(percentile(task, 50)),
        ms(percentile(task, 95)),
        script,
        style,
        layout,
        other,
        ms(median(harness, 'TaskDuration')),
        `${ms(percentile(sorted(frames), 50))} / ${ms(percentile(sorted(frames), 95))}`,
      ];
    },
  );
  console.log('(script, style, layout, other: medians of each; harness: the same window without a click, included in the others;');
  console.log(
    " its frame: the click's task and the rendering of the frame that shows it, wall-clock in the page — work the app defers past that paint is not in it)",
  );
}

export async function benchPlayback(argv: string[]): Promise<void> {
  const options = parseArgs(argv);
  const gallery = JSON.parse(readFileSync(join(options.dist, 'scenarios', 'index.json'), 'utf8')) as { id: string }[];
  const scenarios = [...gallery.map(({ id }) => ({ id })), generated].filter((s) => !options.only || options.only.includes(s.id));
  const server = await serveDist(options.dist, options.port);
  const browser = await launchChromium();
  try {
    const cpu = cpus();
    console.log(`# PacketWalk playback${options.label ? ` — ${options.label}` : ''}`);
    const load = loadavg().map((l) => l.toFixed(1));
    console.log(
      `# ${new Date().toISOString()}; ${cpu.length} cores (${cpu[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GB; load average ${load.join(' ')}`,
    );
    console.log(`# Chromium ${browser.version()} headless; ${options.viewport.width}×${options.viewport.height}; site ${options.dist}`);
    const results: Result[] = [];
    for (const scenario of scenarios) {
      const started = Date.now();
      results.push(await measureScenario(browser, server.url, scenario, options));
      console.error(`  ${scenario.id} measured in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    printResults(results, options.seconds);
  } finally {
    await browser.close();
    server.stop();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchPlayback(process.argv.slice(2));
