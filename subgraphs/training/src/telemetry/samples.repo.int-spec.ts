import { v7 as uuidv7 } from 'uuid';
import { useFixture } from '../../../../lib/testing/fixture';
import { availableDatabaseKinds, openTestContextDatabase } from '../../../../lib/testing/test-databases';
import { createTrainingPrisma } from '../training.prisma';
import { createSamplesRepo } from './samples.repo';
import { samplesOf } from './telemetry-batch';

const T0 = Date.UTC(2026, 10, 20, 6, 0, 0);
// When the batches arrive: sample times must not lie more than a day ahead of it.
const RECEIVED_AT = new Date(T0 + 3_600_000);
const rowsOf = (from: number, count: number) =>
  samplesOf(
    {
      batchId: 'b',
      sequence: Array.from({ length: count }, (_, i) => from + i),
      time: Array.from({ length: count }, (_, i) => T0 + (from + i) * 1000),
      latitude: Array.from({ length: count }, (_, i) => (i % 10 === 0 ? null : 45 + i * 1e-5)),
      power: Array.from({ length: count }, () => 250),
    },
    RECEIVED_AT,
  );

const OWNER = uuidv7();

describe.each(availableDatabaseKinds())('samples repository on %s', (kind) => {
  const db = useFixture(() => openTestContextDatabase(kind, 'training', createTrainingPrisma));
  const aWorkout = async () =>
    (
      await db().client.workout.create({
        data: { id: uuidv7(), userId: OWNER, sport: 'RUN', startedAt: new Date(T0) },
      })
    ).id;

  it('stores a batch of 20 000 samples in one statement and skips re-sent ones', async () => {
    const repo = createSamplesRepo(db().client);
    const workoutId = await aWorkout();
    expect(await repo.storeBatch(workoutId, OWNER, 'big', rowsOf(0, 20_000))).toEqual({
      accepted: 20_000,
      sampleCount: 20_000,
      status: 'IN_PROGRESS',
    });
    expect(await repo.storeBatch(workoutId, OWNER, 'big', rowsOf(0, 20_000))).toEqual({
      accepted: 0,
      sampleCount: 20_000,
      status: 'IN_PROGRESS',
    });
    expect(await repo.storeBatch(workoutId, OWNER, 'tail', rowsOf(19_990, 20))).toEqual({
      accepted: 10,
      sampleCount: 20_010,
      status: 'IN_PROGRESS',
    });
    expect(await db().client.telemetrySample.count({ where: { workoutId } })).toBe(20_010);
  });

  it('stores nothing for a workout that does not exist (deleted meanwhile)', async () => {
    const repo = createSamplesRepo(db().client);
    const missing = uuidv7();
    expect(await repo.storeBatch(missing, OWNER, 'b', rowsOf(0, 2))).toBeNull();
    expect(await db().client.telemetrySample.count({ where: { workoutId: missing } })).toBe(0);
    expect(await db().client.telemetryBatch.count({ where: { workoutId: missing } })).toBe(0);
  });

  it("stores nothing for someone else's workout, and leaves its row as it was", async () => {
    const repo = createSamplesRepo(db().client);
    const workoutId = await aWorkout();
    const before = await db().client.workout.findUniqueOrThrow({ where: { id: workoutId } });
    expect(await repo.storeBatch(workoutId, uuidv7(), 'b', rowsOf(0, 2))).toBeNull();
    expect(await db().client.workout.findUniqueOrThrow({ where: { id: workoutId } })).toEqual(before);
    expect(await db().client.telemetrySample.count({ where: { workoutId } })).toBe(0);
    expect(await db().client.telemetryBatch.count({ where: { workoutId } })).toBe(0);
  });

  it('tells the status after the store: a finished workout needs its figures recomputed', async () => {
    const repo = createSamplesRepo(db().client);
    const workoutId = await aWorkout();
    await db().client.workout.update({ where: { id: workoutId }, data: { status: 'FINISHED' } });
    expect(await repo.storeBatch(workoutId, OWNER, 'late', rowsOf(0, 2))).toMatchObject({
      status: 'FINISHED',
    });
  });

  it('counts every sample of concurrent batches of one workout once', async () => {
    const repo = createSamplesRepo(db().client);
    const workoutId = await aWorkout();
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        repo.storeBatch(workoutId, OWNER, `b${i % 4}`, rowsOf((i % 4) * 10, 10)),
      ),
    );
    expect(await db().client.workout.findUniqueOrThrow({ where: { id: workoutId } })).toMatchObject({
      sampleCount: 40,
    });
    expect(await db().client.telemetrySample.count({ where: { workoutId } })).toBe(40);
  });

  it('keeps every value as sent, gaps as null', async () => {
    const repo = createSamplesRepo(db().client);
    const workoutId = await aWorkout();
    await repo.storeBatch(workoutId, OWNER, 'b', rowsOf(0, 2));
    const stored = await db().client.telemetrySample.findMany({
      where: { workoutId },
      orderBy: { sequence: 'asc' },
    });
    expect(
      stored.map((s) => [s.sequence, s.recordedAt?.getTime(), s.latitude, s.power, s.heartRate]),
    ).toEqual([
      [0, T0, null, 250, null],
      [1, T0 + 1000, 45.00001, 250, null],
    ]);
    expect(await db().client.telemetryBatch.count({ where: { workoutId } })).toBe(1);
  });

  it('reads the track back in sequence order, times in milliseconds', async () => {
    const repo = createSamplesRepo(db().client);
    const workoutId = await aWorkout();
    await repo.storeBatch(workoutId, OWNER, 'late', rowsOf(2, 2));
    await repo.insert(workoutId, rowsOf(0, 2));
    const track = await repo.of(workoutId);
    expect(track.map((s) => [s.sequence, s.time, s.latitude, s.power, s.heartRate])).toEqual([
      [0, T0, null, 250, null],
      [1, T0 + 1000, 45.00001, 250, null],
      [2, T0 + 2000, null, 250, null],
      [3, T0 + 3000, 45.00001, 250, null],
    ]);
    expect(await repo.of(uuidv7())).toEqual([]);
  });
});
