import {
  DeleteWorkoutDocument,
  FinishRecordingDocument,
  MyRecordsDocument,
  RenameSportDocument,
  SetTrainingProfileDocument,
  StartWithIdDocument,
  WorkoutFiguresDocument,
  WorkoutStreamsDocument,
} from './__generated__/operations';
import { anAthlete } from './support/athletes';
import { errorCodes, useTestPlatform, type TestPlatform } from './support/test-platform';
import { METRES_PER_DEGREE, ndjson, runSamples, type RunShape } from './support/tracks';

const pulse = useTestPlatform();

const T0 = Date.UTC(2026, 10, 20, 6, 0, 0);
const SPEED = 1000 / 240; // 4:00 per km

async function postBatch(
  platform: TestPlatform,
  token: string,
  workoutId: string,
  batchId: string,
  lines: object[],
) {
  const response = await fetch(
    `${platform.gatewayOrigin}/telemetry/workouts/${workoutId}/batches/${batchId}`,
    {
      method: 'POST',
      body: ndjson(lines),
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
    },
  );
  expect(response.status).toBe(200);
}

/**
 * The samples of `runSamples(shape)`, but while standing still the position scatters by up to ±`meters`
 * east and north (and the altitude by ±`meters`), as a phone's fixes do (seeded, reproducible).
 */
function scatteredRunSamples(shape: RunShape, meters: number, seed: number) {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return (state / 4_294_967_296 - 0.5) * 2 * meters;
  };
  const stopAt = shape.stopAt ?? Number.POSITIVE_INFINITY;
  const standing = (second: number) => second > stopAt && second < stopAt + (shape.stopSeconds ?? 0);
  return runSamples(shape).map((sample, second) =>
    standing(second)
      ? {
          ...sample,
          lat: sample.lat + random() / METRES_PER_DEGREE,
          lon: sample.lon + random() / (METRES_PER_DEGREE * Math.cos((sample.lat * Math.PI) / 180)),
          alt: sample.alt + random(),
        }
      : sample,
  );
}

/** Records a run through the gateway in three batches (one sent twice) and finishes it. */
async function recordRun(token: string, shape: RunShape, samples = runSamples(shape)) {
  const started = await pulse().send(
    StartWithIdDocument,
    { sport: 'RUN', startedAt: new Date(shape.start).toISOString() },
    token,
  );
  const workoutId = started.data!.startWorkout.id;
  const third = Math.ceil(samples.length / 3);
  // The middle batch is sent twice (a retry after a lost answer): it must count once.
  for (const from of [0, third, third, 2 * third]) {
    await postBatch(pulse(), token, workoutId, `b${from}`, samples.slice(from, from + third));
  }
  const end = samples[samples.length - 1]!.t;
  const finished = await pulse().send(
    FinishRecordingDocument,
    { id: workoutId, finishedAt: new Date(end).toISOString() },
    token,
  );
  expect(finished.errors).toBeUndefined();
  return workoutId;
}

