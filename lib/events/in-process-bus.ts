/**
 * The in-process EventBus: Kafka's observable semantics inside one process (embedded mode, tests).
 * Topics are split into partitions by key hash, so one key keeps its order; each consumer group has
 * its own committed offset per partition and advances it only after its handler succeeded. With a
 * directory, the log and the offsets are kept in files, so events are retained across restarts
 * (for replay) and a restarted group resumes where it stopped. The log is appended to before publish
 * returns; the offsets are written at most every OFFSETS_WRITE_EVERY_MS (and when a consumer stops or the bus
 * closes), as Kafka's consumers commit: after a crash a group is given again what it handled in its last
 * moments (at least once; the consumers' inboxes drop what they already handled).
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logging/logger';
import { dlqMessageOf, partitionOf } from './bus-helpers';
import {
  DEFAULT_RETRY,
  retryDelayMs,
  type BusMessage,
  type Consumer,
  type ConsumerOptions,
  type DeliveredMessage,
  type EventBus,
} from './event-bus';

interface Stored extends BusMessage {
  partition: number;
  offset: number;
  timestamp: string;
}

export interface InProcessBusOptions {
  partitions?: number;
  /** Where to keep the log and the offsets; in memory only when absent. */
  dir?: string;
  logger?: Logger;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How often committed offsets reach the file: rewriting it after every handled message cost 4 % of the
 * embedded contexts' CPU under live load (bench:live --profile).
 */
const OFFSETS_WRITE_EVERY_MS = 100;

export function createInProcessBus(options: InProcessBusOptions = {}): EventBus {
  const partitions = options.partitions ?? 4;
  const dir = options.dir;
  const logs = new Map<string, Stored[][]>();
  const offsets: Record<string, number> = {};
  const wakers = new Set<() => void>();
  const consumers = new Set<{ stop(): Promise<void> }>();
  const activeGroups = new Set<string>();

  const logOf = (topic: string): Stored[][] => {
    let log = logs.get(topic);
    if (!log) {
      log = Array.from({ length: partitions }, () => []);
      logs.set(topic, log);
    }
    return log;
  };

  if (dir) {
    mkdirSync(dir, { recursive: true });
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ndjson'))) {
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const stored = JSON.parse(line) as Stored;
        logOf(stored.topic)[stored.partition]!.push(stored);
      }
    }
    const offsetsFile = join(dir, 'offsets.json');
    if (existsSync(offsetsFile)) Object.assign(offsets, JSON.parse(readFileSync(offsetsFile, 'utf8')));
  }

  const append = (message: BusMessage) => {
    const partition = partitionOf(message.key, partitions);
    const log = logOf(message.topic)[partition]!;
    const stored: Stored = { ...message, partition, offset: log.length, timestamp: new Date().toISOString() };
    if (dir)
      appendFileSync(join(dir, `${encodeURIComponent(message.topic)}.ndjson`), `${JSON.stringify(stored)}\n`);
    log.push(stored);
  };

  const wakeAll = () => {
    for (const wake of [...wakers]) wake();
  };

  let offsetsWrite: NodeJS.Timeout | null = null;
  const writeOffsets = () => {
    if (!offsetsWrite) return;
    clearTimeout(offsetsWrite);
    offsetsWrite = null;
    writeFileSync(join(dir!, 'offsets.json'), JSON.stringify(offsets));
  };
  const commit = (position: string, next: number) => {
    offsets[position] = next;
    if (dir && !offsetsWrite) offsetsWrite = setTimeout(writeOffsets, OFFSETS_WRITE_EVERY_MS).unref();
  };

  const delivered = (stored: Stored, attempt: number): DeliveredMessage => ({
    topic: stored.topic,
    key: stored.key,
    value: stored.value,
    headers: { ...stored.headers },
    partition: stored.partition,
    offset: String(stored.offset),
    timestamp: new Date(stored.timestamp),
    attempt,
  });

  return {
    kind: 'in-process',

    async publish(messages) {
      for (const message of messages) append(message);
      wakeAll();
    },

    async subscribe(consumer: ConsumerOptions): Promise<Consumer> {
      if (activeGroups.has(consumer.group)) {
        throw new Error(`Consumer group ${consumer.group} already has a consumer in this process.`);
      }
      activeGroups.add(consumer.group);
      const retry = consumer.retry ?? DEFAULT_RETRY;
      let running = true;

      // Handles one message: retries with backoff, then parks it on the DLQ. Returns false when the consumer
      // was stopped before the message was done with: it stays uncommitted and comes again next time.
      const handle = async (stored: Stored): Promise<boolean> => {
        for (let attempt = 1; ; attempt += 1) {
          try {
            await consumer.handler(delivered(stored, attempt));
            return true;
          } catch (error) {
            if (attempt >= retry.maxAttempts) {
              append(
                dlqMessageOf(stored, {
                  error,
                  group: consumer.group,
                  attempts: attempt,
                  failedAt: new Date(),
                }),
              );
              options.logger?.error(
                { err: error, topic: stored.topic, key: stored.key, group: consumer.group },
                'message parked on the DLQ',
              );
              wakeAll();
              return true;
            }
            if (!running) return false;
            options.logger?.warn(
              { err: error, attempt, topic: stored.topic, group: consumer.group },
              'handler failed, retrying',
            );
            await sleep(retryDelayMs(retry, attempt + 1));
          }
        }
      };

      // One loop per partition: a message being retried holds back its own partition only.
      const partitionLoop = async (topic: string, partition: number) => {
        const position = `${consumer.group}|${topic}|${partition}`;
        while (running) {
          const next = offsets[position] ?? 0;
          const stored = logOf(topic)[partition]![next];
          if (stored) {
            if (await handle(stored)) commit(position, next + 1);
            continue;
          }
          await new Promise<void>((resolve) => {
            const wake = () => {
              wakers.delete(wake);
              resolve();
            };
            wakers.add(wake);
          });
        }
      };
      const loops = consumer.topics.flatMap((topic) =>
        Array.from({ length: partitions }, (_, partition) => partitionLoop(topic, partition)),
      );
      const subscription = {
        async stop() {
          running = false;
          wakeAll();
          await Promise.all(loops);
          writeOffsets();
          activeGroups.delete(consumer.group);
          consumers.delete(subscription);
        },
      };
      consumers.add(subscription);
      return subscription;
    },

    async readRetained(topics, from, onMessage) {
      for (const topic of topics) {
        for (const partition of logOf(topic)) {
          for (const stored of partition) {
            if (!from || new Date(stored.timestamp) >= from) await onMessage(delivered(stored, 1));
          }
        }
      }
    },

    async close() {
      await Promise.all([...consumers].map((c) => c.stop()));
      writeOffsets();
    },
  };
}
