import { pino } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { useFixture } from '../../../lib/testing/fixture';
import { availableDatabaseKinds, openTestContextDatabase } from '../../../lib/testing/test-databases';
import { METRICS_CONFIG } from './metrics/metrics-config';
import { recomputeMetrics } from './metrics-recompute';
import { samplesOf } from './telemetry-batch';
import { createTelemetryRepo } from './telemetry.repo';
import { createTrainingPrisma } from './training.prisma';

const T0 = Date.UTC(2026, 10, 20, 6, 0, 0);
// When the batches arrive: sample times must not lie more than a day ahead of it.
const RECEIVED_AT = new Date(T0 + 3_600_000);
const METRES_PER_DEGREE = (6_378_137 * Math.PI) / 180;
const logger = pino({ level: 'silent' });

describe.each(availableDatabaseKinds())('metrics:recompute on %s', (kind) => {
  const db = useFixture(() => openTestContextDatabase(kind, 'training', createTrainingPrisma), 'each');

  /** A finished 10-minute run at 3 m/s whose figures were computed by `version` (null: never). */
  async function aFinishedRun(version: number | null) {
    const id = uuidv7();
    await db().client.workout.create({
      data: {
        id,
        userId: uuidv7(),
        sport: 'RUN',
        status: 'FINISHED',
        startedAt: new Date(T0),
        finishedAt: new Date(T0 + 600_000),
        elapsedSeconds: 600,
        distanceMeters: 1234,
        metricsVersion: version,
      },
    });
    const count = 601;
    await createTelemetryRepo(db().client).store(
      id,
      'b',
      samplesOf(
        {
          batchId: 'b',
          sequence: Array.from({ length: count }, (_, i) => i),
          time: Array.from({ length: count }, (_, i) => T0 + i * 1000),
          latitude: Array.from({ length: count }, (_, i) => 45 + (3 * i) / METRES_PER_DEGREE),
          longitude: Array.from({ length: count }, () => 13.6),
        },
        RECEIVED_AT,
      ),
    );
    return id;
  }

  it('recomputes workouts of older versions, announces changed figures, and leaves current ones', async () => {
    const stale = await aFinishedRun(null);
    const current = await aFinishedRun(METRICS_CONFIG.version);

    expect(await recomputeMetrics({ prisma: db().client, all: false, logger })).toEqual({
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

    expect(await recomputeMetrics({ prisma: db().client, all: true, logger })).toEqual({
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
