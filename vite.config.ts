import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'node:path';

const zhCN = ['src/i18n/zh-CN.ts', 'src/i18n/zh-CN.app.ts'].map((file) => resolve(import.meta.dirname, file));

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
      if (!importer || !zhCN.includes(importer) || !source.startsWith('./catalog/')) return null;
      return `${resolve(dirname(importer), source)}.ts?lang=zh-CN`;
    },
  };
}

// The Content-Security-Policy of the built pages: no inline script, no eval. Styles come
// from our CSS files, except CodeMirror's: it writes its theme into a <style> element made
// at run time (style-mod; no nonce is possible on a static host, no hash for generated CSS),
// hence 'unsafe-inline' for style elements only; style attributes stay refused (React and
// d3 set styles through the CSSOM, which CSP does not govern). connect-src
// lets the player's ?src= fetch a manifest from any web site (source.ts accepts http and
// https). frame-ancestors cannot be set from a <meta>; the player is meant to be framed
// anywhere, so none is wanted. e2e/serve.ts sends this same policy as a header.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "style-src-attr 'none'",
  "img-src 'self' data: blob:",
  "connect-src 'self' https: http:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Puts the policy first in each built page's <head>; only the build, as the dev server injects React's inline refresh preamble. */
const contentSecurityPolicy = (): Plugin => ({
  name: 'packetwalk:csp',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
});

// A relative base lets the static build be served from any sub-path (GitHub Pages, a blog).
export default defineConfig({
  base: './',
  plugins: [react(), oneLanguagePerChunk(), contentSecurityPolicy()],
  build: {
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        embed: resolve(import.meta.dirname, 'embed.html'),
      },
    },
  },
});
