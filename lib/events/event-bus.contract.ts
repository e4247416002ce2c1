/**
 * The behaviour every EventBus adapter must show. Run by event-bus.int-spec.ts against the in-process
 * bus always and against Kafka when KAFKA_BROKERS is set.
 */
import { randomUUID } from 'node:crypto';
import { eventually } from '../testing/eventually';
import { DLQ_HEADERS, dlqTopicOf, type BusMessage, type DeliveredMessage, type EventBus } from './event-bus';

const FAST_RETRY = { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 50 };

const aMessage = (
  topic: string,
  key: string,
  value: string,
  headers: Record<string, string> = {},
): BusMessage => ({
  topic,
  key,
  value,
  headers: { 'x-test': 'yes', ...headers },
});

export function describeEventBusContract(name: string, createBus: () => Promise<EventBus>): void {
  describe(`EventBus contract: ${name}`, () => {
    let bus: EventBus;
    beforeAll(async () => {
      bus = await createBus();
    });
    afterAll(async () => {
      await bus.close();
    });
    const topicFor = (what: string) => `pulse.test.${what}.${randomUUID().slice(0, 8)}`;
    const groupFor = (what: string) => `test-${what}-${randomUUID().slice(0, 8)}`;

    it('delivers every message to a group, in publish order per key', async () => {
      const topic = topicFor('order');
      const received: DeliveredMessage[] = [];
      const consumer = await bus.subscribe({
        group: groupFor('order'),
        topics: [topic],
        handler: async (m) => void received.push(m),
      });
      const keys = ['a', 'b', 'c'];
      const messages = Array.from({ length: 30 }, (_, i) => aMessage(topic, keys[i % 3]!, String(i)));
      await bus.publish(messages.slice(0, 15));
      await bus.publish(messages.slice(15));
      await eventually(() => expect(received).toHaveLength(30));
      for (const key of keys) {
        const values = received.filter((m) => m.key === key).map((m) => Number(m.value));
        expect(values).toEqual([...values].sort((x, y) => x - y));
      }
      expect(received[0]).toMatchObject({
        topic,
        headers: expect.objectContaining({ 'x-test': 'yes' }),
        attempt: 1,
      });
      await consumer.stop();
    });

    it('gives each consumer group its own copy of every message', async () => {
      const topic = topicFor('groups');
      const first: string[] = [];
      const second: string[] = [];
      const a = await bus.subscribe({
        group: groupFor('a'),
        topics: [topic],
        handler: async (m) => void first.push(m.value),
      });
      const b = await bus.subscribe({
        group: groupFor('b'),
        topics: [topic],
        handler: async (m) => void second.push(m.value),
      });
      await bus.publish([aMessage(topic, 'k', '1'), aMessage(topic, 'k', '2')]);
      await eventually(() => {
        expect(first).toEqual(['1', '2']);
        expect(second).toEqual(['1', '2']);
      });
      await Promise.all([a.stop(), b.stop()]);
    });

    it('retries a handler that fails twice; the message takes effect once', async () => {
      const topic = topicFor('retry');
      const attempts: number[] = [];
      let effects = 0;
      const consumer = await bus.subscribe({
        group: groupFor('retry'),
        topics: [topic],
        retry: FAST_RETRY,
        handler: async (m) => {
          attempts.push(m.attempt);
          if (attempts.length < 3) throw new Error('database briefly unavailable');
          effects += 1;
        },
      });
      await bus.publish([aMessage(topic, 'k', 'once')]);
      await eventually(() => expect(effects).toBe(1));
      expect(attempts).toEqual([1, 2, 3]);
      await consumer.stop();
    });

    it('parks a message that always fails on <topic>.dlq with its error and headers, and keeps the rest flowing', async () => {
      const topic = topicFor('poison');
      const handled: string[] = [];
      const consumer = await bus.subscribe({
        group: groupFor('poison'),
        topics: [topic],
        retry: FAST_RETRY,
        handler: async (m) => {
          if (m.value === 'poison') throw new Error('cannot parse this event');
          handled.push(m.value);
        },
      });
      const parked: DeliveredMessage[] = [];
      const dlq = await bus.subscribe({
        group: groupFor('dlq'),
        topics: [dlqTopicOf(topic)],
        handler: async (m) => void parked.push(m),
      });
      await bus.publish([
        aMessage(topic, 'bad-key', 'poison', { 'x-event-type': 'test.poison' }),
        aMessage(topic, 'bad-key', 'after poison, same key'),
        aMessage(topic, 'other-key', 'other key'),
      ]);
      await eventually(() => {
        expect(handled).toEqual(expect.arrayContaining(['after poison, same key', 'other key']));
        expect(parked).toHaveLength(1);
      });
      expect(parked[0]).toMatchObject({
        key: 'bad-key',
        value: 'poison',
        headers: expect.objectContaining({
          'x-test': 'yes',
          'x-event-type': 'test.poison',
          [DLQ_HEADERS.error]: 'cannot parse this event',
          [DLQ_HEADERS.originalTopic]: topic,
          [DLQ_HEADERS.attempts]: '3',
        }),
      });
      await Promise.all([consumer.stop(), dlq.stop()]);
    });

    it('redelivers to a restarted group what it had not acknowledged, and nothing it had', async () => {
      const topic = topicFor('restart');
      const group = groupFor('restart');
      const seen: string[] = [];
      const first = await bus.subscribe({
        group,
        topics: [topic],
        handler: async (m) => void seen.push(m.value),
      });
      await bus.publish([aMessage(topic, 'k', '1')]);
      await eventually(() => expect(seen).toEqual(['1']));
      await first.stop();

      await bus.publish([aMessage(topic, 'k', '2')]);
      const second = await bus.subscribe({
        group,
        topics: [topic],
        handler: async (m) => void seen.push(m.value),
      });
      await eventually(() => expect(seen).toEqual(['1', '2']));
      await second.stop();
    });

    it('reads back the retained messages of a topic from a time on', async () => {
      const topic = topicFor('retained');
      await bus.publish([aMessage(topic, 'k', 'old')]);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const from = new Date();
      await bus.publish([aMessage(topic, 'k', 'new')]);
      const all: string[] = [];
      const recent: string[] = [];
      await eventually(async () => {
        all.length = 0;
        recent.length = 0;
        await bus.readRetained([topic], null, async (m) => void all.push(m.value));
        await bus.readRetained([topic], from, async (m) => void recent.push(m.value));
        expect(all).toEqual(['old', 'new']);
        expect(recent).toEqual(['new']);
      });
    });
  });
}
