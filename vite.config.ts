import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'node:path';

const zhCN = resolve(import.meta.dirname, 'src/i18n/zh-CN.ts');

/**
 * Each catalogue file holds both languages, and a bundler never splits a module between chunks:
 * the Chinese records are read from a copy of each file (`?lang=zh-CN`), so the English chunk
 * and the Chinese one each carry only their own language and a page loads only the one it shows.
 */
function oneLanguagePerChunk(): Plugin {
  return {
    name: 'packetwalk:one-language-per-chunk',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer !== zhCN || !source.startsWith('./catalog/')) return null;
      return `${resolve(dirname(zhCN), source)}.ts?lang=zh-CN`;
    },
  };
}

// A relative base lets the static build be served from any sub-path (GitHub Pages, a blog).
export default defineConfig({
  base: './',
  plugins: [react(), oneLanguagePerChunk()],
  build: {
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        embed: resolve(import.meta.dirname, 'embed.html'),
      },
    },
  },
});
