import { v7 as uuidv7 } from 'uuid';
import { useFixture } from '../../../../lib/testing/fixture';
import { availableDatabaseKinds, openTestContextDatabase } from '../../../../lib/testing/test-databases';
import { METRICS_CONFIG } from '../metrics/metrics-config';
import { loop, scatteredTrack } from '../metrics/scattered-tracks';
import { START_MS } from '../metrics/synthetic-tracks';
import { samplesOf, type ColumnarBatch } from '../telemetry/telemetry-batch';
import { systemClock } from '../../../../lib/clock';
import { inTransaction } from '../../../../lib/db/unit-of-work';
import { createTrainingPrisma } from '../training.prisma';
import { trainingRepos } from '../training.repos';
import { createWorkoutService } from './workout.service';

const T0 = Date.UTC(2026, 10, 20, 6, 0, 0);
// When the batches arrive: sample times must not lie more than a day ahead of it.
const RECEIVED_AT = new Date(T0 + 3_600_000);
const METRES_PER_DEGREE = (6_378_137 * Math.PI) / 180;

describe.each(availableDatabaseKinds())('metrics:recompute on %s', (kind) => {
  const db = useFixture(() => openTestContextDatabase(kind, 'training', createTrainingPrisma), 'each');

  /** What `npm run metrics:recompute [-- --all]` does (the descriptor's command prints these counts). */
  const recompute = (all: boolean) =>
    createWorkoutService({
      repos: trainingRepos(db().client),
      inTransaction: inTransaction(db().client, trainingRepos),
      clock: systemClock,
    }).recomputeFigures(all ? 'all' : METRICS_CONFIG.version, () => undefined);

  /** Stores a finished run started at T0 with these figures and its fixes in one batch. */
  async function aStoredRun(
    figures: {
      finishedAt: Date;
      elapsedSeconds: number;
      distanceMeters: number;
      metricsVersion: number | null;
      movingSeconds?: number;
    },
    fixes: Pick<ColumnarBatch, 'time' | 'latitude' | 'longitude'>,
  ) {
    const id = uuidv7();
    const userId = uuidv7();
    await db().client.workout.create({
      data: { id, userId, sport: 'RUN', status: 'FINISHED', startedAt: new Date(T0), ...figures },
    });
    const sequence = fixes.time.map((_time, i) => i);
    await trainingRepos(db().client).samples.storeBatch(
      id,
      userId,
      'b',
      samplesOf({ batchId: 'b', sequence, ...fixes }, RECEIVED_AT),
    );
    return id;
  }

  /** A finished 10-minute run at 3 m/s whose figures were computed by `version` (null: never). */
  function aFinishedRun(version: number | null) {
    const count = 601;
    return aStoredRun(
      {
        finishedAt: new Date(T0 + 600_000),
        elapsedSeconds: 600,
        distanceMeters: 1234,
        metricsVersion: version,
      },
      {
        time: Array.from({ length: count }, (_, i) => T0 + i * 1000),
        latitude: Array.from({ length: count }, (_, i) => 45 + (3 * i) / METRES_PER_DEGREE),
        longitude: Array.from({ length: count }, () => 13.6),
      },
    );
  }

  /**
   * A finished run stored with the figures version 1 computed: 5 min at 3 m/s, 2 min standing with fixes
   * scattered by ±3 m (counted then as 409 m and 112 s of moving), 5 min at 3 m/s.
   */
  function aRunWithAStopComputedByVersion1() {
    const { track } = scatteredTrack({
      path: loop(1801, 16),
      stretches: [
        { seconds: 300, speedMps: 3 },
        { seconds: 120, speedMps: 0 },
        { seconds: 300, speedMps: 3 },
      ],
      intervalSeconds: 1,
      scatter: { kind: 'SQUARE', meters: 3 },
      seed: 3,
    });
    const { samples } = track;
    return aStoredRun(
      {
        finishedAt: new Date(T0 + 720_000),
        elapsedSeconds: 720,
        movingSeconds: 712,
        distanceMeters: 2209.4,
        metricsVersion: 1,
      },
      {
        time: samples.map((sample) => T0 + (sample.time! - START_MS)),
        latitude: samples.map((sample) => sample.latitude),
        longitude: samples.map((sample) => sample.longitude),
      },
    );
  }

  it('recomputes the workouts version 1 computed, taking the scatter of their stops out', async () => {
    expect(METRICS_CONFIG.version).toBeGreaterThan(1);
    const id = await aRunWithAStopComputedByVersion1();

    expect(await recompute(false)).toEqual({
      recomputed: 1,
      failed: 0,
    });
    const updated = await db().client.workout.findUniqueOrThrow({ where: { id } });
    expect(updated.metricsVersion).toBe(METRICS_CONFIG.version);
    expect(Math.abs(updated.movingSeconds! - 600)).toBeLessThanOrEqual(5);
    expect(Math.abs(updated.distanceMeters! - 1800) / 1800).toBeLessThanOrEqual(0.005);
    const events = await db().client.outboxEvent.findMany({ where: { key: id } });
    expect(events.map((e) => e.type)).toEqual(['training.workout.updated']);
    // Recomputed once: a second run finds nothing older than the current version.
    expect(await recompute(false)).toEqual({
      recomputed: 0,
      failed: 0,
    });
  });

  it('recomputes workouts of older versions, announces changed figures, and leaves current ones', async () => {
    const stale = await aFinishedRun(null);
    const current = await aFinishedRun(METRICS_CONFIG.version);

    expect(await recompute(false)).toEqual({
      recomputed: 1,
      failed: 0,
    });
    const updated = await db().client.workout.findUniqueOrThrow({ where: { id: stale } });
    expect(updated).toMatchObject({ metricsVersion: METRICS_CONFIG.version, movingSeconds: 600 });
    expect(updated.distanceMeters).toBeCloseTo(1800, 0);
    const events = await db().client.outboxEvent.findMany({ where: { key: stale } });
    expect(events.map((e) => e.type)).toEqual(['training.workout.updated']);
    expect((await db().client.workout.findUniqueOrThrow({ where: { id: current } })).distanceMeters).toBe(
      1234,
    );

    expect(await recompute(true)).toEqual({
      recomputed: 2,
      failed: 0,
    });
    // Same figures again: no second event for the stale one.
    expect(await db().client.outboxEvent.count({ where: { key: stale } })).toBe(1);
    expect(
      (await db().client.workout.findUniqueOrThrow({ where: { id: current } })).distanceMeters,
    ).toBeCloseTo(1800, 0);
  });
});
