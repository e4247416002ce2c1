/**
 * The checks every guarded endpoint of the gateway's port passes before its body is read or proxied, in
 * one order: who is calling (the access token, or the partner's API key), that caller's rate limits, then
 * the body limit. /graphql's own chain lives in gateway-server.ts (anonymous callers are allowed there).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { TokenVerifier } from '../../../lib/auth/jwt-verifier';
import { bearerToken, requireViewer, type Viewer } from '../../../lib/auth/viewer';
import type { Logger } from '../../../lib/logging/logger';
import { sendRestError } from '../../../lib/server/rest-errors';

export interface RouteGuards {
  /** Refuses the caller or records who it is (res.locals) for the rate limits. */
  authenticate: RequestHandler;
  rateLimits: RequestHandler[];
  bodyLimitBytes: number;
}

/** The middleware chain of a guarded endpoint: authenticate, rate limits, body limit (Content-Length). */
export function guardedRoute(guards: RouteGuards): RequestHandler[] {
  return [guards.authenticate, ...guards.rateLimits, declaredBodyLimit(guards.bodyLimitBytes)];
}

/**
 * The access token of an authenticated route: a missing, bad or expired one is refused with
 * UNAUTHENTICATED (401) as on /graphql, before anything is proxied; the subgraph verifies it again.
 */
export function requireAccessToken(deps: { verifier: TokenVerifier; logger: Logger }): RequestHandler {
  return async (req, res, next) => {
    try {
      const token = bearerToken(req.headers.authorization);
      res.locals.viewer = requireViewer(token ? await deps.verifier.verify(token) : null);
      next();
    } catch (error) {
      sendRestError(res, error, deps.logger);
    }
  };
}

/** The caller requireAccessToken let through. */
export function viewerOf(req: Request): Viewer {
  const viewer = req.res?.locals.viewer as Viewer | undefined;
  if (!viewer) throw new Error('requireAccessToken must run before the route reads its caller.');
  return viewer;
}

/**
 * A body above the limit, refused with 413: the same error Express's body parsers raise, so the gateway's
 * JSON error handler answers it as it answers /graphql's (code BAD_REQUEST, the limit in the message).
 */
export function payloadTooLarge(limit: number): Error {
  return Object.assign(new Error(`request entity too large (limit ${limit} bytes)`), {
    status: 413,
    statusCode: 413,
    type: 'entity.too.large',
    limit,
    expose: true,
  });
}

/**
 * Refuses a body whose Content-Length exceeds the limit before a byte of it is read; the connection is
 * closed after the answer rather than drained. A chunked body is counted as it streams by whoever reads it
 * (routes/route-proxy.ts, or express.json's own `limit`).
 */
export function declaredBodyLimit(limit: number): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      res.setHeader('connection', 'close');
      next(payloadTooLarge(limit));
      return;
    }
    next();
  };
}
