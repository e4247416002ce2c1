/**
 * The Kafka EventBus (kafkajs), with the in-process bus's observable semantics: an idempotent producer
 * keyed by aggregate id, one consumer group per subscription that commits a message's offset only once
 * its handler succeeded (or the message was parked on `<topic>.dlq` after its last attempt), and replay
 * from a time on through offsets looked up by timestamp. Topics are created on demand.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel, Partitioners, type EachMessagePayload } from 'kafkajs';
import type { Logger } from '../logging/logger';
import {
  DEFAULT_RETRY,
  dlqTopicOf,
  retryDelayMs,
  type BusMessage,
  type Consumer,
  type ConsumerOptions,
  type DeliveredMessage,
  type EventBus,
} from './event-bus';
import { dlqMessageOf, succeeds } from './bus-helpers';
import {
  deliveredOf,
  lazilyConnected,
  logCreatorFor,
  nextOffsetOf,
  replayRangesOf,
  topicMessagesOf,
} from './kafka-messages';

export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  logger?: Logger;
  /** Partitions of the topics this bus creates (default 6). */
  partitions?: number;
  /** Replication factor of the topics this bus creates (default 1: a single broker). */
  replicationFactor?: number;
}

// Bounds how long stopping a consumer waits for its idle long-poll fetch (kafkajs's default is 5 s).
const FETCH_MAX_WAIT_MS = 1000;

