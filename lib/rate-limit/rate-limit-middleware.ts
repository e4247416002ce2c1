/**
 * Rate limiting as Express middleware, reusable by any endpoint: `keyOf` names who pays (`user:<id>`,
 * `ip:<address>`, `apikey:<id>`), the limiter decides. Over the limit: HTTP 429 with `Retry-After` and
 * a RATE_LIMITED error. A limiter that fails lets the request through (and logs): the store being down
 * must not take the API down.
 */
import type { Request, RequestHandler } from 'express';
import type { Logger } from '../logging/logger';
import type { RateLimiter } from './rate-limiter';

export const rateLimitKeys = {
  user: (userId: string) => `user:${userId}`,
  ip: (address: string) => `ip:${address}`,
  apiKey: (keyId: string) => `apikey:${keyId}`,
};

export interface RateLimitMiddlewareOptions {
  limiter: RateLimiter;
  keyOf(req: Request): string | Promise<string>;
  /** Points a request spends (default 1). */
  costOf?(req: Request): number;
  logger?: Logger;
}

export function createRateLimitMiddleware(options: RateLimitMiddlewareOptions): RequestHandler {
  return async (req, res, next) => {
    let decision;
    try {
      decision = await options.limiter.consume(await options.keyOf(req), options.costOf?.(req) ?? 1);
    } catch (error) {
      options.logger?.error({ err: error }, 'rate limiter failed: request let through');
      next();
      return;
    }
    if (decision.allowed) {
      next();
      return;
    }
    res.setHeader('retry-after', String(decision.retryAfterSeconds));
    res.status(429).json({
      errors: [
        {
          message: `Too many requests: wait ${decision.retryAfterSeconds} s before sending more.`,
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: decision.retryAfterSeconds },
        },
      ],
    });
  };
}

/** One limiter per key space (the prefix before `:`); a space without a limiter (`null`) is not limited. */
export function keySpaceRateLimiter(spaces: Record<string, RateLimiter | null>): RateLimiter {
  return {
    async consume(key, cost) {
      const space = key.slice(0, key.indexOf(':'));
      if (!(space in spaces)) throw new Error(`No rate limit is configured for the key space of "${key}".`);
      const limiter = spaces[space];
      return limiter
        ? limiter.consume(key, cost)
        : { allowed: true, retryAfterSeconds: 0, remaining: Infinity };
    },
  };
}
