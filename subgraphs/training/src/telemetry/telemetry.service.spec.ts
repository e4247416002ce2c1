import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import { fixedClock } from '../../../../lib/clock';
import { pino } from 'pino';
import { fakeTrainingRepos } from '../training.fakes';
import { aWorkoutRecord } from '../workouts/workout.builders';
import type { WorkoutRecord } from '../workouts/workout.repo';
import { createWorkoutReadsService } from '../visibility/workout-reads.service';
import { createTelemetryService } from './telemetry.service';
import type { ColumnarBatch } from './telemetry-batch';

const NOW = new Date('2026-11-20T08:00:00Z');
const T0 = Date.UTC(2026, 10, 20, 7, 0);
const ann: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };
const bob: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };

const aBatch = (batchId: string, from: number, count: number): ColumnarBatch => ({
  batchId,
  sequence: Array.from({ length: count }, (_, i) => from + i),
  time: Array.from({ length: count }, (_, i) => T0 + (from + i) * 1000),
  latitude: Array.from({ length: count }, (_, i) => 46 + (from + i) * 0.00003),
  longitude: Array.from({ length: count }, () => 14.5),
});

function newTestTelemetry(workout: Partial<WorkoutRecord> = {}) {
  const repos = fakeTrainingRepos();
  const recording = aWorkoutRecord({ id: uuidv7(), userId: ann.userId, ...workout });
  repos.workouts.rows.push(recording);
  const refreshed: string[] = [];
  const published: string[] = [];
  const telemetry = createTelemetryService({
    repos,
    workouts: {
      refreshFigures: async (id) => {
        refreshed.push(id);
        return null;
      },
    },
    reads: createWorkoutReadsService(repos),
    progress: { publishSoon: (id) => void published.push(id) },
    clock: fixedClock(NOW),
    logger: pino({ level: 'silent' }),
  });
  return { telemetry, repos, workout: recording, refreshed, published };
}

describe('record', () => {
  it('stores a batch of a recording and sends its live figures', async () => {
    const { telemetry, workout, published, refreshed } = newTestTelemetry();
    expect(await telemetry.record(ann, workout.id, aBatch('a', 0, 10))).toEqual({
      workoutId: workout.id,
      batchId: 'a',
      accepted: 10,
      duplicates: 0,
      sampleCount: 10,
    });
    expect(published).toEqual([workout.id]);
    expect(refreshed).toEqual([]);
  });

  it('takes the workout id in capitals as the same workout, named as stored', async () => {
    const { telemetry, workout, published } = newTestTelemetry();
    expect(await telemetry.record(ann, workout.id.toUpperCase(), aBatch('a', 0, 10))).toMatchObject({
      workoutId: workout.id,
      accepted: 10,
    });
    expect(published).toEqual([workout.id]);
  });

  it('stores a re-sent sample once, counting it as a duplicate, and sends nothing for nothing new', async () => {
    const { telemetry, workout, published } = newTestTelemetry();
    await telemetry.record(ann, workout.id, aBatch('a', 0, 10));
    expect(await telemetry.record(ann, workout.id, aBatch('b', 5, 10))).toMatchObject({
      accepted: 5,
      duplicates: 5,
      sampleCount: 15,
    });
    expect(await telemetry.record(ann, workout.id, aBatch('b', 5, 10))).toMatchObject({
      accepted: 0,
      duplicates: 10,
    });
    expect(published).toEqual([workout.id, workout.id]);
  });

  it('recomputes the figures of a finished workout a late batch reaches', async () => {
    const { telemetry, workout, refreshed, published } = newTestTelemetry({
      status: 'FINISHED',
      finishedAt: new Date(T0 + 600_000),
    });
    await telemetry.record(ann, workout.id, aBatch('late', 0, 10));
    expect(refreshed).toEqual([workout.id]);
    expect(published).toEqual([]);
  });

  it("reports another athlete's workout as missing and stores nothing", async () => {
    const { telemetry, workout, repos } = newTestTelemetry();
    await expect(telemetry.record(bob, workout.id, aBatch('a', 0, 10))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(repos.samples.stored.size).toBe(0);
  });
});

describe('reading the track', () => {
  it("gives the athlete their workout's samples in order, and its chart streams", async () => {
    const { telemetry, workout } = newTestTelemetry();
    await telemetry.record(ann, workout.id, aBatch('b', 5, 5));
    await telemetry.record(ann, workout.id, aBatch('a', 0, 5));
    const { samples } = await telemetry.trackOf(ann, workout.id);
    expect(samples.map((s) => s.sequence)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const streams = await telemetry.streams(ann, workout, ['LONGITUDE'], 5);
    expect(streams.offsets).toEqual([0.5, 2.5, 4.5, 6.5, 8.5]);
    expect(streams.series).toEqual([{ channel: 'LONGITUDE', values: [14.5, 14.5, 14.5, 14.5, 14.5] }]);
  });

  it("refuses another athlete's track, as missing", async () => {
    const { telemetry, workout } = newTestTelemetry();
    await expect(telemetry.trackOf(bob, workout.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(telemetry.streams(bob, workout, ['LATITUDE'], 10)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
