import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import { fixedClock } from '../../../../lib/clock';
import { fakeTrainingRepos, fakeTransaction } from '../training.fakes';
import type { KnownGearRecord } from './known-gear.repo';
import type { StoredSample } from '../telemetry/samples.repo';
import { emptySample } from '../metrics/track';
import { EMPTY_PROFILE } from '../profile/training-profile.repo';
import { metricsOf } from './workout-figures';
import { createWorkoutService } from './workout.service';

const NOW = new Date('2026-11-20T08:00:00Z');
const ann: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };
const bob: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };

const shoes = uuidv7();
const bike = uuidv7();
const retired = uuidv7();
const bobsShoes = uuidv7();
const annsGear: KnownGearRecord[] = [
  { gearId: shoes, userId: ann.userId, status: 'ACTIVE', defaultForSports: ['RUN', 'TRAIL_RUN'] },
  { gearId: bike, userId: ann.userId, status: 'ACTIVE', defaultForSports: [] },
  { gearId: retired, userId: ann.userId, status: 'RETIRED', defaultForSports: ['RUN'] },
  { gearId: bobsShoes, userId: bob.userId, status: 'ACTIVE', defaultForSports: ['RUN'] },
];

function newTestWorkouts() {
  // Most tests store no samples: their figures come from the lifecycle (the track path is tested end to end).
  const repos = fakeTrainingRepos({ gear: annsGear.map((g) => ({ ...g })) });
  const service = createWorkoutService({
    repos,
    inTransaction: fakeTransaction(repos),
    clock: fixedClock(NOW),
  });
  return Object.assign(service, {
    events: repos.outbox.events,
    repo: repos.workouts,
    tracks: repos.samples.stored,
  });
}

/**
 * A 1 Hz track heading north: 10 minutes at 3.3 m/s, then 2 minutes at 0.5 m/s (1.8 km/h: moving for a
 * walk, stopped for a run).
 */
const runSamples = (start: Date): StoredSample[] =>
  Array.from({ length: 721 }, (_, second) => ({
    ...emptySample(start.getTime() + second * 1000),
    sequence: second,
    latitude: 46 + (Math.min(second, 600) * 3.3 + Math.max(second - 600, 0) * 0.5) / 111_320,
    longitude: 14.5,
  }));

/** An imported workout whose sport was guessed from its speed (WALK), with its track and figures. */
async function anImportedWalk(workouts: ReturnType<typeof newTestWorkouts>) {
  const startedAt = new Date('2026-11-20T06:00:00Z');
  const samples = runSamples(startedAt);
  const imported = await workouts.repo.insert({
    id: uuidv7(),
    userId: ann.userId,
    sport: 'WALK',
    sportSource: 'INFERRED_FROM_SPEED',
    source: 'IMPORTED',
    status: 'FINISHED',
    startedAt,
    finishedAt: new Date(startedAt.getTime() + 720_000),
    sampleCount: samples.length,
    gearIds: [],
  });
  workouts.tracks.set(imported!.id, samples);
  return (await workouts.refreshFigures(imported!.id))!;
}

describe('startWorkout', () => {
  it('starts now by default', async () => {
    const workout = await newTestWorkouts().start(ann, { sport: 'RUN' });
    expect(workout).toMatchObject({
      userId: ann.userId,
      sport: 'RUN',
      status: 'IN_PROGRESS',
      startedAt: NOW,
    });
  });

  it.each([
    {
      when: 'before 1970',
      startedAt: '0001-01-01T00:00:00Z',
      message: 'startedAt lies before 1970-01-01T00:00:00Z, the earliest instant Pulse records.',
    },
    {
      when: 'in the future beyond clock skew',
      startedAt: '2026-11-20T09:00:00Z',
      message: expect.any(String),
    },
  ])('refuses a start $when, naming startedAt', async ({ startedAt, message }) => {
    await expect(
      newTestWorkouts().start(ann, { sport: 'RUN', startedAt: new Date(startedAt) }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'startedAt' }, message });
  });
});

describe('gear of a workout', () => {
  it("uses the athlete's active default gear for the sport when none is given", async () => {
    expect((await newTestWorkouts().start(ann, { sport: 'RUN' })).gearIds).toEqual([shoes]);
    expect((await newTestWorkouts().start(ann, { sport: 'RIDE' })).gearIds).toEqual([]);
  });

  it('accepts the athlete’s own active gear, once each', async () => {
    expect(
      (await newTestWorkouts().start(ann, { sport: 'RIDE', gearIds: [bike, shoes, bike] })).gearIds,
    ).toEqual([bike, shoes]);
  });

  it.each([
    ['retired gear', retired],
    ["someone else's gear", bobsShoes],
    ['unknown gear', '01a1fb5a-0000-7000-8000-000000000000'],
  ])('refuses %s, naming gearIds', async (_what, gearId) => {
    await expect(newTestWorkouts().start(ann, { sport: 'RUN', gearIds: [gearId] })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'gearIds' },
    });
  });
});

