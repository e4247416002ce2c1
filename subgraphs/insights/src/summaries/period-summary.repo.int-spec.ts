import { useFixture } from '../../../../lib/testing/fixture';
import { availableDatabaseKinds } from '../../../../lib/testing/test-databases';
import { ALL_SPORTS } from '../timeline/daily-load.repo';
import { anAthleteId, someFigures } from './summaries.builders';
import { openTestSummaries } from './summaries.test-db';

describe.each(availableDatabaseKinds())('period summary repository on %s', (kind) => {
  const db = useFixture(() => openTestSummaries(kind));

  const startsAndDistances = async (userId: string, sport: string, from: string, to: string) =>
    (await db().repos.summaries.list(userId, 'WEEK', sport, from, to)).map((row) => [
      row.start,
      row.distanceMeters,
    ]);

  it('replaces a period of one athlete whole, leaving their other periods and other athletes alone', async () => {
    const [ann, bob] = [anAthleteId(), anAthleteId()];
    await db().repos.summaries.replace(ann, 'WEEK', '2026-11-16', [
      someFigures('RUN', 10_000),
      someFigures('', 10_000),
    ]);
    await db().repos.summaries.replace(ann, 'WEEK', '2026-11-23', [someFigures('RUN', 5000)]);
    await db().repos.summaries.replace(bob, 'WEEK', '2026-11-16', [someFigures('RUN', 7000)]);

    await db().repos.summaries.replace(ann, 'WEEK', '2026-11-16', [someFigures('RUN', 12_000)]);

    expect(await startsAndDistances(ann, 'RUN', '2026-11-01', '2026-11-30')).toEqual([
      ['2026-11-16', 12_000],
      ['2026-11-23', 5000],
    ]);
    expect(await startsAndDistances(ann, ALL_SPORTS, '2026-11-01', '2026-11-30')).toEqual([]);
    expect(await startsAndDistances(bob, 'RUN', '2026-11-16', '2026-11-16')).toEqual([['2026-11-16', 7000]]);
  });

  it('lists the starts from `from` to `to`, both included, oldest first', async () => {
    const ann = anAthleteId();
    for (const start of ['2026-12-21', '2026-12-07', '2026-12-14', '2026-11-30']) {
      await db().repos.summaries.replace(ann, 'WEEK', start, [someFigures('RUN', 1000)]);
    }
    expect(
      (await startsAndDistances(ann, 'RUN', '2026-12-07', '2026-12-14')).map(([start]) => start),
    ).toEqual(['2026-12-07', '2026-12-14']);
  });

  it("gives every athlete's distances of one week by sport, without the totals", async () => {
    const [ann, bob] = [anAthleteId(), anAthleteId()].sort() as [string, string];
    const week = '2027-03-01';
    await db().repos.summaries.replace(ann, 'WEEK', week, [
      someFigures('RUN', 10_000),
      someFigures('', 10_000),
    ]);
    await db().repos.summaries.replace(bob, 'WEEK', week, [
      someFigures('RIDE', 50_000),
      someFigures('RUN', 3000),
    ]);
    await db().repos.summaries.replace(bob, 'MONTH', '2027-03-01', [someFigures('RUN', 3000)]);
    expect(await db().repos.summaries.weekDistances(week)).toEqual([
      { userId: bob, sport: 'RIDE', distanceMeters: 50_000 },
      { userId: ann, sport: 'RUN', distanceMeters: 10_000 },
      { userId: bob, sport: 'RUN', distanceMeters: 3000 },
    ]);
  });

  it("erases every row of an athlete and no one else's", async () => {
    const [ann, bob] = [anAthleteId(), anAthleteId()];
    await db().repos.summaries.replace(ann, 'MONTH', '2026-11-01', [someFigures('RUN', 1000)]);
    await db().repos.summaries.replace(bob, 'MONTH', '2026-11-01', [someFigures('RUN', 2000)]);
    await db().repos.summaries.erase(ann);
    expect(await db().prisma.periodSummary.count({ where: { userId: ann } })).toBe(0);
    expect(await db().prisma.periodSummary.count({ where: { userId: bob } })).toBe(1);
  });
});
