import Redis from 'ioredis';
import { createLogger } from '../logging/logger';
import { createInProcessPubSub } from './in-process-pubsub';
import { describePubSubContract } from './pubsub.contract';
import { createRedisPubSub, REDIS_CHANNEL_PREFIX } from './redis-pubsub';

const silent = createLogger('silent');

describePubSubContract('in-process', {
  open: async () => createInProcessPubSub(),
  sharedBetweenInstances: false,
});

const redisUrl = process.env.REDIS_URL;
if (redisUrl) {
  let inspector: Redis | undefined;
  afterAll(async () => {
    await inspector?.quit();
  });

  describePubSubContract(`Redis at ${redisUrl}`, {
    open: async () => createRedisPubSub(redisUrl, silent),
    sharedBetweenInstances: true,
    async brokerSubscriberCount(channel) {
      inspector ??= new Redis(redisUrl);
      const reply = (await inspector.pubsub('NUMSUB', REDIS_CHANNEL_PREFIX + channel)) as [string, number];
      return Number(reply[1]);
    },
  });
} else {
  describe('PubSub contract: Redis', () => {
    it.todo('runs only where REDIS_URL is set (no Redis server on this machine)');
  });
}

describe('Redis pub/sub without a reachable Redis', () => {
  it('rejects a publish with a clear error and closes cleanly', async () => {
    const pubsub = createRedisPubSub('redis://127.0.0.1:1', silent);
    const subscription = pubsub.subscribe('nowhere');
    await expect(pubsub.publish('nowhere', { n: 1 })).rejects.toThrow(
      /Cannot publish to "nowhere": Redis is unreachable/,
    );
    const pending = subscription.next();
    await pubsub.close();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    await expect(subscription.ready).resolves.toBeUndefined();
  });
});
