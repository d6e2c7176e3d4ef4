// `packetwalk render`: the picture of a step, as the app draws it, to a file. The SVG is made
// here with the app's own components; a PNG is that SVG rasterized by headless Chromium at 2×.

import { existsSync, writeFileSync } from 'node:fs';
import { loadCatalogue, type Locale } from '../i18n/i18n';
import { walkPacket, type DeriveOptions, type Model, type PacketSpec } from '../model';
import { renderStepSvgWith } from '../export/stepSvg';
import { svgSize } from '../export/png';
import { createAppStore } from '../store/appStore';
import { fileError } from './io';
import { elide, say } from './messages';
import { nodePictureEnv } from './pictureEnv';
import { CliError, UsageError } from './errors';

export interface RenderRequest {
  model: Model;
  /** The what-ifs the model was derived with (the drawing marks a node taken down, a pod not ready). */
  whatIf: DeriveOptions;
  /** The walk's file name and text (the picture's editor would hold it). */
  file: { name: string; text: string };
  spec: PacketSpec | null;
  /** 1-based; default the first step. */
  step?: number;
  format: 'svg' | 'png';
  caption: boolean;
  locale: Locale;
  out: string;
}

/** The app's state for a model and packet, as the app would hold it (the model already derived). */
export function pictureState(req: Pick<RenderRequest, 'model' | 'whatIf' | 'file' | 'spec' | 'locale'>) {
  const store = createAppStore({ deriveModel: () => req.model, walkPacket, locale: req.locale });
  store.setState({ fileName: req.file.name, whatIf: req.whatIf, spec: req.spec, specChosen: !!req.spec });
  store.getState().setText(req.file.text);
  return store.getState();
}

export async function render(req: RenderRequest): Promise<void> {
  await loadCatalogue(req.locale);
  const state = pictureState(req);
  if (!state.trace || state.trace.steps.length === 0) throw new CliError(say('cli.noSteps'));
  let svg: string;
  try {
    svg = await renderStepSvgWith(nodePictureEnv(), state, { step: req.step ?? 1, caption: req.caption });
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(say('cli.usage.step', { step: req.step ?? 1, count: state.trace.steps.length }));
    throw err;
  }
  const bytes = req.format === 'svg' ? svg : await rasterize(svg);
  try {
    writeFileSync(req.out, bytes);
  } catch (err) {
    throw fileError(req.out, err, 'written');
  }
}

const systemChromium = '/usr/bin/chromium';

/** The SVG drawn by headless Chromium at 2 device pixels per unit, fonts loaded. */
async function rasterize(svg: string): Promise<Buffer> {
  const { width, height } = svgSize(svg);
  let browser;
  try {
    // Playwright comes with the development dependencies; without it there is no browser to ask.
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: existsSync(systemChromium) ? systemChromium : undefined, args: ['--no-sandbox'] });
  } catch (err) {
    throw new CliError(say('cli.noBrowser', { path: systemChromium, reason: elide((err as Error).message.split('\n')[0]!, 200) }));
  }
  try {
    const page = await browser.newPage({ viewport: { width: Math.ceil(width), height: Math.ceil(height) }, deviceScaleFactor: 2 });
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    // Every face the SVG embeds is one its text uses: load them all before the picture is taken.
    await page.evaluate(() => Promise.all([...document.fonts].map((face) => face.load())).then(() => undefined));
    return await page.locator('svg').first().screenshot({ type: 'png' });
  } finally {
    await browser.close();
  }
}
