/** What both PubSub adapters share: the bounded per-subscriber queue behind a subscription, and JSON copying. */
import { createBoundedBuffer } from '../async/bounded-buffer';
import { DEFAULT_BUFFER_SIZE, type PubSubSubscription, type SubscribeOptions } from './pubsub';

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

export interface SubscriptionQueue {
  readonly subscription: PubSubSubscription;
  /** Hands a message to the subscriber (or to its buffer, dropping the oldest when full). */
  deliver(message: unknown): void;
  /** Completes the subscription from the adapter's side (on close), without calling `onReturn`. */
  end(): void;
}

/**
 * `ready` is when the adapter receives the channel's messages; `onReturn` is called once, when the
 * subscriber leaves by `return()`.
 */
export function createSubscriptionQueue(
  bufferSize: number,
  ready: Promise<void>,
  onReturn: () => void,
): SubscriptionQueue {
  let dropped = 0;
  const buffer = createBoundedBuffer<unknown>(bufferSize, { onDrop: () => (dropped += 1) });
  let markEnded: () => void = () => undefined;
  const endedSignal = new Promise<void>((resolve) => (markEnded = resolve));
  let ended = false;
  /** Ends the subscription once: what is buffered is discarded and pending reads complete. */
  const end = () => {
    if (ended) return false;
    ended = true;
    markEnded();
    void buffer.return();
    return true;
  };

  const subscription: PubSubSubscription = {
    get dropped() {
      return dropped;
    },
    ready: Promise.race([ready, endedSignal]),
    next: () => buffer.next(),
    return: async () => {
      if (end()) onReturn();
      return DONE;
    },
    [Symbol.asyncIterator]() {
      return subscription;
    },
  };

  return { subscription, deliver: (message) => buffer.push(message), end: () => void end() };
}

/** The buffer size asked for (or the default); throws unless it is a positive integer. */
export function bufferSizeOf(options: SubscribeOptions | undefined): number {
  const size = options?.bufferSize ?? DEFAULT_BUFFER_SIZE;
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`bufferSize must be a positive integer, got ${size}.`);
  }
  return size;
}

/** The wire form of a message; throws when `message` has no JSON form (undefined, a function, a BigInt…). */
export function serializeMessage(channel: string, message: unknown): string {
  let payload: string | undefined;
  try {
    payload = JSON.stringify(message);
  } catch (error) {
    throw new TypeError(`The message for "${channel}" is not JSON-serialisable.`, { cause: error });
  }
  if (payload === undefined) throw new TypeError(`The message for "${channel}" is not JSON-serialisable.`);
  return payload;
}
