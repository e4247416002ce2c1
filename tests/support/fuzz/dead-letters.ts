/** Watches the bus: every message parked on a dead-letter topic, and when the last message of any topic came. */
import {
  DEFAULT_RETRY,
  DLQ_HEADERS,
  dlqTopicOf,
  retryDelayMs,
  type DeliveredMessage,
  type EventBus,
} from '../../../lib/events/event-bus';
import { EVENT_CONTRACTS, topicOf, type EventType } from '../../../lib/events/registry';

// How long a failing message takes to be parked: the backoff between its attempts.
const PARKING_MS = Array.from({ length: DEFAULT_RETRY.maxAttempts - 1 }, (_, i) =>
  retryDelayMs(DEFAULT_RETRY, i + 2),
).reduce((sum, ms) => sum + ms, 0);

export async function watchDeadLetters(bus: EventBus) {
  const topics = [...new Set((Object.keys(EVENT_CONTRACTS) as EventType[]).map(topicOf))];
  const parked: DeliveredMessage[] = [];
  let lastMessageAt = Date.now();
  const consumers = await Promise.all([
    bus.subscribe({
      group: 'fuzz-dlq',
      topics: topics.map(dlqTopicOf),
      handler: async (message) => {
        parked.push(message);
      },
    }),
    bus.subscribe({
      group: 'fuzz-activity',
      topics: [...topics, ...topics.map(dlqTopicOf)],
      handler: async () => {
        lastMessageAt = Date.now();
      },
    }),
  ]);
  return {
    parked,
    /**
     * Waits until no message has come for longer than a failing one takes to be parked. The bus does not
     * tell how far behind its consumers are: a quiet bus is the nearest sign they are done.
     */
    async settle(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() - lastMessageAt < PARKING_MS + 2_000 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
    describe: (message: DeliveredMessage) =>
      `${eventTypeOf(message)} on ${message.headers[DLQ_HEADERS.originalTopic]} ` +
      `(group ${message.headers[DLQ_HEADERS.group]}, ${message.headers[DLQ_HEADERS.attempts]} attempts): ` +
      `${message.headers[DLQ_HEADERS.error]}`,
    stop: () => Promise.all(consumers.map((consumer) => consumer.stop())),
  };
}

function eventTypeOf(message: DeliveredMessage): string {
  try {
    return String((JSON.parse(message.value) as { type?: unknown }).type);
  } catch {
    return 'an event';
  }
}
