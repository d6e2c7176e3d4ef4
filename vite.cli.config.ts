// The `packetwalk` command built for Node: src/cli/main.ts and everything it imports (the model,
// js-yaml, and for `render` React and the app's drawing) bundled into dist-cli/, so a start is
// one plain ESM file to load, not TypeScript to compile. `npm run build:cli` (and `prepare`, on
// every `npm ci`) runs it; bin/packetwalk.js runs the result.
import { relative, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;

/** dist-cli/sources.json: the files the bundle was built from, so a stale bundle can be noticed. */
function sourceList(): Plugin {
  return {
    name: 'packetwalk-cli-sources',
    generateBundle(_, bundle) {
      const files = new Set(['package-lock.json', 'vite.cli.config.ts']);
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const id of chunk.moduleIds) {
          // `styles.css?raw` is the file styles.css; virtual modules (\0…) and dependencies are not ours.
          const path = relative(root, id.replace(/\?.*$/, ''));
          if (!id.startsWith('\0') && !path.startsWith('..') && !path.startsWith('node_modules')) files.add(path);
        }
      }
      this.emitFile({ type: 'asset', fileName: 'sources.json', source: JSON.stringify([...files].sort(), null, 1) + '\n' });
    },
  };
}

export default defineConfig({
  root,
  // The app's public/ holds scenarios for the site, nothing the command ships.
  publicDir: false,
  logLevel: 'warn',
  plugins: [sourceList()],
  // Dependencies inside the bundle: the command needs no module resolution at start, and no
  // development dependency at run time. Playwright stays outside: `render --format png` imports
  // it only when asked, and says so when it is not installed.
  ssr: { noExternal: true, external: ['playwright-core'] },
  // React's production build (the development one checks and warns at every render), whatever
  // NODE_ENV the build runs under (a test runner sets `test`).
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  oxc: { jsx: { development: false } },
  build: {
    ssr: resolve(root, 'src/cli/main.ts'),
    target: 'node20',
    outDir: 'dist-cli',
    emptyOutDir: true,
    minify: false,
    rollupOptions: {
      output: {
        format: 'esm',
        entryFileNames: 'packetwalk.mjs',
        // `render` (React, the drawing, the fonts' tables) is its own chunk: the other commands never load it.
        chunkFileNames: 'chunks/[name]-[hash].mjs',
      },
    },
  },
});
