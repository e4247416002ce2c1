/** Chooses the rate-limit store: Redis when REDIS_URL is set, otherwise this process's memory. */
import type { Logger } from '../logging/logger';
import { createInProcessRateLimiterStore } from './in-process-rate-limiter';
import type { RateLimiterStore } from './rate-limiter';

export function createRateLimiterStore(redisUrl: string | null, logger: Logger): RateLimiterStore {
  if (redisUrl) {
    // Loaded only when used: the embedded platform never needs ioredis.
    const { createRedisRateLimiterStore } =
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('./redis-rate-limiter') as typeof import('./redis-rate-limiter');
    return createRedisRateLimiterStore(redisUrl, logger);
  }
  return createInProcessRateLimiterStore();
}
