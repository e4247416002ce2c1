/** The athlete service on in-memory repositories: consent, and a session RPE that recomputes the workout's day. */
import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../../lib/auth/viewer';
import { fixedClock } from '../../../../lib/clock';
import type { WorkoutSummary } from '../../../../lib/events/contracts/training';
import { aWorkoutSummary } from '../../../../lib/testing/workout-summaries';
import { fakeInsightsRepos, fakeTransaction } from '../insights.fakes';
import { projectWorkout } from '../projection/athlete-projection';
import { ALL_SPORTS } from '../timeline/daily-load.repo';
import { createAthleteService } from './athlete.service';

const ann: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };
const bob: Viewer = { userId: uuidv7(), roles: ['ATHLETE'] };

function newTestAthletes() {
  const repos = fakeInsightsRepos();
  let commits = 0;
  const athletes = createAthleteService({
    repos,
    inTransaction: fakeTransaction(repos),
    clock: fixedClock('2026-11-20T12:00:00Z'),
    notify: () => void (commits += 1),
  });
  /** A finished workout arriving from training, as the consumer projects it. */
  const completed = async (summary: Partial<WorkoutSummary>) => {
    const workout = aWorkoutSummary({ userId: ann.userId, ...summary });
    await projectWorkout(repos, workout, { id: uuidv7(), at: new Date(), origin: { actorId: null } });
    return workout.workoutId;
  };
  return { athletes, repos, completed, notifications: () => commits };
}

const runOn = (date: string, overrides: Partial<WorkoutSummary> = {}): Partial<WorkoutSummary> => ({
  startedAt: `${date}T07:00:00.000Z`,
  finishedAt: `${date}T08:00:00.000Z`,
  ...overrides,
});

describe('consent', () => {
  it('is off for both uses until the athlete gives it', async () => {
    const { athletes } = newTestAthletes();
    expect(await athletes.consent(ann.userId)).toEqual({ modelTraining: false, cohortBenchmarks: false });
  });
});

describe('setConsent', () => {
  it('changes the fields given and leaves the omitted ones as they were', async () => {
    const { athletes } = newTestAthletes();
    expect(await athletes.setConsent(ann, { modelTraining: true })).toEqual({
      modelTraining: true,
      cohortBenchmarks: false,
    });
    expect(await athletes.setConsent(ann, { cohortBenchmarks: true, modelTraining: null })).toEqual({
      modelTraining: true,
      cohortBenchmarks: true,
    });
    expect(await athletes.consent(ann.userId)).toEqual({ modelTraining: true, cohortBenchmarks: true });
  });

  it("keeps the athlete's time zone and birth year", async () => {
    const { athletes, repos } = newTestAthletes();
    await repos.athletes.update(ann.userId, { timeZone: 'Europe/Berlin', birthYear: 1990 });
    await athletes.setConsent(ann, { cohortBenchmarks: true });
    expect(await repos.athletes.of(ann.userId)).toMatchObject({ timeZone: 'Europe/Berlin', birthYear: 1990 });
  });
});

