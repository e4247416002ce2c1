/** Chooses the pub/sub: Redis when REDIS_URL is set, otherwise the in-process one (embedded mode, tests). */
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import { createInProcessPubSub } from './in-process-pubsub';
import type { PubSub } from './pubsub';

export function createPubSub(config: Config, logger: Logger): PubSub {
  const url = config.redis.url;
  if (url) {
    // Loaded only when used: the embedded platform never needs ioredis.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createRedisPubSub } = require('./redis-pubsub') as typeof import('./redis-pubsub');
    return createRedisPubSub(url, logger);
  }
  return createInProcessPubSub();
}
