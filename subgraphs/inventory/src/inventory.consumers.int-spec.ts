import { pino } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { startContextEvents } from '../../../lib/events/context-events';
import { parseEvent, toBusMessage } from '../../../lib/events/envelope';
import { eventually } from '../../../lib/testing/eventually';
import { useFixture } from '../../../lib/testing/fixture';
import { createInProcessBus } from '../../../lib/events/in-process-bus';
import { availableDatabaseKinds } from '../../../lib/testing/test-databases';
import { anAthlete, aWorkoutSummary, workoutEvents } from './gear.builders';
import { openTestInventory } from './inventory.test-db';

const { completed, updated } = workoutEvents;

describe.each(availableDatabaseKinds())('inventory events on %s', (kind) => {
  const inventory = useFixture(() => openTestInventory(kind));

  const shoesOf = (athlete: ReturnType<typeof anAthlete>, retirementDistanceMeters?: number) =>
    inventory().gear.add(athlete, { kind: 'SHOES', nickname: `Shoes ${uuidv7()}`, retirementDistanceMeters });

  it('credits retired gear (a workout synced late) and nothing for a workout still in progress', async () => {
    const ann = anAthlete();
    const shoes = await shoesOf(ann);
    await inventory().gear.retire(ann, shoes.id);
    const summary = aWorkoutSummary({ userId: ann.userId, gearIds: [shoes.id], status: 'IN_PROGRESS' });
    await inventory().handlers['training.workout.updated']!(updated(summary));
    expect((await inventory().gear.get(ann, shoes.id)).distanceMeters).toBe(0);
    await inventory().handlers['training.workout.completed']!(completed({ ...summary, status: 'FINISHED' }));
    expect((await inventory().gear.get(ann, shoes.id)).distanceMeters).toBe(10_000);
  });

  it('wired as the subgraph wires it, consumes from the bus and publishes the threshold event to it', async () => {
    const ann = anAthlete();
    const shoes = await shoesOf(ann, 1000);
    const bus = createInProcessBus();
    const logger = pino({ level: 'silent' });
    const events = await startContextEvents({
      context: 'inventory',
      db: inventory().prisma,
      bus,
      logger,
      publishes: true,
      // As in index.ts: handlers wake the relay after a commit that wrote outbox rows.
      handlers: (notify) => inventory().handlersNotifying(notify),
    });
    const published: unknown[] = [];
    const listener = await bus.subscribe({
      group: 'a-test-listener',
      topics: ['pulse.inventory.v1'],
      handler: async (message) => void published.push(parseEvent(message)),
    });
    try {
      const summary = aWorkoutSummary({ userId: ann.userId, gearIds: [shoes.id], distanceMeters: 1000 });
      await bus.publish([toBusMessage(completed(summary))]);
      await eventually(() =>
        expect(published).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              type: 'inventory.gear.wear-threshold-reached',
              data: expect.objectContaining({ gearId: shoes.id, thresholdPercent: 100 }),
            }),
          ]),
        ),
      );
    } finally {
      await listener.stop();
      await events.stop();
      await bus.close();
    }
  });
});
