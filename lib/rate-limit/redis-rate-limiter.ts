/**
 * Rate limits in Redis, shared by every gateway instance: one connection for all limiters, one atomic
 * Lua INCR-with-expiry per spend (rate-limiter-flexible). While Redis is unreachable each limiter falls
 * back to an in-process one with the same policy (limits then hold per instance instead of overall):
 * an outage of Redis neither lets every request through nor refuses them all.
 */
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { Logger } from '../logging/logger';
import { createRedisClient } from '../redis/redis-client';
import { adaptFlexibleLimiter } from './flexible-rate-limiter';
import type { RateLimiterStore } from './rate-limiter';

export const REDIS_RATE_LIMIT_PREFIX = 'pulse:rl:';

export function createRedisRateLimiterStore(url: string, logger: Logger): RateLimiterStore {
  // No offline queue: a spend must not wait for a reconnect, it goes to the in-process fallback at once.
  const client = createRedisClient(
    url,
    { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true },
    { logger, whenDown: 'Redis for rate limits is unreachable: limiting per instance until it is back' },
  );
  // Spends wait for the first connection attempt only, so that a starting instance counts in Redis at once.
  const firstConnection = client.connect().catch(() => undefined);
  return {
    limiter(name, policy) {
      const options = { points: policy.points, duration: policy.durationSeconds };
      const limiter = new RateLimiterRedis({
        ...options,
        storeClient: client,
        keyPrefix: REDIS_RATE_LIMIT_PREFIX + name,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ ...options, keyPrefix: name }),
      });
      const adapted = adaptFlexibleLimiter(limiter, policy.points);
      return {
        async consume(key, cost) {
          await firstConnection;
          return adapted.consume(key, cost);
        },
      };
    },
    async close() {
      await firstConnection;
      if (client.status === 'ready') await client.quit();
      else client.disconnect();
    },
  };
}
