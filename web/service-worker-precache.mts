/**
 * A Vite plugin that hands the service worker the list of files the build wrote (its precache) and a
 * version derived from their names, which carry content hashes: a new build installs a new cache.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import type { Plugin } from 'vite';

export function serviceWorkerPrecache(): Plugin {
  // The files copied as they are from web/public (manifest, icons): part of the app too.
  let publicFiles: string[] = [];
  return {
    name: 'pulse-service-worker-precache',
    apply: 'build',
    configResolved(config) {
      publicFiles = config.publicDir ? readdirSync(config.publicDir) : [];
    },
    generateBundle(_options, bundle) {
      const worker = bundle['service-worker.js'];
      if (!worker || worker.type !== 'chunk') return;
      const files = [...Object.keys(bundle), ...publicFiles]
        .filter((name) => name !== 'service-worker.js' && !name.endsWith('.map'))
        .map((name) => `/${name}`)
        .sort();
      const urls = ['/', ...files.filter((url) => url !== '/index.html')];
      const version = createHash('sha256').update(urls.join('\n')).digest('hex').slice(0, 12);
      // Read by src/offline/service-worker.ts as `self.PULSE_PRECACHE`.
      worker.code = `self.PULSE_PRECACHE = ${JSON.stringify({ version, urls })};\n${worker.code}`;
    },
  };
}
