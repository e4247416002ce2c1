/**
 * One subscription of the Redis Streams bus: a member of its consumer group on each of its topics. It
 * creates the group on every partition at id 0 (a new group reads everything retained, like Kafka's
 * fromBeginning), heartbeats, keeps its share of the partitions through leases (redis-partition-leases.ts)
 * and runs one worker per partition it holds (redis-partition-worker.ts). Its workers wait for new
 * entries through one blocking connection of its own (redis-stream-waiter.ts).
 */
import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logging/logger';
import { succeeds } from './bus-helpers';
import type { BusMessage, MessageHandler, RetryPolicy } from './event-bus';
import { partitionLeasesOf, planLeases, type LeaseClient } from './redis-partition-leases';
import { startPartitionWorker, type PartitionWorker, type WorkerClient } from './redis-partition-worker';
import type { StreamKeys } from './redis-stream-messages';
import { createStreamWaiter } from './redis-stream-waiter';

export interface GroupMemberOptions {
  command: LeaseClient & WorkerClient;
  keys: StreamKeys;
  group: string;
  topics: string[];
  handler: MessageHandler;
  retry: RetryPolicy;
  partitions: number;
  leaseTtlMs: number;
  logger: Logger;
  park(message: BusMessage): Promise<void>;
}

export interface GroupMember {
  /** Takes no more messages, lets those in hand finish, then gives back its partitions at once. */
  stop(): Promise<void>;
  /** Stops without a word to Redis: its partitions wait for their leases to expire (the bus drops the connections). */
  kill(): void;
}

/** Joins `group` on `topics`; resolves once the member holds its first share of the partitions. */
export async function joinGroup(options: GroupMemberOptions): Promise<GroupMember> {
  const { command, keys, group, partitions, leaseTtlMs, logger } = options;
  const member = randomUUID();
  const partitionNumbers = Array.from({ length: partitions }, (_, partition) => partition);
  await createGroups(
    command,
    group,
    options.topics.flatMap((t) => partitionNumbers.map((p) => keys.stream(t, p))),
  );

  const blocking = command.duplicate();
  // The command connection reports an outage; the blocking one would only say it again.
  blocking.on('error', () => undefined);
  const waiter = createStreamWaiter(blocking, command);
  const stopping = new AbortController();
  let killed = false;
  const releases = new Set<Promise<void>>();
  const topics = options.topics.map((topic) => ({
    topic,
    leases: partitionLeasesOf(command, { keys, topic, group, partitions, member, ttlMs: leaseTtlMs }),
    workers: new Map<number, PartitionWorker>(),
    releasing: new Set<number>(),
  }));
  type Topic = (typeof topics)[number];

  const start = (t: Topic, partition: number) => {
    const worker = startPartitionWorker({
      ...options,
      topic: t.topic,
      partition,
      member,
      waiter,
      stream: keys.stream(t.topic, partition),
      lease: keys.lease(t.topic, group, partition),
    });
    t.workers.set(partition, worker);
    void worker.done.then(() => t.workers.get(partition) === worker && t.workers.delete(partition));
  };

  // The lease goes back only once the message in hand is finished: the next holder starts after it.
  const release = (t: Topic, partition: number) => {
    const worker = t.workers.get(partition);
    t.workers.delete(partition);
    t.releasing.add(partition);
    const releasing = (async () => {
      await worker?.stop();
      if (!killed) {
        await succeeds(t.leases.release([partition]), (err) =>
          logger.warn({ topic: t.topic, partition, group, err }, 'giving a partition back failed'),
        );
      }
      t.releasing.delete(partition);
    })();
    releases.add(releasing);
    void releasing.finally(() => releases.delete(releasing));
  };

  const balance = async (t: Topic) => {
    const view = await t.leases.heartbeat();
    if (stopping.signal.aborted) return;
    const plan = planLeases(view, member, new Set(t.workers.keys()), t.releasing);
    for (const partition of plan.lost) {
      logger.warn({ topic: t.topic, partition, group }, 'partition lease expired; another member takes over');
      void t.workers.get(partition)?.stop();
      t.workers.delete(partition);
    }
    for (const partition of plan.release) release(t, partition);
    for (const partition of plan.adopt) start(t, partition);
    for (const partition of await t.leases.take(plan.take)) {
      if (!stopping.signal.aborted) start(t, partition);
    }
  };
  const balanceAll = () => Promise.all(topics.map(balance));

  const stopWorkers = async () => {
    stopping.abort();
    const workers = topics.flatMap((t) => [...t.workers.values()]);
    await Promise.all([...workers.map((worker) => worker.stop()), ...releases]);
    await waiter.stop();
    await Promise.all(
      topics.map((t) =>
        succeeds(t.leases.leave(), (err) =>
          logger.warn({ topic: t.topic, group, err }, 'leaving the group failed'),
        ),
      ),
    );
    if (blocking.status === 'ready') await blocking.quit().catch(() => blocking.disconnect());
    else blocking.disconnect();
  };

  try {
    await balanceAll();
  } catch (error) {
    await stopWorkers();
    throw error;
  }
  const heartbeats = (async () => {
    // Three heartbeats per TTL: a lease survives one that fails.
    while (await succeeds(sleep(leaseTtlMs / 3, undefined, { signal: stopping.signal }))) {
      await balanceAll().catch((err: unknown) => {
        if (command.status === 'ready') logger.warn({ group, err }, 'consumer group heartbeat failed');
      });
    }
  })();

  return {
    async stop() {
      stopping.abort();
      await heartbeats;
      await stopWorkers();
    },
    kill() {
      killed = true;
      stopping.abort();
      for (const t of topics) for (const worker of t.workers.values()) worker.abandon();
      waiter.abandon();
      blocking.disconnect();
    },
  };
}

/** Creates `group` on each stream (and the stream) at id 0; a group that exists keeps its place. */
async function createGroups(command: Redis, group: string, streams: string[]): Promise<void> {
  const pipeline = command.pipeline();
  for (const stream of streams) pipeline.xgroup('CREATE', stream, group, '0', 'MKSTREAM');
  const replies = (await pipeline.exec()) ?? [];
  const failure = replies.find(([error]) => error && !error.message.startsWith('BUSYGROUP'))?.[0];
  if (failure) throw failure;
}
