import { useFixture } from '../../../../lib/testing/fixture';
import { availableDatabaseKinds } from '../../../../lib/testing/test-databases';
import type { InsightsWorkout } from '../workouts/workout.repo';
import { recomputePeriods } from './recompute-periods';
import { aWorkout, anAthleteId } from './summaries.builders';
import { openTestSummaries } from './summaries.test-db';

describe.each(availableDatabaseKinds())('recomputePeriods on %s', (kind) => {
  const db = useFixture(() => openTestSummaries(kind));

  /** Every summary row of the athlete, as [period, start, sport, workouts, distance]. */
  const rowsOf = async (userId: string) =>
    (
      await db().prisma.periodSummary.findMany({
        where: { userId },
        orderBy: [{ period: 'asc' }, { start: 'asc' }, { sport: 'asc' }],
      })
    ).map((row) => [row.period, row.start, row.sport, row.workouts, row.distanceMeters]);

  const train = async (...workouts: InsightsWorkout[]) => {
    for (const workout of workouts) await db().repos.workouts.save(workout);
    return recomputePeriods(
      db().repos,
      workouts[0]!.userId,
      workouts.map((workout) => workout.localDate),
    );
  };

  it('writes a row per sport and a total for the week and the month of each changed day', async () => {
    const userId = anAthleteId();
    const periods = await train(
      aWorkout({ userId, localDate: '2026-11-30' }), // Monday: its week runs into December
      aWorkout({ userId, localDate: '2026-12-01', sport: 'RIDE', distanceMeters: 40_000 }),
    );
    expect(periods).toEqual([
      { period: 'WEEK', start: '2026-11-30' },
      { period: 'MONTH', start: '2026-11-01' },
      { period: 'MONTH', start: '2026-12-01' },
    ]);
    expect(await rowsOf(userId)).toEqual([
      ['MONTH', '2026-11-01', '', 1, 10_000],
      ['MONTH', '2026-11-01', 'RUN', 1, 10_000],
      ['MONTH', '2026-12-01', '', 1, 40_000],
      ['MONTH', '2026-12-01', 'RIDE', 1, 40_000],
      ['WEEK', '2026-11-30', '', 2, 50_000],
      ['WEEK', '2026-11-30', 'RIDE', 1, 40_000],
      ['WEEK', '2026-11-30', 'RUN', 1, 10_000],
    ]);
  });

  it('counts every workout of the period, not only those of the changed days', async () => {
    const userId = anAthleteId();
    await db().repos.workouts.save(aWorkout({ userId, localDate: '2026-11-16' }));
    await train(aWorkout({ userId, localDate: '2026-11-20' }));
    expect(await rowsOf(userId)).toContainEqual(['WEEK', '2026-11-16', 'RUN', 2, 20_000]);
    expect(await rowsOf(userId)).toContainEqual(['MONTH', '2026-11-01', '', 2, 20_000]);
  });

  it('leaves the same rows when run twice', async () => {
    const userId = anAthleteId();
    const run = aWorkout({ userId });
    await train(run);
    const once = await rowsOf(userId);
    await recomputePeriods(db().repos, userId, [run.localDate, run.localDate]);
    expect(await rowsOf(userId)).toEqual(once);
  });

  it('moves a workout moved to another week and month, leaving no row for the emptied periods', async () => {
    const userId = anAthleteId();
    const run = aWorkout({ userId, localDate: '2026-10-30' });
    await train(run);
    await db().repos.workouts.save({ ...run, localDate: '2026-11-20' });
    await recomputePeriods(db().repos, userId, ['2026-10-30', '2026-11-20']);
    expect(await rowsOf(userId)).toEqual([
      ['MONTH', '2026-11-01', '', 1, 10_000],
      ['MONTH', '2026-11-01', 'RUN', 1, 10_000],
      ['WEEK', '2026-11-16', '', 1, 10_000],
      ['WEEK', '2026-11-16', 'RUN', 1, 10_000],
    ]);
  });

  it('updates an edited workout and forgets a deleted one', async () => {
    const userId = anAthleteId();
    const [run, ride] = [aWorkout({ userId }), aWorkout({ userId, sport: 'RIDE', distanceMeters: 30_000 })];
    await train(run, ride);
    await db().repos.workouts.save({ ...run, distanceMeters: 12_000 });
    await db().repos.workouts.remove(ride.id);
    await recomputePeriods(db().repos, userId, [run.localDate]);
    expect(await rowsOf(userId)).toEqual([
      ['MONTH', '2026-11-01', '', 1, 12_000],
      ['MONTH', '2026-11-01', 'RUN', 1, 12_000],
      ['WEEK', '2026-11-16', '', 1, 12_000],
      ['WEEK', '2026-11-16', 'RUN', 1, 12_000],
    ]);
  });

  it("touches only the athlete's own rows", async () => {
    const [ann, bob] = [anAthleteId(), anAthleteId()];
    await train(aWorkout({ userId: bob }));
    await recomputePeriods(db().repos, ann, ['2026-11-20']);
    expect(await rowsOf(bob)).toHaveLength(4);
    expect(await rowsOf(ann)).toEqual([]);
  });
});
