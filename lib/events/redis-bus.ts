/**
 * The Redis Streams EventBus (ioredis), with the other adapters' observable semantics. A topic is split
 * into partitions by key hash, one stream each (`pulse:events:{<topic>}:<p>`); a publish appends in one
 * MULTI, so that a key keeps its order and a batch is all or nothing. Each subscription is a member of
 * its consumer group (redis-group-member.ts): members share the partitions through leases, so that one
 * partition is handled by one member at a time. Streams are trimmed to about `maxLenPerPartition`
 * entries each; replay reads them with XRANGE from the id of a time on. Needs Redis 6.2 or later.
 */
import type { Logger } from '../logging/logger';
import { createRedisClient } from '../redis/redis-client';
import { partitionOf } from './bus-helpers';
import {
  DEFAULT_RETRY,
  type BusMessage,
  type Consumer,
  type DeliveredMessage,
  type EventBus,
} from './event-bus';
import { joinGroup, type GroupMember } from './redis-group-member';
import { withLeaseScripts } from './redis-partition-leases';
import { withWorkerScripts } from './redis-partition-worker';
import {
  REDIS_EVENTS_PREFIX,
  deliveredOf,
  entryFieldsOf,
  firstIdFrom,
  idAfter,
  streamKeysOf,
} from './redis-stream-messages';

export interface RedisBusOptions {
  url: string;
  logger: Logger;
  /** Partitions per topic (default 6); every process of a deployment must agree on it. */
  partitions?: number;
  /** Prefix of every key (default `pulse:events:`); tests use their own. */
  keyPrefix?: string;
  /** Entries each partition's stream keeps, about (XADD MAXLEN ~; default 1 000 000). */
  maxLenPerPartition?: number;
  /** How long a member that stopped heartbeating keeps its partitions (default 5 s). */
  leaseTtlMs?: number;
}

export interface RedisEventBus extends EventBus {
  /**
   * Drops every connection at once and sends nothing more: no lease given back, nothing acknowledged.
   * What Redis sees of a killed process; the take-over tests use it. The bus is unusable afterwards.
   */
  kill(): void;
}

/** Entries per XRANGE page of a replay. */
const REPLAY_PAGE = 500;

/** Creates the Redis Streams EventBus; it connects on first use. */
export function createRedisBus(options: RedisBusOptions): RedisEventBus {
  const { logger } = options;
  const partitions = options.partitions ?? 6;
  const maxLen = options.maxLenPerPartition ?? 1_000_000;
  const keys = streamKeysOf(options.keyPrefix ?? REDIS_EVENTS_PREFIX);
  const client = createRedisClient(
    options.url,
    // A publish fails soon while Redis is away (the outbox relay tries again); consumers retry on their own.
    { lazyConnect: true, maxRetriesPerRequest: 1 },
    {
      logger,
      whenDown: 'Redis for events is unreachable: publishing fails and consumers wait until it is back',
    },
  );
  const command = withWorkerScripts(withLeaseScripts(client));
  const members = new Set<GroupMember>();
  const subscriptions = new Set<Consumer>();
  const activeGroups = new Set<string>();
  let killed = false;

  const publish = async (messages: BusMessage[]) => {
    if (messages.length === 0) return;
    const publishedAt = new Date();
    const transaction = command.multi();
    for (const message of messages) {
      const stream = keys.stream(message.topic, partitionOf(message.key, partitions));
      transaction.xadd(stream, 'MAXLEN', '~', maxLen, '*', ...entryFieldsOf(message, publishedAt));
    }
    const replies = await transaction.exec();
    if (!replies) throw new Error('Redis discarded the publish (MULTI aborted)');
    const failure = replies.find(([error]) => error)?.[0];
    if (failure) throw failure;
  };

  const readRetained = async (
    topics: string[],
    from: Date | null,
    onMessage: (message: DeliveredMessage) => Promise<void>,
  ) => {
    for (const topic of topics) {
      for (let partition = 0; partition < partitions; partition += 1) {
        const stream = keys.stream(topic, partition);
        // Up to what the partition holds now: a message published during the replay is not part of it.
        const [last] = await command.xrevrange(stream, '+', '-', 'COUNT', 1);
        if (!last) continue;
        for (let start = firstIdFrom(from); ;) {
          const page = await command.xrange(stream, start, last[0], 'COUNT', REPLAY_PAGE);
          for (const entry of page) await onMessage(deliveredOf(topic, partition, entry, 1));
          if (page.length < REPLAY_PAGE) break;
          start = idAfter(page[page.length - 1]![0]);
        }
      }
    }
  };

  return {
    kind: 'redis',
    publish,
    readRetained,

    async subscribe({ group, topics, handler, retry = DEFAULT_RETRY }) {
      if (activeGroups.has(group)) {
        throw new Error(`Consumer group ${group} already has a consumer in this process.`);
      }
      activeGroups.add(group);
      let member: GroupMember;
      try {
        member = await joinGroup({
          command,
          keys,
          group,
          topics,
          handler,
          retry,
          partitions,
          leaseTtlMs: options.leaseTtlMs ?? 5_000,
          logger,
          park: (message) => publish([message]),
        });
      } catch (error) {
        activeGroups.delete(group);
        throw error;
      }
      members.add(member);
      let stopped: Promise<void> | undefined;
      const subscription: Consumer = {
        stop: () =>
          (stopped ??= member.stop().finally(() => {
            members.delete(member);
            subscriptions.delete(subscription);
            activeGroups.delete(group);
          })),
      };
      subscriptions.add(subscription);
      return subscription;
    },

    async close() {
      if (killed) return;
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      if (command.status === 'ready') await command.quit().catch(() => command.disconnect());
      else command.disconnect();
    },

    kill() {
      killed = true;
      for (const member of members) member.kill();
      command.disconnect();
    },
  };
}
