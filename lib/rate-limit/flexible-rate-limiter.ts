/**
 * Adapts a rate-limiter-flexible limiter (memory or Redis: fixed windows of `points` per `duration`) to the
 * RateLimiter port. The library rejects an over-limit spend with a RateLimiterRes and a store failure
 * with an Error; only the first is a decision. A refused spend still counts, so a key that went over stays
 * refused until its window ends (the window is fixed: refusals do not extend it).
 */
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { assertValidCost, type RateLimitDecision, type RateLimiter } from './rate-limiter';

export function adaptFlexibleLimiter(limiter: RateLimiterAbstract, points: number): RateLimiter {
  return {
    async consume(key, cost = 1): Promise<RateLimitDecision> {
      assertValidCost(cost);
      // More than a whole window's points can never pass: refuse without touching the store.
      if (cost > points) {
        return { allowed: false, retryAfterSeconds: Math.ceil(limiter.duration), remaining: 0 };
      }
      try {
        const result = await limiter.consume(key, cost);
        return { allowed: true, retryAfterSeconds: 0, remaining: result.remainingPoints };
      } catch (outcome) {
        if (!(outcome instanceof RateLimiterRes)) throw outcome;
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)),
          remaining: 0,
        };
      }
    },
  };
}
