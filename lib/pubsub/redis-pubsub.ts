/**
 * The PubSub of several processes, over Redis PUBLISH/SUBSCRIBE. One connection publishes; ONE more is
 * shared by every local subscription: a channel is SUBSCRIBEd when its first local subscriber appears and
 * UNSUBSCRIBEd when its last leaves. Channels are prefixed so that Pulse's share a Redis with others.
 * Connection errors are logged (ioredis reconnects and resubscribes); a publish that cannot reach Redis
 * within a short wait rejects.
 */
import Redis, { type RedisOptions } from 'ioredis';
import type { Logger } from '../logging/logger';
import type { PubSub } from './pubsub';
import {
  bufferSizeOf,
  createSubscriptionQueue,
  serializeMessage,
  type SubscriptionQueue,
} from './subscription-queue';

export const REDIS_CHANNEL_PREFIX = 'pulse:';

/** How long a publish waits for the connection to (re)open before giving up. */
const PUBLISH_CONNECT_WAIT_MS = 2_000;

/**
 * Redis's answer on a channel's subscribers (NUMSUB) is kept this long: a live recording asks on every
 * telemetry batch, and a phone sends one a second. A subscriber in another process is seen up to this late
 * (the process it subscribed in publishes at once).
 */
const REMOTE_ANSWER_TTL_MS = 1_000;
const REMOTE_ANSWERS_KEPT = 10_000;

const CONNECTION: RedisOptions = {
  // ioredis waits this long for a socket that failed to connect to report "close" (it never does) after
  // disconnect(): its default (2 s) keeps a stopping process alive for nothing.
  disconnectTimeout: 200,
};

interface ChannelSubscribers {
  queues: Set<SubscriptionQueue>;
  /** Settles when Redis confirmed the SUBSCRIBE (or it failed, which is logged). */
  subscribed: Promise<void>;
}

export function createRedisPubSub(url: string, logger: Logger): PubSub {
  // Live signals are stale after a moment: fail fast rather than queue publishes while Redis is away.
  const publisher = new Redis(url, { ...CONNECTION, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  // SUBSCRIBEs wait for the connection however long it takes; opened on the first subscription.
  const subscriber = new Redis(url, { ...CONNECTION, lazyConnect: true, maxRetriesPerRequest: null });
  const channels = new Map<string, ChannelSubscribers>();
  const remoteAnswers = new Map<string, { has: boolean; at: number }>();
  let closed = false;

  const remember = (channel: string, has: boolean) => {
    // Every answer is stale within a second: a full map is emptied, not sorted through.
    if (remoteAnswers.size >= REMOTE_ANSWERS_KEPT) remoteAnswers.clear();
    remoteAnswers.set(channel, { has, at: performance.now() });
  };

  publisher.on('error', (error: Error) =>
    logger.warn({ err: error }, 'Redis pub/sub publisher: connection error'),
  );
  subscriber.on('error', (error: Error) =>
    logger.warn({ err: error }, 'Redis pub/sub subscriber: connection error'),
  );
  subscriber.on('message', (redisChannel: string, payload: string) => {
    if (!redisChannel.startsWith(REDIS_CHANNEL_PREFIX)) return;
    const subscribers = channels.get(redisChannel.slice(REDIS_CHANNEL_PREFIX.length));
    if (!subscribers) return;
    let message: unknown;
    try {
      message = JSON.parse(payload);
    } catch {
      logger.warn({ channel: redisChannel }, 'Redis pub/sub: ignored a message that is not JSON');
      return;
    }
    [...subscribers.queues].forEach((queue, i) => queue.deliver(i === 0 ? message : JSON.parse(payload)));
  });

  const join = (channel: string): ChannelSubscribers => {
    const existing = channels.get(channel);
    if (existing) return existing;
    const subscribed = subscriber.subscribe(REDIS_CHANNEL_PREFIX + channel).then(
      () => undefined,
      (error: unknown) => {
        if (!closed) logger.error({ err: error, channel }, 'Redis pub/sub: SUBSCRIBE failed');
      },
    );
    const created = { queues: new Set<SubscriptionQueue>(), subscribed };
    channels.set(channel, created);
    return created;
  };

  const leave = (channel: string, queue: SubscriptionQueue) => {
    const subscribers = channels.get(channel);
    if (!subscribers?.queues.delete(queue) || subscribers.queues.size > 0) return;
    channels.delete(channel);
    subscriber.unsubscribe(REDIS_CHANNEL_PREFIX + channel).catch((error: unknown) => {
      if (!closed) logger.error({ err: error, channel }, 'Redis pub/sub: UNSUBSCRIBE failed');
    });
  };

  return {
    kind: 'redis',
    async publish(channel, message) {
      if (closed) throw new Error(`Cannot publish to "${channel}": the pub/sub is closed.`);
      const payload = serializeMessage(channel, message);
      try {
        await connected(publisher, PUBLISH_CONNECT_WAIT_MS);
        await publisher.publish(REDIS_CHANNEL_PREFIX + channel, payload);
      } catch (error) {
        throw new Error(`Cannot publish to "${channel}": Redis is unreachable (${publisher.status}).`, {
          cause: error,
        });
      }
    },
    subscribe(channel, options) {
      if (closed) throw new Error(`Cannot subscribe to "${channel}": the pub/sub is closed.`);
      const bufferSize = bufferSizeOf(options);
      const subscribers = join(channel);
      const queue = createSubscriptionQueue(bufferSize, subscribers.subscribed, () => leave(channel, queue));
      subscribers.queues.add(queue);
      return queue.subscription;
    },
    async hasSubscribers(channel) {
      if (channels.get(channel)?.queues.size) return true;
      const known = remoteAnswers.get(channel);
      if (known && performance.now() - known.at < REMOTE_ANSWER_TTL_MS) return known.has;
      try {
        await connected(publisher, PUBLISH_CONNECT_WAIT_MS);
        const reply = (await publisher.pubsub('NUMSUB', REDIS_CHANNEL_PREFIX + channel)) as [string, number];
        const has = Number(reply[1]) > 0;
        remember(channel, has);
        return has;
      } catch (error) {
        logger.warn({ err: error, channel }, 'Redis pub/sub: cannot count subscribers');
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const { queues } of channels.values()) for (const queue of queues) queue.end();
      channels.clear();
      await Promise.all([release(publisher), release(subscriber)]);
    },
  };
}

/** Resolves when `client` is ready; rejects after `timeoutMs` or when the client is closed for good. */
async function connected(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return;
  if (client.status === 'end') throw new Error('The Redis connection is closed.');
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      clearTimeout(timer);
      client.off('ready', onReady);
      client.off('end', onEnd);
      if (error) reject(error);
      else resolve();
    };
    const onReady = () => settle();
    const onEnd = () => settle(new Error('The Redis connection is closed.'));
    const timer = setTimeout(
      () => settle(new Error(`No Redis connection within ${timeoutMs} ms.`)),
      timeoutMs,
    );
    client.on('ready', onReady);
    client.on('end', onEnd);
  });
}

/** QUIT when connected (pending replies arrive first), otherwise just drop the connection attempts. */
async function release(client: Redis): Promise<void> {
  if (client.status === 'ready') {
    try {
      await client.quit();
      return;
    } catch {
      // Lost while quitting: disconnect below.
    }
  }
  client.disconnect();
}
