// What saving the learner's text costs while they type in a large manifest: how many times the
// store writes it to storage and how many bytes (counted in-process, the store's own code), and
// what one write of that text costs in Chromium's localStorage (measured in the browser).
// `npx tsx bench/textSave.ts` or `npm run bench -- text-save`.

import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { deriveModel, walkPacket } from '../src/model';
import { createAppStore } from '../src/store/appStore';
import { manyServices } from './generate';

/** A brisk typist: a key every 80 ms (about 12 a second), in bursts with pauses between. */
const keyMs = 80;
const bursts = 4;
const keysPerBurst = 10;
const pauseMs = 1000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** Types the bursts into a store holding `text`; returns the writes of the text (bytes each). */
async function typeBursts(text: string): Promise<number[]> {
  const data = new Map<string, string>();
  const writes: number[] = [];
  const storage = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      data.set(k, v);
      if (v.length > 1024) writes.push(v.length);
    },
  };
  // The model is the worker's business and beside the point here: it never answers.
  const store = createAppStore({ deriveModel, walkPacket, storage, deriveAsync: () => new Promise(() => {}) });
  store.getState().setText(text);
  await sleep(pauseMs);
  writes.length = 0;
  let typed = text;
  for (let b = 0; b < bursts; b++) {
    for (let k = 0; k < keysPerBurst; k++) {
      typed = `#${typed}`;
      store.getState().setText(typed);
      await sleep(keyMs);
    }
    await sleep(pauseMs);
  }
  return writes;
}

/** Median time of one `localStorage.setItem` of a text this long in Chromium, ms. */
async function setItemInChromium(length: number): Promise<number | null> {
  const executablePath = '/usr/bin/chromium';
  if (!existsSync(executablePath)) return null;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    // localStorage needs an origin: a page served from memory gives one.
    await page.route('http://bench.test/', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
    );
    await page.goto('http://bench.test/');
    // A string script: functions from tsx-compiled files carry helpers the page lacks.
    return await page.evaluate(`(() => {
      const base = 'x'.repeat(${length});
      const times = [];
      for (let i = 0; i < 25; i++) {
        const text = i + base.slice(String(i).length);
        const start = performance.now();
        localStorage.setItem('packetwalk:bench', text);
        times.push(performance.now() - start);
      }
      localStorage.removeItem('packetwalk:bench');
      times.sort((a, b) => a - b);
      return times[12];
    })()`);
  } finally {
    await browser.close();
  }
}

export async function benchTextSave(): Promise<void> {
  const text = manyServices(1000, 5, 50);
  const keys = bursts * keysPerBurst;
  console.log(
    `\n# Saving the text while typing: ${kb(text.length)} manifest, ${bursts} bursts of ${keysPerBurst} keys ${keyMs} ms apart, ${pauseMs} ms pauses`,
  );
  const writes = await typeBursts(text);
  const bytes = writes.reduce((a, b) => a + b, 0);
  console.log(
    `writes of the text${''.padEnd(40)} ${String(writes.length).padStart(4)}  (${(writes.length / keys).toFixed(2)} per key, ${kb(bytes)} in all)`,
  );
  const oneWrite = await setItemInChromium(text.length);
  if (oneWrite === null) return console.log('one localStorage.setItem in Chromium: no /usr/bin/chromium');
  console.log(`one localStorage.setItem of the text in Chromium${''.padEnd(9)} median ${oneWrite.toFixed(2)} ms`);
  console.log(`storage time while typing${''.padEnd(33)} ${((oneWrite * writes.length) / keys).toFixed(2)} ms per key`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchTextSave();
