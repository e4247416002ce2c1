/** The PubSub of one process (embedded mode, tests): messages go through JSON like Redis, so both behave alike. */
import type { PubSub } from './pubsub';
import {
  bufferSizeOf,
  createSubscriptionQueue,
  serializeMessage,
  type SubscriptionQueue,
} from './subscription-queue';

export function createInProcessPubSub(): PubSub {
  const channels = new Map<string, Set<SubscriptionQueue>>();
  let closed = false;

  const leave = (channel: string, queue: SubscriptionQueue) => {
    const queues = channels.get(channel);
    queues?.delete(queue);
    if (queues?.size === 0) channels.delete(channel);
  };

  return {
    kind: 'in-process',
    async publish(channel, message) {
      if (closed) throw new Error(`Cannot publish to "${channel}": the pub/sub is closed.`);
      const payload = serializeMessage(channel, message);
      for (const queue of [...(channels.get(channel) ?? [])]) queue.deliver(JSON.parse(payload));
    },
    subscribe(channel, options) {
      if (closed) throw new Error(`Cannot subscribe to "${channel}": the pub/sub is closed.`);
      const queue = createSubscriptionQueue(bufferSizeOf(options), Promise.resolve(), () =>
        leave(channel, queue),
      );
      const queues = channels.get(channel) ?? new Set<SubscriptionQueue>();
      channels.set(channel, queues.add(queue));
      return queue.subscription;
    },
    hasSubscribers: async (channel) => (channels.get(channel)?.size ?? 0) > 0,
    async close() {
      closed = true;
      for (const queues of channels.values()) for (const queue of queues) queue.end();
      channels.clear();
    },
  };
}