describe('rateEffort', () => {
  it.each([-1, 11, 7.5, Number.NaN])('refuses %p as a session RPE, storing nothing', async (sessionRpe) => {
    const { athletes, repos, completed } = newTestAthletes();
    const workoutId = await completed(runOn('2026-11-18'));
    await expect(athletes.rateEffort(ann, workoutId, sessionRpe)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'sessionRpe' },
    });
    expect(repos.workouts.ratings.size).toBe(0);
  });

  it('accepts the ends of the scale, 0 and 10', async () => {
    const { athletes, completed } = newTestAthletes();
    const workoutId = await completed(runOn('2026-11-18'));
    expect(await athletes.rateEffort(ann, workoutId, 0)).toMatchObject({ sessionRpe: 0 });
    expect(await athletes.rateEffort(ann, workoutId, 10)).toMatchObject({ sessionRpe: 10 });
  });

  it('answers NOT_FOUND for a workout insights does not know, storing nothing', async () => {
    const { athletes, repos, notifications } = newTestAthletes();
    const unknown = uuidv7();
    await expect(athletes.rateEffort(ann, unknown, 6)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { id: unknown },
    });
    expect(repos.workouts.ratings.size).toBe(0);
    expect(notifications()).toBe(0);
  });

  it("answers NOT_FOUND for another athlete's workout, leaving it as it was", async () => {
    const { athletes, repos, completed } = newTestAthletes();
    const workoutId = await completed(runOn('2026-11-18', { userId: bob.userId }));
    const before = await repos.workouts.find(workoutId);
    await expect(athletes.rateEffort(ann, workoutId, 6)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await repos.workouts.ratingOf(workoutId)).toBeNull();
    expect(await repos.workouts.find(workoutId)).toEqual(before);
  });

  it('stores the rating and counts the workout by session RPE from then on', async () => {
    const { athletes, repos, completed } = newTestAthletes();
    const workoutId = await completed(runOn('2026-11-18'));
    expect(await repos.workouts.find(workoutId)).toMatchObject({ method: 'PACE', sessionRpe: null });

    const rated = await athletes.rateEffort(ann, workoutId, 8);
    expect(rated).toEqual({ workoutId, sessionRpe: 8, load: expect.any(Number), method: 'SESSION_RPE' });
    expect(await repos.workouts.ratingOf(workoutId)).toBe(8);
    expect(await repos.workouts.find(workoutId)).toMatchObject({
      sessionRpe: 8,
      load: rated.load,
      method: 'SESSION_RPE',
    });
  });

  it('keeps the heart-rate load of a workout with a TRIMP, storing the rating all the same', async () => {
    const { athletes, repos, completed } = newTestAthletes();
    const workoutId = await completed(runOn('2026-11-18', { trimp: 95 }));
    expect(await athletes.rateEffort(ann, workoutId, 3)).toEqual({
      workoutId,
      sessionRpe: 3,
      load: 95,
      method: 'HEART_RATE',
    });
    expect(await repos.workouts.ratingOf(workoutId)).toBe(3);
    expect(await repos.workouts.find(workoutId)).toMatchObject({ sessionRpe: 3, method: 'HEART_RATE' });
  });

  it("recomputes the workout's day and the form of every day after it", async () => {
    const { athletes, repos, completed } = newTestAthletes();
    const rated = await completed(runOn('2026-11-16'));
    await completed(runOn('2026-11-18', { trimp: 80 }));
    const totalOn = async (date: string) =>
      (await repos.dailyLoads.between(ann.userId, ALL_SPORTS, date, date))[0];
    const formOn = (date: string) => repos.formDays.onOrBefore(ann.userId, date);
    const totalBefore = (await totalOn('2026-11-16'))!;
    const lastFormBefore = (await formOn('2026-11-18'))!;
    expect(totalBefore).toMatchObject({ method: 'PACE', workouts: 1 });

    // A maximal effort counts for more than the run's pace suggested.
    const { load } = await athletes.rateEffort(ann, rated, 10);
    expect(load).toBeGreaterThan(totalBefore.load);
    expect(await totalOn('2026-11-16')).toEqual({ ...totalBefore, load, method: 'SESSION_RPE' });
    expect(await formOn('2026-11-16')).toMatchObject({ date: '2026-11-16', load, acute: load });
    expect(await totalOn('2026-11-18')).toMatchObject({ load: 80, method: 'HEART_RATE' });
    expect((await formOn('2026-11-18'))!.acute).toBeGreaterThan(lastFormBefore.acute);
  });

  it('wakes the relay once the rating is committed', async () => {
    const { athletes, completed, notifications } = newTestAthletes();
    const workoutId = await completed(runOn('2026-11-18'));
    await athletes.rateEffort(ann, workoutId, 5);
    expect(notifications()).toBe(1);
  });
});
