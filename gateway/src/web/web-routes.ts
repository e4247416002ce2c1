/**
 * The athletes' web app (built from web/ by `npm run build:web` at install) served at /: hashed assets for a
 * year, the page, its service worker and manifest revalidated on every load, /web-config.json with what the
 * app learns from the server, and the page for every other GET of a page (the app routes in the browser).
 * Mounted after the API, so /graphql, /explorer and the contexts' routes keep their paths.
 */
import express, { type Request, type Response, type Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../../lib/logging/logger';
import { repoRoot } from '../../../lib/paths';
import { webContentSecurityPolicy, type WebImageOrigins } from './web-content-security-policy';

/** Where Vite writes the build (git-ignored). */
export const WEB_BUILD_DIR = join(repoRoot, '.build', 'web');

const NOT_BUILT = 'The web app has not been built: run `npm run build:web` (npm install runs it too).';
/** Files of the build kept under fixed names: revalidated (ETag) on every load. */
const FIXED_NAMES = ['service-worker.js', 'manifest.webmanifest', 'icon.svg', 'icon-192.png', 'icon-512.png'];

export interface WebAppOptions extends WebImageOrigins {
  logger: Logger;
  tileAttribution: string;
  buildDir?: string;
}

export function webAppRouter(options: WebAppOptions): Router {
  const buildDir = options.buildDir ?? WEB_BUILD_DIR;
  if (!existsSync(join(buildDir, 'index.html'))) options.logger.warn({ buildDir }, NOT_BUILT);

  const sendRevalidated = (res: Response, file: string) => {
    if (!existsSync(join(buildDir, file))) {
      res.status(503).type('text/plain').send(NOT_BUILT);
      return;
    }
    res.sendFile(file, {
      root: buildDir,
      cacheControl: false,
      // The page, the worker and the manifest are small: ETags let a reload skip them when unchanged.
      etag: true,
      headers: { 'cache-control': 'no-cache' },
    });
  };

  const router = express.Router();
  router.use((req, res, next) => {
    res.setHeader('content-security-policy', webContentSecurityPolicy(req.headers.host, options));
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    next();
  });
  router.use(
    '/assets',
    express.static(join(buildDir, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
      fallthrough: false,
    }),
  );
  for (const file of FIXED_NAMES) router.get(`/${file}`, (_req, res) => sendRevalidated(res, file));
  router.get('/web-config.json', (_req, res) => {
    res.setHeader('cache-control', 'no-cache');
    res.json({ tileUrl: options.tileUrl, tileAttribution: options.tileAttribution });
  });
  router.get('/', (_req, res) => sendRevalidated(res, 'index.html'));
  // Any other page a browser opens is the app: it reads its own path (/workouts/…) itself. Only a request
  // that names HTML gets it: an API client's unknown path (Accept: */* or JSON) stays a 404.
  router.get(/.*/, (req, res, next) => (asksForHtml(req) ? sendRevalidated(res, 'index.html') : next()));
  return router;
}

function asksForHtml(req: Request): boolean {
  return /\btext\/html\b/.test(req.headers.accept ?? '');
}
