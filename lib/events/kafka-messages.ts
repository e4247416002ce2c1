/**
 * The parts of the Kafka adapter (kafka-bus.ts) that need no broker: conversions between the port's
 * messages and kafkajs's (headers, delivered messages, offsets), replay ranges, kafkajs's logging, and
 * lazy connections. What every adapter shares (partitions, DLQ copies) is in bus-helpers.ts.
 */
import { logLevel, type IHeaders, type KafkaMessage, type logCreator, type TopicMessages } from 'kafkajs';
import type { Logger } from '../logging/logger';
import type { BusMessage, DeliveredMessage } from './event-bus';

/** Decodes Kafka headers to strings (UTF-8); of a key sent more than once, the last value wins. */
export function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value !== undefined) decoded[name] = value.toString();
  }
  return decoded;
}

/** The port's view of a message fetched from `topic`/`partition`, on its `attempt`-th delivery. */
export function deliveredOf(
  topic: string,
  partition: number,
  message: KafkaMessage,
  attempt: number,
): DeliveredMessage {
  return {
    topic,
    key: message.key?.toString() ?? '',
    value: message.value?.toString() ?? '',
    headers: decodeHeaders(message.headers),
    partition,
    offset: message.offset,
    timestamp: new Date(Number(message.timestamp)),
    attempt,
  };
}

/** The offset a group commits once `offset` is done with: Kafka commits the next offset to read. */
export function nextOffsetOf(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}

/** Groups messages by topic for one `sendBatch`, keeping their order within each topic. */
export function topicMessagesOf(messages: BusMessage[]): TopicMessages[] {
  const byTopic = new Map<string, TopicMessages>();
  for (const { topic, key, value, headers } of messages) {
    let entry = byTopic.get(topic);
    if (!entry) {
      entry = { topic, messages: [] };
      byTopic.set(topic, entry);
    }
    entry.messages.push({ key, value, headers: { ...headers } });
  }
  return [...byTopic.values()];
}

/** What a replay still has to read of one partition: from `next` (inclusive) to `end` (exclusive). */
export interface ReplayRange {
  topic: string;
  partition: number;
  next: bigint;
  end: bigint;
}

/**
 * The non-empty ranges to replay of one topic: from each partition's first retained offset (`starts`
 * null) or the offset found for a timestamp, up to the high watermark seen now. A partition whose
 * start is -1 (nothing at or after the timestamp) or not below its high watermark has nothing to read.
 */
export function replayRangesOf(
  topic: string,
  watermarks: Array<{ partition: number; low: string; high: string }>,
  starts: Array<{ partition: number; offset: string }> | null,
): ReplayRange[] {
  const ranges: ReplayRange[] = [];
  for (const { partition, low, high } of watermarks) {
    const found = starts ? starts.find((s) => s.partition === partition)?.offset : low;
    if (found === undefined) continue;
    const start = BigInt(found);
    const end = BigInt(high);
    if (start >= 0n && start < end) ranges.push({ topic, partition, next: start, end });
  }
  return ranges;
}

/** The pino level a kafkajs log entry is written at: its INFO lines (joins, stops) are debug detail for us. */
export function pinoLevelOf(level: logLevel): 'error' | 'warn' | 'debug' | 'trace' {
  switch (level) {
    case logLevel.NOTHING:
    case logLevel.ERROR:
      return 'error';
    case logLevel.WARN:
      return 'warn';
    case logLevel.INFO:
      return 'debug';
    default:
      return 'trace';
  }
}

/** Routes kafkajs's own log lines to pino (or nowhere), never to the console. */
export function logCreatorFor(logger: Logger | undefined): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, logger: _kafkajs, ...fields } = log;
      logger?.[pinoLevelOf(level)]({ ...fields, kafkajs: namespace }, message);
    };
}

/** Connects a kafkajs client on first use and hands out that one connection until disconnected. */
export function lazilyConnected<C extends { connect(): Promise<void>; disconnect(): Promise<void> }>(
  create: () => C,
) {
  let connecting: Promise<C> | undefined;
  return {
    get(): Promise<C> {
      connecting ??= (async () => {
        const client = create();
        await client.connect();
        return client;
      })().catch((error: unknown) => {
        connecting = undefined;
        throw error;
      });
      return connecting;
    },
    async disconnect(): Promise<void> {
      const client = await connecting?.catch(() => undefined);
      connecting = undefined;
      await client?.disconnect();
    },
  };
}
