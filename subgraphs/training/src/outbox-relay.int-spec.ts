// The outbox relay (lib/events/outbox-relay.ts) on training's real outbox table, on every database kind.
import { pino } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { createEvent, parseEvent, type EventEnvelope } from '../../../lib/events/envelope';
import type { DeliveredMessage, EventBus } from '../../../lib/events/event-bus';
import { eventually } from '../../../lib/testing/eventually';
import { consumeOnce } from '../../../lib/events/inbox';
import { createInProcessBus } from '../../../lib/events/in-process-bus';
import { createOutboxWriter } from '../../../lib/events/outbox';
import { startOutboxRelay, type OutboxRelayOptions } from '../../../lib/events/outbox-relay';
import { asRawSqlClient } from '../../../lib/events/raw-sql';
import { useFixture } from '../../../lib/testing/fixture';
import { availableDatabaseKinds, openTestContextDatabase } from '../../../lib/testing/test-databases';
import { createTrainingPrisma } from './training.prisma';

const logger = pino({ level: 'silent' });
const deleted = (workoutId: string): EventEnvelope =>
  createEvent(
    'training.workout.deleted',
    workoutId,
    { workoutId, userId: '01a1fb5a-fdb9-7073-b8d6-1cd4878c2c91', deletedAt: new Date().toISOString() },
    { actorId: null },
  );

/** For every key, the events arrived exactly in the order they were written (other keys may interleave). */
function expectSameOrderPerKey(arrived: Pick<EventEnvelope, 'id' | 'key'>[], written: EventEnvelope[]) {
  for (const key of new Set(written.map((e) => e.key))) {
    expect(arrived.filter((e) => e.key === key).map((e) => e.id)).toEqual(
      written.filter((e) => e.key === key).map((e) => e.id),
    );
  }
}

/** A bus whose publish succeeds and then "crashes" the relay (throws) on the chosen calls. */
function crashingAfterPublish(bus: EventBus, crashOnCalls: number[]): EventBus {
  let calls = 0;
  return {
    ...bus,
    async publish(messages) {
      calls += 1;
      await bus.publish(messages);
      if (crashOnCalls.includes(calls)) throw new Error('relay process died before marking the rows sent');
    },
  };
}

