/**
 * The parts of the Redis Streams adapter (redis-bus.ts) that need no Redis: where a topic's partitions, a
 * group's live members and its partition leases are kept, and conversions between the port's messages and
 * stream entries (fields `key`, `value`, `headers` as JSON, `timestamp` in ms).
 */
import type { BusMessage, DeliveredMessage } from './event-bus';

export const REDIS_EVENTS_PREFIX = 'pulse:events:';

/**
 * The keys of a bus under `prefix`. The topic in braces is the hash tag: a partition's stream and its
 * leases share a Redis Cluster slot, so that one script may read both.
 */
export function streamKeysOf(prefix: string) {
  return {
    stream: (topic: string, partition: number) => `${prefix}{${topic}}:${partition}`,
    members: (topic: string, group: string) => `${prefix}{${topic}}:group:${group}:members`,
    lease: (topic: string, group: string, partition: number) =>
      `${prefix}{${topic}}:group:${group}:lease:${partition}`,
  };
}

export type StreamKeys = ReturnType<typeof streamKeysOf>;

/** A stream entry as XREADGROUP and XRANGE return it; a pending entry trimmed away has null fields. */
export type StreamEntry = [id: string, fields: string[] | null];

/** The fields XADD stores for `message`, published at `publishedAt` (the publisher's clock, like Kafka's). */
export function entryFieldsOf(message: BusMessage, publishedAt: Date): string[] {
  return [
    'key',
    message.key,
    'value',
    message.value,
    'headers',
    JSON.stringify(message.headers),
    'timestamp',
    String(publishedAt.getTime()),
  ];
}

/** The port's view of an entry of `topic`/`partition`, on its `attempt`-th delivery. */
export function deliveredOf(
  topic: string,
  partition: number,
  [id, fields]: [string, string[]],
  attempt: number,
): DeliveredMessage {
  const field = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) field.set(fields[i]!, fields[i + 1]!);
  const timestamp = Number(field.get('timestamp') ?? id.split('-')[0]);
  return {
    topic,
    key: field.get('key') ?? '',
    value: field.get('value') ?? '',
    headers: headersOf(field.get('headers')),
    partition,
    offset: id,
    timestamp: new Date(timestamp),
    attempt,
  };
}

/** Decodes the headers field; an entry not written by this adapter may have none, or other values. */
function headersOf(json: string | undefined): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json ?? '{}');
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => typeof value === 'string'));
}

/** Where XRANGE starts for a replay from `from`: entry ids begin with Redis's clock, in milliseconds. */
export function firstIdFrom(from: Date | null): string {
  return from ? `${from.getTime()}-0` : '-';
}

/** Where XRANGE starts for the page after the entry `id` (an exclusive bound). */
export function idAfter(id: string): string {
  return `(${id}`;
}
