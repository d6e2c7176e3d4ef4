// The hostile inputs of issue 14 (e2e/fixtures/hostile/) in Chromium, as figures (never
// pass/fail): for each, the time until the page answers it with something the learner can read —
// a problem listed under the editor, a note saying the text was not computed (safe mode), or the
// walk drawn — and how long a task queued then waits (a page that answers runs it at once).
// Each is timed three ways: pasted into the editor; stored as the learner's text and opened (as a
// text saved before a freeze would be); and, when that visit did not answer, the next visit once
// the frozen tab was exited as the browser's "Page unresponsive" dialog does (what the frozen visit
// left in storage decides it). An ordinary text opened the same ways is the
// baseline. Builds nothing: it serves an already built site the way the browser tests do.
//
//   npx tsx bench/hostileBrowser.ts [--dist dist] [--port N] [--limit 20] [--only name,name]

import { type Browser, type BrowserContext, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flag, launchChromium } from './harness';
import { serveDist } from './serveDist';

const fixtures = fileURLToPath(new URL('../e2e/fixtures/hostile/', import.meta.url));

/**
 * What the page shows for the text, if anything yet: checked in the page, so an answer also
 * means the page runs tasks. A string, not a function: tsx would wrap a function's inner names
 * in a helper the page lacks.
 */
const answered = `(() => {
  if (document.querySelector('.link-note.problem')) return 'a note: not computed';
  if (document.querySelector('.diagnostics .diag')) return 'problems listed';
  if (document.querySelector('.drawing [aria-current="step"]')) return 'walk drawn';
  return null;
})()`;

/** ms a task queued now waits before it runs. */
const queueWait = (page: Page) =>
  page.evaluate(
    'new Promise((done) => { const t = performance.now(); setTimeout(() => done(performance.now() - t)); })',
  ) as Promise<number>;

interface Answer {
  /** ms from the paste (or the navigation) until the answer; null: none within the limit. */
  after: number | null;
  what: string;
  /** ms a task queued right after the answer waited. */
  wait: number | null;
}

const viewport = { width: 1440, height: 900 };

const sleep = (ms: number) => new Promise<null>((r) => setTimeout(() => r(null), ms));

/**
 * Waits for the answer, timed from `since` (performance.now() in the page, or 0 for the
 * navigation). Polled from here: the page's CSP forbids the evaluated predicates of
 * waitForFunction, and a frozen page never answers a poll (the limit ends the wait).
 */
async function answerOf(page: Page, since: number, limitMs: number): Promise<Answer> {
  const deadline = Date.now() + limitMs;
  const poll = async (): Promise<Answer | null> => {
    while (Date.now() < deadline) {
      // A page between documents has no context to ask, and an ask sent as it changes may never
      // be answered: asked again.
      const ask = page.evaluate(`[${answered}, performance.now()]`).catch(() => null) as Promise<[string | null, number] | null>;
      const seen = await Promise.race([ask, sleep(1_000)]);
      if (seen?.[0]) return { after: seen[1] - since, what: seen[0], wait: await queueWait(page) };
      await sleep(20);
    }
    return null;
  };
  const answer = await Promise.race([poll(), sleep(limitMs)]);
  return answer ?? { after: null, what: `no answer within ${limitMs / 1000} s (the page is frozen)`, wait: null };
}

/** Opens the app in a new page; a page frozen before its load event is still timed (from its navigation). */
async function visit(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  return page;
}

/** Closes a page that may be frozen, without waiting on it for long. */
async function drop(page: Page): Promise<void> {
  await Promise.race([page.close({ runBeforeUnload: false }).catch(() => undefined), sleep(5_000)]);
}

/** The learner's own manifests: an empty editor to paste into, or `text` as if saved by an earlier visit. */
async function seed(context: BrowserContext, text: string): Promise<void> {
  const stored = { 'packetwalk:mine': text, 'packetwalk:scenario': '' };
  await context.addInitScript({
    content: `if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      for (const [k, v] of Object.entries(${JSON.stringify(stored)})) localStorage.setItem(k, v);
    }`,
  });
}

