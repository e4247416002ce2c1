/**
 * Rate limits of the plain HTTP routes on the gateway's port (`/imports`, `/telemetry`, `/exports`, from the
 * contexts' descriptors). A route naming a rate limit (`rateLimit: 'imports'`) gets that limit's per-user
 * and per-address sizes (GATEWAY_RATE_LIMIT_<NAME>_USER / _IP); a route without one gets the gateway's
 * general sizes (GATEWAY_RATE_LIMIT_USER / _IP). Either way a route counts apart from /graphql's. The
 * route's token check runs first (routes/route-guards.ts), so the user is known here.
 */
import type { Request, RequestHandler } from 'express';
import type { Logger } from '../../../lib/logging/logger';
import type { RateLimitPolicy, RateLimiterStore } from '../../../lib/rate-limit/rate-limiter';
import { createRateLimitMiddleware, rateLimitKeys } from '../../../lib/rate-limit/rate-limit-middleware';
import { viewerOf } from '../routes/route-guards';

export interface RateLimitSizes {
  user: RateLimitPolicy | null;
  ip: RateLimitPolicy | null;
}

/** Rate limits by name ('imports', 'telemetry'): config.protection.routeRateLimits. */
export type RouteRateLimits = Record<string, RateLimitSizes>;

export function routeRateLimiter(deps: {
  store: RateLimiterStore;
  /** The named limits a route may choose. */
  limits: RouteRateLimits;
  /** The sizes of a route that names none (counted apart from /graphql's, and per route). */
  general: RateLimitSizes;
  logger: Logger;
}) {
  const addressOf = (req: Request) => rateLimitKeys.ip(req.ip ?? req.socket.remoteAddress ?? 'unknown');
  const userOf = (req: Request) => rateLimitKeys.user(viewerOf(req).userId);

  /** The rate-limit middleware of one route; throws at start-up for a limit the configuration lacks. */
  return (route: { path: string; rateLimit?: string; anonymous?: boolean }): RequestHandler[] => {
    const limits = route.rateLimit === undefined ? deps.general : deps.limits[route.rateLimit];
    if (!limits) {
      const variable = `GATEWAY_RATE_LIMIT_${route.rateLimit!.toUpperCase()}`;
      throw new Error(
        `The route ${route.path} uses the rate limit "${route.rateLimit}", which the configuration lacks (${variable}_USER / _IP in lib/config/config.ts).`,
      );
    }
    // Routes naming one limit share its counts; each route without one has counts of its own.
    const name = route.rateLimit ?? `route-${route.path.replace(/^\/+/, '').replace(/\W+/g, '-')}`;
    const guards: RequestHandler[] = [];
    for (const [who, policy, keyOf] of [
      ['ip', limits.ip, addressOf],
      ['user', limits.user, userOf],
    ] as const) {
      // An anonymous route has no user to count: its callers are counted per address only.
      if (!policy || (who === 'user' && route.anonymous)) continue;
      const limiter = deps.store.limiter(`gateway-${name}-${who}`, policy);
      guards.push(createRateLimitMiddleware({ limiter, keyOf, logger: deps.logger }));
    }
    return guards;
  };
}
