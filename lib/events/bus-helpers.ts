/**
 * What the EventBus adapters (in-process, Kafka, Redis Streams) share, so that they agree to the byte:
 * which partition a key goes to, the copy of a failed message parked on `<topic>.dlq`, and promise
 * outcomes read as booleans (an adapter's expected failures: a broker away, a consumer stopping).
 */
import { DLQ_HEADERS, dlqTopicOf, type BusMessage } from './event-bus';

/** FNV-1a: a stable, well-spread hash of the key, so that one key always lands in one partition. */
export function partitionOf(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % partitions;
}

/** Why, in which group, after how many attempts and when a message failed, as its DLQ copy records. */
export interface Failure {
  error: unknown;
  group: string;
  attempts: number;
  failedAt: Date;
}

/** The message parked on `<topic>.dlq` for a message whose handler failed its last attempt. */
export function dlqMessageOf(message: BusMessage, failure: Failure): BusMessage {
  return {
    topic: dlqTopicOf(message.topic),
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      [DLQ_HEADERS.error]: failure.error instanceof Error ? failure.error.message : String(failure.error),
      [DLQ_HEADERS.originalTopic]: message.topic,
      [DLQ_HEADERS.attempts]: String(failure.attempts),
      [DLQ_HEADERS.failedAt]: failure.failedAt.toISOString(),
      [DLQ_HEADERS.group]: failure.group,
    },
  };
}

/** Whether a promise fulfils; a rejection is an expected outcome, handed to `onError` (if any). */
export function succeeds(promise: Promise<unknown>, onError?: (error: unknown) => void): Promise<boolean> {
  return promise.then(
    () => true,
    (error: unknown) => {
      onError?.(error);
      return false;
    },
  );
}