describe('events', () => {
  it('announces start, completion, correction and deletion with the workout summary', async () => {
    const workouts = newTestWorkouts();
    const started = await workouts.start(ann, { sport: 'RUN', startedAt: new Date('2026-11-20T07:00:00Z') });
    await workouts.finish(ann, { id: started.id, distanceMeters: 10_000 });
    await workouts.update(ann, { id: started.id, distanceMeters: 10_500, gearIds: [bike] });
    await workouts.delete(ann, started.id);
    expect(workouts.events.map((e) => e.type)).toEqual([
      'training.workout.started',
      'training.workout.completed',
      'training.workout.updated',
      'training.workout.deleted',
    ]);
    expect(workouts.events[1]).toMatchObject({
      aggregateId: started.id,
      key: started.id,
      actorId: ann.userId,
      data: {
        workoutId: started.id,
        userId: ann.userId,
        status: 'FINISHED',
        elapsedSeconds: 3600,
        distanceMeters: 10_000,
        gearIds: [shoes],
      },
    });
    expect(workouts.events[2]?.data).toMatchObject({ distanceMeters: 10_500, gearIds: [bike] });
  });
});

describe('manual workouts', () => {
  it('are finished at once with the figures given, and announced as completed', async () => {
    const workouts = newTestWorkouts();
    const logged = await workouts.logManual(ann, {
      sport: 'RUN',
      startedAt: new Date('2026-11-19T17:00:00Z'),
      durationSeconds: 2700,
      distanceMeters: 8000,
      elevationGainMeters: 120,
      calories: 600,
      title: '  Evening loop ',
    });
    expect(logged).toMatchObject({
      source: 'MANUAL',
      status: 'FINISHED',
      finishedAt: new Date('2026-11-19T17:45:00Z'),
      elapsedSeconds: 2700,
      movingSeconds: 2700,
      title: 'Evening loop',
      gearIds: [shoes],
    });
    expect(workouts.events.map((e) => e.type)).toEqual(['training.workout.completed']);
  });

  it.each([
    ['durationSeconds', { durationSeconds: 0 }],
    ['startedAt', { startedAt: new Date('2026-11-20T07:50:00Z') }],
    // Before the shared workout time window: every consumer of the workout's events could not place it.
    ['startedAt', { startedAt: new Date('0001-01-01T00:00:00Z') }],
    ['startedAt', { startedAt: new Date('1969-12-31T23:00:00Z') }],
    ['distanceMeters', { distanceMeters: 60_000 }],
    ['calories', { calories: 1.5 }],
  ])('refuse a bad %s', async (field, overrides) => {
    const workout = {
      sport: 'RUN' as const,
      startedAt: new Date('2026-11-19T17:00:00Z'),
      durationSeconds: 2700,
      ...overrides,
    };
    await expect(newTestWorkouts().logManual(ann, workout)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field },
    });
  });
});

