import { useFixture } from '../../../../lib/testing/fixture';
import { availableDatabaseKinds } from '../../../../lib/testing/test-databases';
import type { InsightsWorkout } from '../workouts/workout.repo';
import { recomputePeriods } from './recompute-periods';
import { aWorkout, anAthleteId } from './summaries.builders';
import { monthlySummaries, weeklySummaries, yearOverYear } from './summary-reads';
import { openTestSummaries } from './summaries.test-db';

describe.each(availableDatabaseKinds())('summary reads on %s', (kind) => {
  const db = useFixture(() => openTestSummaries(kind));

  const train = async (...workouts: InsightsWorkout[]) => {
    for (const workout of workouts) await db().repos.workouts.save(workout);
    await recomputePeriods(
      db().repos,
      workouts[0]!.userId,
      workouts.map((workout) => workout.localDate),
    );
  };
  const runOn = (userId: string, localDate: string, distanceMeters = 10_000) =>
    aWorkout({ userId, localDate, distanceMeters });

  describe('weeklySummaries', () => {
    it('returns every week from the week of `from` to `to`, empty weeks as zeros', async () => {
      const userId = anAthleteId();
      await train(
        runOn(userId, '2026-11-04'),
        runOn(userId, '2026-11-20'),
        aWorkout({ userId, sport: 'RIDE' }),
      );
      const weeks = await weeklySummaries(db().repos, userId, '2026-11-04', '2026-11-23', null);
      expect(weeks.map((week) => [week.start, week.sport, week.workouts, week.distanceMeters])).toEqual([
        ['2026-11-02', null, 1, 10_000],
        ['2026-11-09', null, 0, 0],
        ['2026-11-16', null, 2, 20_000],
        ['2026-11-23', null, 0, 0],
      ]);
      expect(weeks[1]).toEqual({
        start: '2026-11-09',
        sport: null,
        workouts: 0,
        distanceMeters: 0,
        movingSeconds: 0,
        elevationGainMeters: 0,
        load: 0,
      });
    });

    it('reads one sport', async () => {
      const userId = anAthleteId();
      await train(runOn(userId, '2026-11-20'), aWorkout({ userId, sport: 'RIDE', distanceMeters: 42_000 }));
      expect(await weeklySummaries(db().repos, userId, '2026-11-16', '2026-11-16', 'RIDE')).toEqual([
        {
          start: '2026-11-16',
          sport: 'RIDE',
          workouts: 1,
          distanceMeters: 42_000,
          movingSeconds: 3500,
          elevationGainMeters: 50,
          load: 60,
        },
      ]);
    });

    it('refuses more than 106 weeks and `to` before `from` with BAD_USER_INPUT naming `to`', async () => {
      const userId = anAthleteId();
      await expect(
        weeklySummaries(db().repos, userId, '2024-01-01', '2026-12-31', null),
      ).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { field: 'to' },
      });
      await expect(
        weeklySummaries(db().repos, userId, '2026-11-20', '2026-11-19', null),
      ).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { field: 'to' },
      });
    });
  });

  describe('monthlySummaries', () => {
    it('returns every month from the month of `from` to `to`, empty months as zeros', async () => {
      const userId = anAthleteId();
      await train(runOn(userId, '2026-09-30'), runOn(userId, '2026-11-20', 5000));
      const months = await monthlySummaries(db().repos, userId, '2026-09-15', '2026-11-01', null);
      expect(months.map((month) => [month.start, month.distanceMeters])).toEqual([
        ['2026-09-01', 10_000],
        ['2026-10-01', 0],
        ['2026-11-01', 5000],
      ]);
    });

    it('refuses more than 60 months', async () => {
      await expect(
        monthlySummaries(db().repos, anAthleteId(), '2021-01-01', '2026-01-01', null),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'to' } });
    });
  });

  describe('yearOverYear', () => {
    it("compares this year up to today's date with the same days of last year", async () => {
      const userId = anAthleteId();
      await train(
        runOn(userId, '2025-03-10', 20_000),
        runOn(userId, '2025-11-20', 5000), // the last day of last year's span
        runOn(userId, '2025-11-21', 99_000), // after it
        runOn(userId, '2026-02-01', 10_000),
        runOn(userId, '2026-11-05', 15_000), // inside the unfinished month
        runOn(userId, '2026-11-21', 99_000), // after today: not counted
      );
      const comparison = await yearOverYear(db().repos, userId, 2026, '2026-11-20');
      expect(comparison).toMatchObject({
        year: 2026,
        throughDate: '2026-11-20',
        thisYear: { start: '2026-01-01', sport: null, workouts: 2, distanceMeters: 25_000 },
        lastYear: { start: '2025-01-01', sport: null, workouts: 2, distanceMeters: 25_000 },
        distanceChangePercent: 0,
      });
    });

    it('compares a past year whole, per sport, and gives the change in percent', async () => {
      const userId = anAthleteId();
      await train(
        runOn(userId, '2024-12-31', 10_000),
        runOn(userId, '2025-12-31', 15_000),
        aWorkout({ userId, localDate: '2025-06-01', sport: 'RIDE', distanceMeters: 80_000 }),
      );
      const comparison = await yearOverYear(db().repos, userId, 2025, '2026-11-20', 'RUN');
      expect(comparison).toMatchObject({
        throughDate: '2025-12-31',
        thisYear: { sport: 'RUN', distanceMeters: 15_000 },
        lastYear: { sport: 'RUN', distanceMeters: 10_000 },
        distanceChangePercent: 50,
      });
    });

    it('compares 29 February with 28 February, and has no change without distance last year', async () => {
      const userId = anAthleteId();
      await train(runOn(userId, '2027-02-28', 7000), runOn(userId, '2028-02-29', 10_000));
      const comparison = await yearOverYear(db().repos, userId, 2028, '2028-02-29');
      expect(comparison).toMatchObject({
        throughDate: '2028-02-29',
        thisYear: { distanceMeters: 10_000 },
        lastYear: { distanceMeters: 7000 },
      });
      const fresh = await yearOverYear(db().repos, anAthleteId(), 2028, '2028-02-29');
      expect(fresh.distanceChangePercent).toBeNull();
      expect(fresh.thisYear.workouts).toBe(0);
    });

    it('refuses a year after today', async () => {
      await expect(yearOverYear(db().repos, anAthleteId(), 2027, '2026-11-20')).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { field: 'year' },
      });
    });
  });
});
