// The picture's materials in the browser: the drawing's style sheets as text, the current
// theme's colours as the page computes them, and the font files the build ships as assets,
// fetched only when a picture needs them.

import type { FontPackage, FontSource, FontWeight } from './fonts';
import type { PictureEnv } from './stepSvg';

// Lazy: each stylesheet and font file is its own asset, loaded on the first export that uses it.
const fontCss = import.meta.glob<string>(
  ['/node_modules/@fontsource/noto-sans-sc/{400,700}.css', '/node_modules/@fontsource/noto-sans-mono/{400,700}.css'],
  { query: '?raw', import: 'default' },
);
const fontFiles = import.meta.glob<string>(
  [
    '/node_modules/@fontsource/noto-sans-sc/files/*-{400,700}-normal.woff2',
    '/node_modules/@fontsource/noto-sans-mono/files/*-{400,700}-normal.woff2',
  ],
  { query: '?url', import: 'default' },
);

function base64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its bytes as arguments.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function loaded<T>(loaders: Record<string, () => Promise<T>>, path: string): Promise<T> {
  const load = loaders[path];
  if (!load) throw new Error(`The picture's font ${path} is not in the build`);
  return load();
}

async function fetchWoff2(pkg: FontPackage, file: string): Promise<string> {
  const url = await loaded(fontFiles, `/node_modules/@fontsource/${pkg}/files/${file}`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The picture's font ${file} did not load (${response.status})`);
  return base64(new Uint8Array(await response.arrayBuffer()));
}

// A GIF draws the same characters frame after frame: each file is fetched once (again after a failure).
const woff2Cache = new Map<string, Promise<string>>();

const fonts: FontSource = {
  css: (pkg: FontPackage, weight: FontWeight) => loaded(fontCss, `/node_modules/@fontsource/${pkg}/${weight}.css`),
  woff2: (pkg: FontPackage, file: string) => {
    const key = `${pkg}/${file}`;
    let pending = woff2Cache.get(key);
    if (!pending) {
      pending = fetchWoff2(pkg, file);
      woff2Cache.set(key, pending);
      pending.catch(() => woff2Cache.delete(key));
    }
    return pending;
  },
};

const sheets = () =>
  Promise.all([import('../ui/topology/drawing.css?inline'), import('../ui/topology/camera.css?inline')]).then((ms) =>
    ms.map((m) => m.default),
  );

/** The page's theme as the picture should show it: `auto` is whichever the page shows now. */
export function browserEnv(): PictureEnv {
  const root = document.documentElement;
  const style = getComputedStyle(root);
  const chosen = root.dataset.theme;
  const dark = chosen === 'dark' || (chosen === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
  return {
    sheets,
    variable: (name) => style.getPropertyValue(name).trim() || undefined,
    theme: dark ? 'dark' : 'light',
    fonts,
  };
}