describe.each(availableDatabaseKinds())('outbox relay on %s', (kind) => {
  const db = useFixture(() => openTestContextDatabase(kind, 'training', createTrainingPrisma), 'each');

  const write = (events: EventEnvelope[]) => createOutboxWriter(db().client).write(events);
  /** A relay of training's outbox to `bus`, looking for rows every 20 ms unless `options` say otherwise. */
  const relayTo = (bus: EventBus, options: Pick<OutboxRelayOptions, 'batchSize' | 'idleMs'> = {}) =>
    startOutboxRelay({
      context: 'training',
      db: asRawSqlClient(db().client),
      bus,
      logger,
      idleMs: 20,
      ...options,
    });
  const collect = async (bus: EventBus) => {
    const received: DeliveredMessage[] = [];
    const consumer = await bus.subscribe({
      group: 'observer',
      topics: ['pulse.training.v1'],
      handler: async (m) => void received.push(m),
    });
    return { received, consumer };
  };
  const firstOccurrences = (messages: DeliveredMessage[]) => {
    const seen = new Set<string>();
    return messages.map((m) => parseEvent(m)!).filter((e) => !seen.has(e.id) && seen.add(e.id));
  };

  it('publishes pending events in order per key and marks them sent', async () => {
    const bus = createInProcessBus();
    const { received, consumer } = await collect(bus);
    const [a, b] = [uuidv7(), uuidv7()];
    const events = [deleted(a), deleted(b), deleted(a), deleted(a), deleted(b)];
    await write(events);
    const relay = relayTo(bus, { batchSize: 2 });
    await eventually(() => expect(received).toHaveLength(5));
    await relay.stop();
    expectSameOrderPerKey(
      received.map((m) => parseEvent(m)!),
      events,
    );
    // Across keys the order is free: look at the first message of the first event's key.
    expect(received.find((m) => m.key === a)?.headers).toMatchObject({
      'x-event-type': 'training.workout.deleted',
      'x-event-id': events[0]!.id,
    });
    expect(await db().client.outboxEvent.count({ where: { sentAt: null } })).toBe(0);
    await consumer.stop();
  });

  it('purges rows sent more than a week ago, and only those', async () => {
    const [old, recent, unsent] = [deleted(uuidv7()), deleted(uuidv7()), deleted(uuidv7())];
    await write([old, recent, unsent]);
    await db().client.outboxEvent.update({
      where: { id: old.id },
      data: { sentAt: new Date(Date.now() - 8 * 86_400_000) },
    });
    await db().client.outboxEvent.update({
      where: { id: recent.id },
      data: { sentAt: new Date(Date.now() - 86_400_000) },
    });
    const bus = createInProcessBus();
    const relay = relayTo(bus);
    await eventually(async () => {
      const left = (await db().client.outboxEvent.findMany({ select: { id: true } })).map((r) => r.id);
      expect(left.sort()).toEqual([recent.id, unsent.id].sort());
    });
    await relay.stop();
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    const bus = createInProcessBus();
    const { received, consumer } = await collect(bus);
    await expect(
      db().client.$transaction(async (tx) => {
        await createOutboxWriter(tx).write([deleted(uuidv7())]);
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    const relay = relayTo(bus);
    expect(await relay.tick()).toBe(0);
    await relay.stop();
    expect(received).toEqual([]);
    await consumer.stop();
  });

  it('re-publishes after a crash between publishing and marking sent; the inbox absorbs the duplicate', async () => {
    const bus = createInProcessBus();
    const effects: string[] = [];
    const consumer = await bus.subscribe({
      group: 'inbox-test',
      topics: ['pulse.training.v1'],
      handler: async (m) => {
        const event = parseEvent(m)!;
        await consumeOnce(db().client, 'inbox-test', event.id, async () => void effects.push(event.id));
      },
    });
    const { received, consumer: observer } = await collect(bus);
    const event = deleted(uuidv7());
    await write([event]);
    const relay = relayTo(crashingAfterPublish(bus, [1]));
    await eventually(async () =>
      expect(await db().client.outboxEvent.count({ where: { sentAt: null } })).toBe(0),
    );
    await relay.stop();
    await eventually(() => expect(received).toHaveLength(2));
    expect(received.map((m) => parseEvent(m)!.id)).toEqual([event.id, event.id]);
    await eventually(() => expect(effects).toEqual([event.id]));
    await Promise.all([consumer.stop(), observer.stop()]);
  });

  it('keeps per-key order across a relay restart', async () => {
    const bus = createInProcessBus();
    const { received, consumer } = await collect(bus);
    const keys = [uuidv7(), uuidv7(), uuidv7()];
    const events = Array.from({ length: 30 }, (_, i) => deleted(keys[i % 3]!));
    await write(events);

    // The first instance dies on its third batch, after publishing it; a new instance takes over.
    const first = relayTo(crashingAfterPublish(bus, [3, 4, 5, 6, 7, 8, 9, 10]), { batchSize: 4 });
    await eventually(() => expect(received.length).toBeGreaterThanOrEqual(12));
    await first.stop();
    const second = relayTo(bus, { batchSize: 4 });
    await eventually(async () =>
      expect(await db().client.outboxEvent.count({ where: { sentAt: null } })).toBe(0),
    );
    await second.stop();

    const delivered = firstOccurrences(received);
    expect(delivered).toHaveLength(30);
    expectSameOrderPerKey(delivered, events);
    await consumer.stop();
  });

  it('lets two relay instances share the work without publishing a row twice or reordering a key', async () => {
    const bus = createInProcessBus();
    const { received, consumer } = await collect(bus);
    const keys = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    const events = Array.from({ length: 40 }, (_, i) => deleted(keys[i % 4]!));
    await write(events);
    const options = { batchSize: 3, idleMs: 10 };
    const relays = [relayTo(bus, options), relayTo(bus, options)];
    await eventually(() => expect(received).toHaveLength(40));
    await Promise.all(relays.map((r) => r.stop()));
    expect(new Set(received.map((m) => parseEvent(m)!.id)).size).toBe(40);
    expectSameOrderPerKey(
      received.map((m) => parseEvent(m)!),
      events,
    );
    await consumer.stop();
  });
});