describe('metrics of a recorded run, through the gateway', () => {
  it('reads back distance, moving time, pace, heart-rate zones, splits and best efforts', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    await pulse().send(
      SetTrainingProfileDocument,
      { input: { maxHeartRate: 190, restingHeartRate: 50 } },
      token,
    );
    // 25 min at 4:00/km (6 250 m) with a 60 s stop halfway: 1 560 s elapsed, 1 500 s moving.
    const id = await recordRun(token, {
      start: T0,
      seconds: 1500,
      speed: SPEED,
      stopAt: 750,
      stopSeconds: 60,
    });

    const { workout } = (await pulse().send(WorkoutFiguresDocument, { id }, token)).data!;
    expect(workout).toMatchObject({ status: 'FINISHED', sampleCount: 1561, elapsedSeconds: 1560 });
    expect(workout!.distanceMeters).toBeCloseTo(6250, -1);
    expect(Math.abs(workout!.movingSeconds! - 1500)).toBeLessThanOrEqual(3);
    const metrics = workout!.metrics!;
    expect(metrics.averagePaceSecondsPerKm).toBeCloseTo(240, -0.5);
    expect(metrics.heartRate).toMatchObject({ average: 150, max: 150, maxUsed: 190, restingUsed: 50 });
    // 150 bpm is (150 − 50) / (190 − 50) = 71 % of the reserve: all the time in one zone.
    const busy = metrics.heartRate!.zones.filter((z) => z.seconds > 0);
    expect(busy).toHaveLength(1);
    expect(busy[0]!.minBpm).toBeLessThanOrEqual(150);
    expect(metrics.kilometres.map((s) => s.index)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(metrics.kilometres[6]!.distanceMeters).toBeCloseTo(250, -1);
    expect(metrics.miles).toHaveLength(4);
    const efforts = Object.fromEntries(metrics.bestEfforts.map((e) => [e.name, e.seconds]));
    expect(Object.keys(efforts).sort()).toEqual(['1k', '1mile', '400m', '5k']);
    expect(efforts['1k']).toBeCloseTo(240, -0.5);
    // Every 5 km stretch of this 6.25 km run includes the minute's stop in its middle.
    expect(efforts['5k']).toBeCloseTo(1260, -1);
    expect(workout!.trackFlags).toEqual([]);

    const streams = await pulse().send(
      WorkoutStreamsDocument,
      { id, channels: ['HEART_RATE', 'ALTITUDE'], resolution: 100 },
      token,
    );
    const { offsets, series } = streams.data!.workout!.streams;
    expect(offsets.length).toBeLessThanOrEqual(100);
    expect(offsets[0]).toBeLessThan(10);
    expect(offsets[offsets.length - 1]).toBeGreaterThan(1540);
    expect(series.map((s) => s.channel)).toEqual(['HEART_RATE', 'ALTITUDE']);
    expect(new Set(series[0]!.values)).toEqual(new Set([150]));
  });

  it('leaves a stop whose positions scatter out of distance, moving time, climbing and splits', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    // 25 min at 4:00/km with 2 min standing halfway, the fixes scattered by ±3 m (issue 12).
    const shape = { start: T0, seconds: 1500, speed: SPEED, stopAt: 750, stopSeconds: 120 };
    const id = await recordRun(token, shape, scatteredRunSamples(shape, 3, 12));

    const { workout } = (await pulse().send(WorkoutFiguresDocument, { id }, token)).data!;
    expect(workout).toMatchObject({ status: 'FINISHED', elapsedSeconds: 1620, elevationGainMeters: 0 });
    expect(Math.abs(workout!.distanceMeters! - 6250) / 6250).toBeLessThanOrEqual(0.005);
    expect(Math.abs(workout!.movingSeconds! - 1500)).toBeLessThanOrEqual(5);
    const metrics = workout!.metrics!;
    expect(metrics.averagePaceSecondsPerKm).toBeCloseTo(240, -0.5);
    const kilometres = metrics.kilometres.map((split) => split.distanceMeters);
    expect(kilometres.slice(0, 6)).toEqual([1000, 1000, 1000, 1000, 1000, 1000]);
    const movingBySplits = metrics.kilometres.reduce((sum, split) => sum + split.movingSeconds, 0);
    expect(Math.abs(movingBySplits - metrics.movingSeconds!)).toBeLessThanOrEqual(0.5);
    // The kilometre with the stop in it: 240 s moving, not the scatter's.
    expect(Math.abs(metrics.kilometres[3]!.movingSeconds - 240)).toBeLessThanOrEqual(3);
  });

  it('keeps personal records up to date as runs finish, change sport and are deleted', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    const steady = await recordRun(token, { start: T0, seconds: 1260, speed: SPEED });
    const fast = await recordRun(token, { start: T0 - 86_400_000, seconds: 1260, speed: 1000 / 225 });
    const fiveK = async () =>
      (await pulse().send(MyRecordsDocument, { sport: 'RUN' }, token)).data!.me.personalRecords.find(
        (r) => r.kind === '5k',
      );

    expect(await fiveK()).toMatchObject({ workout: { id: fast } });
    expect((await fiveK())!.seconds).toBeCloseTo(1125, -1);

    await pulse().send(RenameSportDocument, { id: fast, sport: 'TRAIL_RUN' }, token);
    expect(await fiveK()).toMatchObject({ workout: { id: steady } });
    const trail = (await pulse().send(MyRecordsDocument, { sport: 'TRAIL_RUN' }, token)).data!.me
      .personalRecords;
    expect(trail.find((r) => r.kind === '5k')).toMatchObject({ workout: { id: fast } });

    await pulse().send(DeleteWorkoutDocument, { id: steady }, token);
    expect(await fiveK()).toBeUndefined();
  });

  it('refuses a training profile a body cannot have', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    const result = await pulse().send(
      SetTrainingProfileDocument,
      { input: { maxHeartRate: 150, restingHeartRate: 160 } },
      token,
    );
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });
});
