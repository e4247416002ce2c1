/**
 * A live GraphQL subscription over a pub/sub channel whose messages are looked up (an id becomes the item as
 * stored now): a message `view` answers null for is passed over (gone meanwhile, or hidden from this
 * subscriber). `return()` — the client went away — ends the pub/sub subscription at once; a generator
 * waiting for the next message would keep it until one came.
 */
import type { PubSubSubscription } from './pubsub';

export function mappedSubscription<T>(
  subscription: PubSubSubscription,
  view: (message: unknown) => Promise<T | null>,
): AsyncIterableIterator<T> {
  return {
    async next(): Promise<IteratorResult<T>> {
      for (;;) {
        const message = await subscription.next();
        if (message.done) return { done: true, value: undefined };
        const item = await view(message.value);
        if (item !== null) return { done: false, value: item };
      }
    },
    async return(): Promise<IteratorResult<T>> {
      await subscription.return();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
