/**
 * The GraphQL explorer (GraphiQL, built from gateway/explorer by `npm run build:explorer` at install)
 * served at /explorer, for the gateway (`/explorer`) and the partner API (`/explorer?endpoint=partner`):
 * every file from the gateway, under a Content-Security-Policy that allows nothing else. Mounted only
 * while the sandbox is on (outside production, unless SANDBOX=true).
 */
import express, { type Response, type Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../../lib/logging/logger';
import { repoRoot } from '../../../lib/paths';
import { explorerContentSecurityPolicy } from './content-security-policy';

export const EXPLORER_PATH = '/explorer';
/** Where Vite writes the build (git-ignored). */
export const EXPLORER_BUILD_DIR = join(repoRoot, '.build', 'explorer');

const NOT_BUILT =
  'The GraphQL explorer has not been built: run `npm run build:explorer` (npm install runs it too).';

export function explorerRouter(options: { logger: Logger; buildDir?: string }): Router {
  const buildDir = options.buildDir ?? EXPLORER_BUILD_DIR;
  if (!existsSync(join(buildDir, 'index.html'))) options.logger.warn({ buildDir }, NOT_BUILT);

  // The page and the fallback script keep their names from build to build: revalidated (ETag) every time.
  const sendRevalidated = (res: Response, file: string) => {
    if (!existsSync(join(buildDir, file))) {
      res.status(503).type('text/plain').send(NOT_BUILT);
      return;
    }
    // `root`: the build's own folder (.build) is a dot folder, which sendFile refuses in a full path.
    res.sendFile(file, { root: buildDir, cacheControl: false, headers: { 'cache-control': 'no-cache' } });
  };

  const router = express.Router();
  router.use((req, res, next) => {
    res.setHeader('content-security-policy', explorerContentSecurityPolicy(req.headers.host));
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    next();
  });
  // Vite puts a hash of their content in these names: a new build means new names.
  router.use(
    '/assets',
    express.static(join(buildDir, 'assets'), { index: false, immutable: true, maxAge: '365d' }),
  );
  router.get('/sandbox-fallback.js', (_req, res) => sendRevalidated(res, 'sandbox-fallback.js'));
  router.get('/', (_req, res) => sendRevalidated(res, 'index.html'));
  return router;
}
