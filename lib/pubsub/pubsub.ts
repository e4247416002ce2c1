/**
 * The PubSub port: live, high-frequency signals (workout progress, leaderboards) for whoever is subscribed
 * right now. Fire-and-forget: nothing is persisted or replayed (durable facts go through the EventBus).
 * Two adapters show the same behaviour: in-process (one process, tests) and Redis (across processes).
 *
 * - messages are JSON values; every subscriber receives its own copy, in publish order per channel.
 * - a subscription is an async iterator (it plugs into a GraphQL subscription resolver); `return()`
 *   unsubscribes and completes pending `next()` calls.
 * - each subscription buffers at most `bufferSize` unread messages: when full, the oldest is dropped
 *   and counted in `dropped` (a slow reader loses stale progress, never the process' memory).
 */
export interface PubSubSubscription extends AsyncIterableIterator<unknown, undefined, undefined> {
  /** How many messages were dropped because this subscription's buffer was full. */
  readonly dropped: number;
  /**
   * Resolves once messages published from now on reach this subscription (Redis: the broker confirmed
   * the SUBSCRIBE). Never rejects: it also resolves when the subscription ends first.
   */
  readonly ready: Promise<void>;
  /** Unsubscribes: pending and later `next()` calls resolve with `done: true`. */
  return(): Promise<IteratorReturnResult<undefined>>;
}

export interface SubscribeOptions {
  /** Unread messages kept for this subscriber before the oldest is dropped. */
  bufferSize?: number;
}

export const DEFAULT_BUFFER_SIZE = 256;

export interface PubSub {
  readonly kind: 'redis' | 'in-process';
  /** Sends `message` (a JSON value) to the current subscribers of `channel`; rejects when it cannot be sent. */
  publish(channel: string, message: unknown): Promise<void>;
  subscribe(channel: string, options?: SubscribeOptions): PubSubSubscription;
  /**
   * Whether anyone (in any process sharing the broker) is subscribed to `channel` now: lets a publisher skip
   * computing a message no one would receive. False when it cannot tell (Redis unreachable). Subscribers in
   * other processes may be seen up to a second late (Redis's answer is kept that long).
   */
  hasSubscribers(channel: string): Promise<boolean>;
  /** Completes every open subscription and releases connections. */
  close(): Promise<void>;
}
