/** Chooses the leaderboard store: Redis sorted sets when REDIS_URL is set, otherwise this process's memory. */
import type { Config } from '../../../../lib/config/config';
import type { Logger } from '../../../../lib/logging/logger';
import { createInProcessLeaderboardStore } from './in-process-leaderboard-store';
import type { LeaderboardStore } from './leaderboard-store';

export function createLeaderboardStore(config: Config, logger: Logger): LeaderboardStore {
  const url = config.redis.url;
  if (url) {
    // Loaded only when used: the embedded platform never needs ioredis.
    const { createRedisLeaderboardStore } =
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('./redis-leaderboard-store') as typeof import('./redis-leaderboard-store');
    return createRedisLeaderboardStore(url, logger);
  }
  return createInProcessLeaderboardStore();
}
