/**
 * Builds the athletes' web app the gateway serves at / (gateway/src/web/): React, Apollo Client and a
 * service worker, every file from the gateway. Run by `npm run build:web`, itself run by `npm install`.
 * `npm run dev:web` serves it with hot reload on :5173, its API calls proxied to a running `npm start`.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { serviceWorkerPrecache } from './service-worker-precache.mjs';

const GATEWAY = process.env.PULSE_GATEWAY ?? 'http://localhost:4000';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  logLevel: 'warn',
  plugins: [serviceWorkerPrecache()],
  build: {
    // Outside web/ (git-ignored), beside the explorer's build.
    outDir: resolve(import.meta.dirname, '../.build/web'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1_000,
    rolldownOptions: {
      input: { app: 'index.html', 'service-worker': 'src/offline/service-worker.ts' },
      output: {
        // The service worker keeps its name (browsers find it by URL); everything else is content-hashed.
        entryFileNames: (chunk) =>
          chunk.name === 'service-worker' ? 'service-worker.js' : 'assets/[name]-[hash].js',
      },
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/graphql': { target: GATEWAY, ws: true },
      '/imports': GATEWAY,
      '/telemetry': GATEWAY,
      '/exports': GATEWAY,
      '/objects': GATEWAY,
      '/web-config.json': GATEWAY,
    },
  },
});
