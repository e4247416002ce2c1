/** Subscribes a context's handlers to the topics of the event types they handle, validating every event. */
import type { Logger } from '../logging/logger';
import { inEventSpan } from '../tracing/event-span';
import { parseEvent, type EventEnvelope } from './envelope';
import type { Consumer, DeliveredMessage, EventBus, RetryPolicy } from './event-bus';
import { topicOf, type EventType } from './registry';

export type EventHandlers = { [T in EventType]?: (event: EventEnvelope<T>) => Promise<void> };

/** Routes one delivered message to its handler; skips types this context does not handle. */
export function dispatcher(handlers: EventHandlers, logger?: Logger) {
  return async (message: DeliveredMessage): Promise<void> => {
    const event = parseEvent(message);
    if (!event) {
      logger?.warn({ topic: message.topic, offset: message.offset }, 'skipping an event of an unknown type');
      return;
    }
    const handler = handlers[event.type] as ((e: typeof event) => Promise<void>) | undefined;
    // The handler continues the publishing request's trace: its logs and the events it emits share it.
    if (handler) await inEventSpan(message.topic, event, () => handler(event));
  };
}

export function topicsOf(handlers: EventHandlers): string[] {
  return [...new Set((Object.keys(handlers) as EventType[]).map(topicOf))];
}

export function startEventConsumer(options: {
  bus: EventBus;
  /** The consumer group: one per consuming context (e.g. `inventory`). */
  group: string;
  handlers: EventHandlers;
  logger?: Logger;
  retry?: RetryPolicy;
}): Promise<Consumer> {
  return options.bus.subscribe({
    group: options.group,
    topics: topicsOf(options.handlers),
    handler: dispatcher(options.handlers, options.logger),
    retry: options.retry,
  });
}
