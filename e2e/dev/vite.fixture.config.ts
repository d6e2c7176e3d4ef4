// Development only: builds the app against e2e/dev/fakeModel.ts instead of the model,
// into dist-fixture/, to look at the interface before the model is wired.
//   npx vite build -c e2e/dev/vite.fixture.config.ts && npx tsx e2e/serve.ts dist-fixture

import { defineConfig, mergeConfig } from 'vite';
import { resolve } from 'node:path';
import base from '../../vite.config';

export default mergeConfig(
  base,
  defineConfig({
    root: resolve(import.meta.dirname, '../..'),
    resolve: { alias: [{ find: /^\.\/model\/model$/, replacement: resolve(import.meta.dirname, 'fakeModel.ts') }] },
    build: { outDir: 'dist-fixture', emptyOutDir: true },
  }),
);
