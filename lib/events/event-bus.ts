/**
 * The EventBus port. Three adapters implement it with the same observable semantics (EVENT_BUS): Kafka
 * (kafkajs), Redis Streams (ioredis) and an in-process bus (embedded mode, tests).
 *
 * - publish: messages of one key keep their order (key → partition).
 * - subscribe: consumer groups; every group gets every message of its topics once per successful
 *   handling; a message is acknowledged (offset committed) only after its handler resolved. The members
 *   of a group (one per process) share its partitions: one partition is handled by one member at a time.
 * - a handler that throws is retried with exponential backoff; after `maxAttempts` the message is
 *   parked on `<topic>.dlq` with the error and its original headers, and the group moves on.
 * - readRetained: what the bus still holds of some topics, from a time on, for replay.
 */
export interface BusMessage {
  topic: string;
  /** Partitioning key: the aggregate id. Messages with one key are delivered in publish order. */
  key: string;
  /** The serialized event envelope (JSON). */
  value: string;
  headers: Record<string, string>;
}

export interface DeliveredMessage extends BusMessage {
  partition: number;
  offset: string;
  timestamp: Date;
  /** 1 on first delivery, then 2, 3, … on retries. */
  attempt: number;
}

export type MessageHandler = (message: DeliveredMessage) => Promise<void>;

export interface RetryPolicy {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, initialDelayMs: 200, maxDelayMs: 10_000 };

export interface ConsumerOptions {
  group: string;
  topics: string[];
  handler: MessageHandler;
  retry?: RetryPolicy;
}

export interface Consumer {
  /** Stops taking messages; resolves once the message in hand (if any) is finished. */
  stop(): Promise<void>;
}

export interface EventBus {
  readonly kind: 'kafka' | 'in-process' | 'redis';
  publish(messages: BusMessage[]): Promise<void>;
  subscribe(options: ConsumerOptions): Promise<Consumer>;
  /** Calls `onMessage` for each retained message of `topics` published at or after `from` (all when null), in order per partition. */
  readRetained(
    topics: string[],
    from: Date | null,
    onMessage: (message: DeliveredMessage) => Promise<void>,
  ): Promise<void>;
  close(): Promise<void>;
}

/** Headers every parked message carries besides its original ones. */
export const DLQ_HEADERS = {
  error: 'x-dlq-error',
  originalTopic: 'x-dlq-original-topic',
  attempts: 'x-dlq-attempts',
  failedAt: 'x-dlq-failed-at',
  group: 'x-dlq-group',
} as const;

export const dlqTopicOf = (topic: string) => `${topic}.dlq`;

/** Delay before retry number `attempt` (≥ 2): initial · 2^(attempt − 2), capped. */
export function retryDelayMs(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.initialDelayMs * 2 ** Math.max(0, attempt - 2), policy.maxDelayMs);
}
