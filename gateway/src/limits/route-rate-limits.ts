/**
 * Rate limits of the plain HTTP routes on the gateway's port (`/imports`, `/telemetry`, `/exports`): each
 * route has its own per-user and per-address sizes (GATEWAY_RATE_LIMIT_<ROUTE>_USER / _IP), counted apart
 * from /graphql's. The route's token check runs first, so the user is known here.
 */
import type { Request, RequestHandler } from 'express';
import { bearerToken } from '../../../lib/auth/viewer';
import type { TokenVerifier } from '../../../lib/auth/jwt-verifier';
import type { Logger } from '../../../lib/logging/logger';
import type { RateLimitPolicy, RateLimiterStore } from '../../../lib/rate-limit/rate-limiter';
import { createRateLimitMiddleware, rateLimitKeys } from '../../../lib/rate-limit/rate-limit-middleware';

export type RouteRateLimits = Record<string, { user: RateLimitPolicy | null; ip: RateLimitPolicy | null }>;

export function routeRateLimiter(deps: {
  store: RateLimiterStore;
  limits: RouteRateLimits;
  verifier: TokenVerifier;
  logger: Logger;
}) {
  const addressOf = (req: Request) => rateLimitKeys.ip(req.ip ?? req.socket.remoteAddress ?? 'unknown');
  const userOf = async (req: Request) =>
    rateLimitKeys.user((await deps.verifier.verify(bearerToken(req.headers.authorization) ?? '')).userId);

  /** The rate-limit middleware of one route (none when the route has no limits configured). */
  return (path: string): RequestHandler[] => {
    const limits = deps.limits[path];
    if (!limits) return [];
    const name = path.replace(/^\//, '');
    const guards: RequestHandler[] = [];
    for (const [who, policy, keyOf] of [
      ['ip', limits.ip, addressOf],
      ['user', limits.user, userOf],
    ] as const) {
      if (!policy) continue;
      const limiter = deps.store.limiter(`gateway-${name}-${who}`, policy);
      guards.push(createRateLimitMiddleware({ limiter, keyOf, logger: deps.logger }));
    }
    return guards;
  };
}