async function pasted(browser: Browser, url: string, text: string, limitMs: number): Promise<Answer> {
  const context = await browser.newContext({ viewport });
  await seed(context, '');
  const page = await context.newPage();
  await page.goto(url);
  const editor = page.getByRole('textbox', { name: 'Manifests' });
  await editor.click();
  await page.keyboard.press('Control+A');
  // The paste's time is noted in the page; evaluate returns before the derive it starts.
  const since = (await editor.evaluate((el, data) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', data);
    const at = performance.now();
    setTimeout(() => el.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true })));
    return at;
  }, text)) as number;
  const answer = await answerOf(page, since, limitMs);
  await drop(page);
  await context.close();
  return answer;
}

/**
 * Ends a frozen tab the way the browser's "Page unresponsive — Exit page" does: its renderer (the
 * busiest one) is killed; the browser, and the storage it holds for the site, live on.
 */
async function exitFrozen(browser: Browser): Promise<void> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number; cpuTime: number }[] };
  const busiest = processInfo.filter((p) => p.type === 'renderer').sort((a, b) => b.cpuTime - a.cpuTime)[0];
  if (busiest) process.kill(busiest.id, 'SIGKILL');
  await cdp.detach();
}

/** The text stored, then opened: the first visit, and when it did not answer, the next one once the frozen tab was exited. */
async function stored(browser: Browser, url: string, text: string, limitMs: number): Promise<[Answer, Answer | null]> {
  const context = await browser.newContext({ viewport });
  await seed(context, text);
  const first = await visit(context, url);
  const answer = await answerOf(first, 0, limitMs);
  let next: Answer | null = null;
  if (answer.after === null) {
    const crashed = new Promise((r) => first.once('crash', r));
    await exitFrozen(browser);
    // The next tab only once the browser knows the renderer is gone (else it may be given that one).
    await Promise.race([crashed, sleep(5_000)]);
    await drop(first);
    await sleep(1_000);
    next = await answerOf(await visit(context, url), 0, limitMs);
  }
  await Promise.race([context.close(), sleep(10_000)]);
  return [answer, next];
}

const shown = (a: Answer) =>
  a.after === null ? a.what : `${a.after.toFixed(0).padStart(6)} ms  ${a.what}; a task queued then waited ${a.wait!.toFixed(0)} ms`;

export async function benchHostileBrowser(argv: string[]): Promise<void> {
  const dist = resolve(flag(argv, 'dist') ?? 'dist');
  const limitMs = Number(flag(argv, 'limit') ?? 20) * 1000;
  const only = flag(argv, 'only')?.split(',');
  const cases = [
    {
      name: 'ordinary (the hostnames scenario)',
      text: readFileSync(fileURLToPath(new URL('../public/scenarios/hostnames.yaml', import.meta.url)), 'utf8'),
    },
    ...readdirSync(fixtures)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => ({ name: f, text: readFileSync(resolve(fixtures, f), 'utf8') })),
  ].filter((c) => !only || only.some((o) => c.name.startsWith(o)));
  const served = await serveDist(dist, flag(argv, 'port') ? Number(flag(argv, 'port')) : undefined);
  let browser = await launchChromium();
  try {
    console.log(`\nHostile inputs in the browser — ${dist}, Chromium, at most ${limitMs / 1000} s each`);
    for (const c of cases) {
      console.log(`\n${c.name} (${c.text.length} characters)`);
      const paste = await pasted(browser, served.url, c.text, limitMs);
      console.log(`  pasted:              ${shown(paste)}`);
      // A frozen renderer can hold the browser up: the visits get a fresh one.
      if (paste.after === null) {
        await Promise.race([browser.close(), sleep(5_000)]);
        browser = await launchChromium();
      }
      const [first, next] = await stored(browser, served.url, c.text, limitMs);
      console.log(`  stored, opened:      ${shown(first)}`);
      if (next) console.log(`  stored, next visit:  ${shown(next)}`);
    }
  } finally {
    await browser.close();
    served.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchHostileBrowser(process.argv.slice(2));
