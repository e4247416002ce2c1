/**
 * Builds the GraphQL explorer the gateway serves at /explorer (gateway/src/explorer/): GraphiQL with
 * Monaco's workers, styles and fonts as files of its own, so that nothing is loaded from a CDN.
 * Run by `npm run build:explorer`, itself run by `npm install` (postinstall).
 */
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/** The sandbox fallback runs as a classic script beside Apollo's: its names stay out of the global scope. */
const fallbackInItsOwnScope: Plugin = {
  name: 'pulse-sandbox-fallback-scope',
  renderChunk: (code, chunk) => (chunk.name === 'sandbox-fallback' ? `(() => {\n${code}})();\n` : null),
};

export default defineConfig({
  root: import.meta.dirname,
  base: '/explorer/',
  logLevel: 'warn',
  plugins: [fallbackInItsOwnScope],
  build: {
    // Outside gateway/ (git-ignored): lint and the dependency rules have nothing to say about a bundle.
    outDir: resolve(import.meta.dirname, '../../.build/explorer'),
    emptyOutDir: true,
    // Every asset a file of its own: no data: URLs but those the packages' CSS carries (fonts, icons).
    assetsInlineLimit: 0,
    // GraphiQL and Monaco are large and only ever served on loopback or an intranet.
    chunkSizeWarningLimit: 4_000,
    rolldownOptions: {
      input: {
        explorer: 'index.html',
        // Served as /explorer/sandbox-fallback.js (a fixed name: Apollo's landing page refers to it).
        'sandbox-fallback': 'src/sandbox-fallback.ts',
      },
      output: {
        entryFileNames: (chunk) =>
          chunk.name === 'sandbox-fallback' ? '[name].js' : 'assets/[name]-[hash].js',
      },
      // React's "use client" directives mean nothing in a bundle for the browser.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
