/** Rate limits kept in this process's memory: the embedded platform and a single gateway instance. */
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { adaptFlexibleLimiter } from './flexible-rate-limiter';
import type { RateLimiterStore } from './rate-limiter';

export function createInProcessRateLimiterStore(): RateLimiterStore {
  return {
    limiter(name, policy) {
      const limiter = new RateLimiterMemory({
        keyPrefix: name,
        points: policy.points,
        duration: policy.durationSeconds,
      });
      return adaptFlexibleLimiter(limiter, policy.points);
    },
    async close() {},
  };
}
