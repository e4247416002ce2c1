import { createLogger } from '../logging/logger';
import { createInProcessRateLimiterStore } from './in-process-rate-limiter';
import { describeRateLimiterContract } from './rate-limiter.contract';
import { createRedisRateLimiterStore } from './redis-rate-limiter';

const silent = createLogger('silent');

describeRateLimiterContract('in-process', {
  open: async () => createInProcessRateLimiterStore(),
  sharedBetweenInstances: false,
});

const redisUrl = process.env.REDIS_URL;
if (redisUrl) {
  describeRateLimiterContract(`Redis at ${redisUrl}`, {
    open: async () => createRedisRateLimiterStore(redisUrl, silent),
    sharedBetweenInstances: true,
  });
} else {
  describe('RateLimiter contract: Redis', () => {
    it.todo('runs only where REDIS_URL is set (no Redis server on this machine)');
  });
}

describe('Redis rate limits without a reachable Redis', () => {
  it('keeps limiting in the process, with the same policy', async () => {
    const store = createRedisRateLimiterStore('redis://127.0.0.1:1', silent);
    try {
      const limiter = store.limiter('unreachable', { points: 2, durationSeconds: 60 });
      const decisions = [
        await limiter.consume('ip:1'),
        await limiter.consume('ip:1'),
        await limiter.consume('ip:1'),
      ];
      expect(decisions.map((d) => d.allowed)).toEqual([true, true, false]);
    } finally {
      await store.close();
    }
  });
});
