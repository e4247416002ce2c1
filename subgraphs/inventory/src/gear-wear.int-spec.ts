import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../lib/auth/viewer';
import { parseEvent, toBusMessage } from '../../../lib/events/envelope';
import { eventually } from '../../../lib/testing/eventually';
import { useFixture } from '../../../lib/testing/fixture';
import { dispatcher, topicsOf } from '../../../lib/events/event-consumer';
import { createInProcessBus } from '../../../lib/events/in-process-bus';
import { availableDatabaseKinds } from '../../../lib/testing/test-databases';
import { anAthlete, aWorkoutSummary, workoutEvents } from './gear.builders';
import { openTestInventory } from './inventory.test-db';

const { completed, updated, deleted } = workoutEvents;

describe.each(availableDatabaseKinds())('gear wear from workout events on %s', (kind) => {
  const inventory = useFixture(() => openTestInventory(kind));

  const shoesOf = (athlete: Viewer, retirementDistanceMeters?: number) =>
    inventory().gear.add(athlete, { kind: 'SHOES', nickname: `Shoes ${uuidv7()}`, retirementDistanceMeters });
  const creditOf = async (athlete: Viewer, gearId: string) => {
    const { distanceMeters, movingSeconds } = await inventory().gear.get(athlete, gearId);
    return { distanceMeters, movingSeconds };
  };
  const outboxCount = (gearId: string, type: string) =>
    inventory().prisma.outboxEvent.count({ where: { key: gearId, type } });

  it('a finished workout with two gear items credits both, exactly once, even when the event is delivered twice', async () => {
    const ann = anAthlete();
    const [shoes, bike] = [
      await shoesOf(ann),
      await inventory().gear.add(ann, { kind: 'BIKE', nickname: 'Bike' }),
    ];
    const event = completed(
      aWorkoutSummary({ userId: ann.userId, gearIds: [shoes.id, bike.id], distanceMeters: 5000 }),
    );

    await inventory().handlers['training.workout.completed']!(event);
    await inventory().handlers['training.workout.completed']!(event);

    expect(await creditOf(ann, shoes.id)).toEqual({ distanceMeters: 5000, movingSeconds: 3500 });
    expect(await creditOf(ann, bike.id)).toEqual({ distanceMeters: 5000, movingSeconds: 3500 });
    expect(await inventory().gear.workoutCounts([shoes.id, bike.id])).toEqual([1, 1]);
    expect(await inventory().prisma.inboxEvent.count({ where: { eventId: event.id } })).toBe(1);
  });

  it('…or when the consumer crashes after its effect but before acknowledging', async () => {
    const ann = anAthlete();
    const [shoes, bike] = [
      await shoesOf(ann),
      await inventory().gear.add(ann, { kind: 'BIKE', nickname: 'Bike' }),
    ];
    const bus = createInProcessBus();
    const attempts: number[] = [];
    const dispatch = dispatcher(inventory().handlers);
    const consumer = await bus.subscribe({
      group: 'inventory',
      topics: topicsOf(inventory().handlers),
      retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 50 },
      handler: async (message) => {
        await dispatch(message); // commits the credit and the inbox row
        attempts.push(message.attempt); // once the attempt's transaction is over
        if (message.attempt === 1) throw new Error('crashed after the effect, before the ack');
      },
    });
    try {
      const summary = aWorkoutSummary({
        userId: ann.userId,
        gearIds: [shoes.id, bike.id],
        distanceMeters: 7000,
      });
      await bus.publish([toBusMessage(completed(summary))]);
      await eventually(() => expect(attempts).toEqual([1, 2]));
      expect(await creditOf(ann, shoes.id)).toEqual({ distanceMeters: 7000, movingSeconds: 3500 });
      expect(await creditOf(ann, bike.id)).toEqual({ distanceMeters: 7000, movingSeconds: 3500 });
    } finally {
      await consumer.stop();
      await bus.close();
    }
  });

  it('credits once when two consumers handle the same event at the same time', async () => {
    const ann = anAthlete();
    const shoes = await shoesOf(ann);
    const event = completed(
      aWorkoutSummary({ userId: ann.userId, gearIds: [shoes.id], distanceMeters: 3000 }),
    );
    await Promise.all([
      inventory().handlers['training.workout.completed']!(event),
      inventory().handlers['training.workout.completed']!(event),
    ]);
    expect((await inventory().gear.get(ann, shoes.id)).distanceMeters).toBe(3000);
  });

  it('updated corrects the credit: a changed distance, and a gear item swapped for another', async () => {
    const ann = anAthlete();
    const [a, b, c] = [await shoesOf(ann), await shoesOf(ann), await shoesOf(ann)];
    const summary = aWorkoutSummary({ userId: ann.userId, gearIds: [a.id, b.id], distanceMeters: 5000 });
    await inventory().handlers['training.workout.completed']!(completed(summary));

    const edited = { ...summary, gearIds: [a.id, c.id], distanceMeters: 6000, movingSeconds: 3000 };
    await inventory().handlers['training.workout.updated']!(updated(edited));

    expect(await creditOf(ann, a.id)).toEqual({ distanceMeters: 6000, movingSeconds: 3000 });
    expect(await creditOf(ann, b.id)).toEqual({ distanceMeters: 0, movingSeconds: 0 });
    expect(await creditOf(ann, c.id)).toEqual({ distanceMeters: 6000, movingSeconds: 3000 });
    const usages = await inventory().prisma.gearUsage.findMany({ where: { workoutId: summary.workoutId } });
    expect(usages.map((u) => u.gearId).sort()).toEqual([a.id, c.id].sort());
  });

  it('deleting a workout reverses its wear; the threshold event is not emitted twice', async () => {
    const ann = anAthlete();
    const shoes = await shoesOf(ann, 1000);
    const first = aWorkoutSummary({ userId: ann.userId, gearIds: [shoes.id], distanceMeters: 900 });
    await inventory().handlers['training.workout.completed']!(completed(first));

    expect(
      await inventory().prisma.gearThreshold.findMany({
        where: { gearId: shoes.id },
        select: { percent: true },
      }),
    ).toEqual([{ percent: 80 }]);
    expect(await outboxCount(shoes.id, 'inventory.gear.wear-threshold-reached')).toBe(1);
    const [row] = await inventory().prisma.outboxEvent.findMany({
      where: { key: shoes.id, type: 'inventory.gear.wear-threshold-reached' },
    });
    expect(parseEvent({ value: JSON.stringify(row!.payload) })).toMatchObject({
      causationId: expect.any(String),
      data: { gearId: shoes.id, thresholdPercent: 80, distanceMeters: 900, retirementDistanceMeters: 1000 },
    });

    const reachedAt = async () =>
      (await inventory().gear.wearThresholdReachedAt([await inventory().gear.get(ann, shoes.id)]))[0];
    const firstReached = await reachedAt();
    expect(firstReached).toEqual(row!.occurredAt);

    await inventory().handlers['training.workout.deleted']!(deleted(first));
    expect(await inventory().gear.get(ann, shoes.id)).toMatchObject({
      distanceMeters: 0,
      wearStatus: 'FINE',
    });
    expect(await reachedAt()).toBeNull();

    const second = aWorkoutSummary({ userId: ann.userId, gearIds: [shoes.id], distanceMeters: 900 });
    await inventory().handlers['training.workout.completed']!(completed(second));
    expect(await inventory().gear.get(ann, shoes.id)).toMatchObject({
      distanceMeters: 900,
      wearStatus: 'REPLACE_SOON',
    });
    expect(await outboxCount(shoes.id, 'inventory.gear.wear-threshold-reached')).toBe(1);
    expect(await reachedAt()).toEqual(firstReached); // the status is back, its moment is the first one
  });

  it('ignores a state of a workout that arrives after its deletion (a re-driven or replayed event)', async () => {
    const ann = anAthlete();
    const shoes = await shoesOf(ann);
    const summary = aWorkoutSummary({ userId: ann.userId, gearIds: [shoes.id], distanceMeters: 4000 });
    await inventory().handlers['training.workout.completed']!(completed(summary));
    await inventory().handlers['training.workout.deleted']!(deleted(summary));

    await inventory().handlers['training.workout.updated']!(updated({ ...summary, distanceMeters: 4500 }));
    await inventory().handlers['training.workout.completed']!(completed(summary));
    expect((await inventory().gear.get(ann, shoes.id)).distanceMeters).toBe(0);
    expect(await inventory().prisma.gearUsage.count({ where: { workoutId: summary.workoutId } })).toBe(0);
  });

  it('does not credit gear of another user listed in the workout', async () => {
    const [ann, bob] = [anAthlete(), anAthlete()];
    const [annsShoes, bobsShoes] = [await shoesOf(ann), await shoesOf(bob)];
    const summary = aWorkoutSummary({ userId: ann.userId, gearIds: [annsShoes.id, bobsShoes.id, uuidv7()] });
    await inventory().handlers['training.workout.completed']!(completed(summary));

    expect((await inventory().gear.get(ann, annsShoes.id)).distanceMeters).toBe(10_000);
    expect((await inventory().gear.get(bob, bobsShoes.id)).distanceMeters).toBe(0);
    expect(await inventory().prisma.gearUsage.count({ where: { workoutId: summary.workoutId } })).toBe(1);
  });
});