describe('editing, discarding', () => {
  it('changes title, notes, sport and visibility; left-out fields stay, null clears', async () => {
    const workouts = newTestWorkouts();
    const started = await workouts.start(ann, { sport: 'RUN' });
    await workouts.update(ann, {
      id: started.id,
      title: 'Hill repeats',
      notes: 'windy',
      visibility: 'PRIVATE',
    });
    const edited = await workouts.update(ann, { id: started.id, notes: null, sport: 'TRAIL_RUN' });
    expect(edited).toMatchObject({
      title: 'Hill repeats',
      notes: null,
      sport: 'TRAIL_RUN',
      visibility: 'PRIVATE',
    });
  });

  it('discards a workout being recorded, but not a finished one', async () => {
    const workouts = newTestWorkouts();
    const recording = await workouts.start(ann, {
      sport: 'RUN',
      startedAt: new Date('2026-11-20T07:00:00Z'),
    });
    await workouts.pause(ann, recording.id);
    await expect(workouts.discard(ann, recording.id)).resolves.toBe(recording.id);
    await expect(workouts.get(ann, recording.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const done = await workouts.start(ann, { sport: 'RUN', startedAt: new Date('2026-11-20T07:00:00Z') });
    await workouts.finish(ann, { id: done.id });
    await expect(workouts.discard(ann, done.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('correcting the sport an import inferred', () => {
  it("makes the sport the athlete's, recomputes what depends on it and announces the update", async () => {
    const workouts = newTestWorkouts();
    const walk = await anImportedWalk(workouts);

    const run = await workouts.update(ann, { id: walk.id, sport: 'RUN' });

    expect(run).toMatchObject({ sport: 'RUN', sportSource: 'ATHLETE' });
    // The figures are the run's: the slow end no longer counts as moving.
    expect(run.metrics).toEqual(metricsOf(run, workouts.tracks.get(run.id)!, EMPTY_PROFILE));
    expect(run.movingSeconds!).toBeLessThan(walk.movingSeconds!);
    expect(workouts.events.at(-1)).toMatchObject({
      type: 'training.workout.updated',
      actorId: ann.userId,
      data: { sport: 'RUN', movingSeconds: run.movingSeconds },
    });
  });

  it("confirming the inferred sport makes it the athlete's without recomputing", async () => {
    const workouts = newTestWorkouts();
    const walk = await anImportedWalk(workouts);
    const confirmed = await workouts.update(ann, { id: walk.id, sport: 'WALK' });
    expect(confirmed).toMatchObject({ sport: 'WALK', sportSource: 'ATHLETE', metrics: walk.metrics });
  });

  it('leaves the source alone when the sport is not edited', async () => {
    const workouts = newTestWorkouts();
    const walk = await anImportedWalk(workouts);
    expect(await workouts.update(ann, { id: walk.id, title: 'Along the lake' })).toMatchObject({
      sportSource: 'INFERRED_FROM_SPEED',
    });
  });
});

describe('finishWorkout', () => {
  it('stores the elapsed time and the distance', async () => {
    const workouts = newTestWorkouts();
    const started = await workouts.start(ann, { sport: 'RUN', startedAt: new Date('2026-11-20T07:00:00Z') });
    const finished = await workouts.finish(ann, { id: started.id, distanceMeters: 10_000 });
    expect(finished).toMatchObject({
      status: 'FINISHED',
      finishedAt: NOW,
      elapsedSeconds: 3600,
      distanceMeters: 10_000,
    });
  });

  it('keeps the calories the device counted', async () => {
    const workouts = newTestWorkouts();
    const started = await workouts.start(ann, { sport: 'RUN', startedAt: new Date('2026-11-20T07:00:00Z') });
    const finished = await workouts.finish(ann, { id: started.id, calories: 612 });
    expect(finished).toMatchObject({ calories: 612, deviceCalories: 612 });
  });

  it('answers CONFLICT when finishing twice', async () => {
    const workouts = newTestWorkouts();
    const started = await workouts.start(ann, { sport: 'RUN', startedAt: new Date('2026-11-20T07:00:00Z') });
    await workouts.finish(ann, { id: started.id });
    await expect(workouts.finish(ann, { id: started.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it.each([
    ['distanceMeters', { distanceMeters: -1 }],
    ['distanceMeters', { distanceMeters: 2_000_000 }],
    ['calories', { calories: -5 }],
    ['finishedAt', { finishedAt: new Date('2026-11-20T06:00:00Z') }],
    ['finishedAt', { finishedAt: new Date('2026-11-21T06:00:00Z') }],
  ])('refuses a bad %s', async (field, input) => {
    const workouts = newTestWorkouts();
    const started = await workouts.start(ann, { sport: 'RUN', startedAt: new Date('2026-11-20T07:00:00Z') });
    await expect(workouts.finish(ann, { id: started.id, ...input })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field },
    });
  });

  it("treats someone else's workout as not found", async () => {
    const workouts = newTestWorkouts();
    const started = await workouts.start(ann, { sport: 'RUN' });
    await expect(workouts.finish(bob, { id: started.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workouts.get(bob, started.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('names the id field when it is not a UUID', async () => {
    await expect(newTestWorkouts().get(ann, 'abc')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'id' },
    });
  });
});

describe('listOf', () => {
  it('pages through the athlete’s own workouts, newest first', async () => {
    const workouts = newTestWorkouts();
    const ids: string[] = [];
    for (const hour of [1, 2, 3]) {
      ids.push(
        (await workouts.start(ann, { sport: 'RUN', startedAt: new Date(Date.UTC(2026, 10, 20, hour)) })).id,
      );
    }
    await workouts.start(bob, { sport: 'RIDE' });
    const page1 = await workouts.listOf(ann, ann.userId, 2, null);
    const page2 = await workouts.listOf(ann, ann.userId, 2, page1.pageInfo.endCursor);
    expect(page1.edges.map((e) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page2.edges.map((e) => e.node.id)).toEqual([ids[0]]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it("forbids listing another athlete's workouts", async () => {
    await expect(newTestWorkouts().listOf(bob, ann.userId, 10, null)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