/** Creates the Kafka EventBus; it connects to the brokers lazily, on first use. */
export function createKafkaBus(options: KafkaBusOptions): EventBus {
  const { logger } = options;
  const partitions = options.partitions ?? 6;
  const kafka = new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: logger ? logLevel.INFO : logLevel.NOTHING,
    logCreator: logCreatorFor(logger),
  });
  const producer = lazilyConnected(() =>
    kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    }),
  );
  const admin = lazilyConnected(() => kafka.admin());
  const createdTopics = new Map<string, Promise<void>>();
  const consumers = new Set<Consumer>();
  const activeGroups = new Set<string>();

  const createTopic = async (topic: string) => {
    const client = await admin.get();
    const replicationFactor = options.replicationFactor ?? 1;
    try {
      await client.createTopics({ topics: [{ topic, numPartitions: partitions, replicationFactor }] });
    } catch (error) {
      // Where the bus may not create topics (no CREATE permission), they are provisioned beforehand.
      if (!(await client.listTopics()).includes(topic)) throw error;
    }
  };

  const ensureTopics = (topics: string[]) =>
    Promise.all(
      topics.map((topic) => {
        if (!createdTopics.has(topic)) {
          const creating = createTopic(topic).catch((error: unknown) => {
            createdTopics.delete(topic);
            throw error;
          });
          createdTopics.set(topic, creating);
        }
        return createdTopics.get(topic);
      }),
    );

  const publish = async (messages: BusMessage[]) => {
    if (messages.length === 0) return;
    const topicMessages = topicMessagesOf(messages);
    await ensureTopics(topicMessages.map(({ topic }) => topic));
    await (await producer.get()).sendBatch({ acks: -1, topicMessages });
  };

  const subscribe = async ({ group, topics, handler, retry = DEFAULT_RETRY }: ConsumerOptions) => {
    if (activeGroups.has(group)) {
      throw new Error(`Consumer group ${group} already has a consumer in this process.`);
    }
    activeGroups.add(group);
    const consumer = kafka.consumer({ groupId: group, maxWaitTimeInMs: FETCH_MAX_WAIT_MS });
    const stopping = new AbortController();
    const inHand = new Set<Promise<void>>();

    // Handles one message in place: retries with backoff, then parks it on the DLQ. True once it may be
    // committed; false when it was given up (stopping, membership lost, DLQ unwritable) and must come again.
    const handle = async ({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<boolean> => {
      const where = { topic, partition, offset: message.offset, group };
      for (let attempt = 1; ; attempt += 1) {
        const delivered = deliveredOf(topic, partition, message, attempt);
        try {
          await handler(delivered);
          return true;
        } catch (error) {
          if (attempt >= retry.maxAttempts) {
            const parked = dlqMessageOf(delivered, { error, group, attempts: attempt, failedAt: new Date() });
            const unparked = (err: unknown) =>
              logger?.error({ ...where, err }, 'DLQ unwritable; message kept');
            if (!(await succeeds(publish([parked]), unparked))) return false;
            logger?.error(
              { ...where, err: error, key: delivered.key, attempts: attempt },
              'message parked on the DLQ',
            );
            return true;
          }
          if (stopping.signal.aborted) return false;
          logger?.warn({ ...where, err: error, attempt }, 'handler failed, retrying');
          const delay = retryDelayMs(retry, attempt + 1);
          if (!(await succeeds(sleep(delay, undefined, { signal: stopping.signal })))) return false;
          // A long retry must keep the membership alive; when that fails, the partition may have moved on.
          if (!(await succeeds(heartbeat()))) return false;
        }
      }
    };

    // Never throws, so kafkajs never re-runs a batch on its own: a message given up is rewound instead.
    const eachMessage = async (payload: EachMessagePayload): Promise<void> => {
      const { topic, partition, message } = payload;
      const work = (async () => {
        if (stopping.signal.aborted || !(await handle(payload))) {
          try {
            consumer.seek({ topic, partition, offset: message.offset });
          } catch {
            // The consumer already stopped: the uncommitted offset is where the group resumes.
          }
          return;
        }
        const offset = nextOffsetOf(message.offset);
        // The message is done with: a later commit covers it, else it comes again (at least once).
        await succeeds(consumer.commitOffsets([{ topic, partition, offset }]), (err) =>
          logger?.warn({ topic, partition, offset, group, err }, 'offset commit failed'),
        );
      })();
      inHand.add(work);
      await work.finally(() => inHand.delete(work));
    };

    // Takes no more messages, lets those in hand finish (or give up between retries), then leaves the group.
    const stopConsumer = async () => {
      stopping.abort();
      try {
        consumer.pause(topics.map((topic) => ({ topic })));
      } catch {
        // Not running (never started, or crashed): nothing to pause.
      }
      await Promise.all(inHand);
      await consumer.disconnect().finally(() => {
        activeGroups.delete(group);
        consumers.delete(subscription);
      });
    };
    let stopped: Promise<void> | undefined;
    const subscription: Consumer = { stop: () => (stopped ??= stopConsumer()) };

    consumer.on(consumer.events.CRASH, ({ payload }) =>
      logger?.error({ err: payload.error, group, restart: payload.restart }, 'Kafka consumer crashed'),
    );
    try {
      await ensureTopics([...topics, ...topics.filter((topic) => !topic.endsWith('.dlq')).map(dlqTopicOf)]);
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: true });
      // One worker per partition: a message in retry holds back its own partition only.
      const partitionsConsumedConcurrently = Math.max(1, topics.length * partitions);
      await consumer.run({ autoCommit: false, partitionsConsumedConcurrently, eachMessage });
    } catch (error) {
      activeGroups.delete(group);
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    consumers.add(subscription);
    return subscription;
  };

  const readRetained = async (
    topics: string[],
    from: Date | null,
    onMessage: (message: DeliveredMessage) => Promise<void>,
  ) => {
    await ensureTopics(topics);
    const client = await admin.get();
    const ranges = await Promise.all(
      topics.map(async (topic) => {
        const starts = from ? await client.fetchTopicOffsetsByTimestamp(topic, from.getTime()) : null;
        return replayRangesOf(topic, await client.fetchTopicOffsets(topic), starts);
      }),
    );
    const pending = new Map(ranges.flat().map((range) => [`${range.topic}|${range.partition}`, range]));
    if (pending.size === 0) return;

    // A group of its own, so the replay neither disturbs nor is disturbed by the subscriptions' offsets.
    const groupId = `pulse-replay-${randomUUID()}`;
    // A crash fails the replay: restarted, the reader would begin again from the group's (uncommitted) start.
    const retry = { restartOnFailure: async () => false };
    const reader = kafka.consumer({ groupId, maxWaitTimeInMs: FETCH_MAX_WAIT_MS, retry });
    let settle!: { resolve(): void; reject(error: unknown): void };
    const finished = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    finished.catch(() => undefined); // awaited below, unless setting the reader up fails first
    let crash: Error | undefined;
    reader.on(reader.events.CRASH, ({ payload }) => {
      crash = payload.error;
      settle.reject(payload.error);
    });
    try {
      await reader.connect();
      await reader.subscribe({ topics, fromBeginning: true });
      await reader.run({
        autoCommit: false,
        eachMessage: async ({ topic, partition, message }) => {
          const range = pending.get(`${topic}|${partition}`);
          const offset = BigInt(message.offset);
          // Fetched before the seek took effect, or published after the replay started: not part of it.
          if (!range || offset < range.next || offset >= range.end) return;
          try {
            await onMessage(deliveredOf(topic, partition, message, 1));
          } catch (error) {
            pending.clear();
            return settle.reject(error);
          }
          range.next = offset + 1n;
          if (range.next < range.end) return;
          pending.delete(`${topic}|${partition}`);
          reader.pause([{ topic, partitions: [partition] }]);
          if (pending.size === 0) settle.resolve();
        },
      });
      if (crash) throw crash;
      for (const { topic, partition, next } of pending.values()) {
        reader.seek({ topic, partition, offset: next.toString() });
      }
      await finished;
    } finally {
      await reader
        .disconnect()
        .catch((error: unknown) => logger?.warn({ err: error, groupId }, 'replay stop failed'));
      await succeeds(client.deleteGroups([groupId]));
    }
  };

  return {
    kind: 'kafka',
    publish,
    subscribe,
    readRetained,
    async close() {
      await Promise.all([...consumers].map((consumer) => consumer.stop()));
      await Promise.all([producer.disconnect(), admin.disconnect()]);
    },
  };
}
