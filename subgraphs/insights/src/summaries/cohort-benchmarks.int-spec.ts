import { useFixture } from '../../../../lib/testing/fixture';
import { availableDatabaseKinds } from '../../../../lib/testing/test-databases';
import { createSeededRandom } from '../models/seeded-random';
import { cohortBenchmarkFor, recomputeCohortBenchmarks } from './cohort-benchmarks';
import { anAthleteId, someFigures } from './summaries.builders';
import { openTestSummaries } from './summaries.test-db';

const NOW = new Date('2026-12-01T04:00:00Z');
/** So large a budget that the noise is below a millimetre: the figures are the true ones. */
const NO_PRIVACY = 1e9;

interface Member {
  distance: number;
  birthYear?: number | null;
  consents?: boolean;
  sport?: string;
}

describe.each(availableDatabaseKinds())('cohort benchmarks on %s', (kind) => {
  const db = useFixture(() => openTestSummaries(kind));

  /** Athletes with a week summary of `week`; each test uses its own week. Returns their ids. */
  const enrol = async (week: string, members: Member[]) => {
    const ids: string[] = [];
    for (const { distance, birthYear = 1990, consents = true, sport = 'RUN' } of members) {
      const userId = anAthleteId();
      await db().repos.athletes.update(userId, { birthYear, cohortBenchmarks: consents });
      await db().repos.summaries.replace(userId, 'WEEK', week, [
        someFigures(sport, distance),
        someFigures('', distance),
      ]);
      ids.push(userId);
    }
    return ids;
  };
  const runners = (count: number, extra: Omit<Member, 'distance'> = {}, step = 5000) =>
    Array.from({ length: count }, (_, index) => ({ distance: (index + 1) * step, ...extra }));
  const recompute = (week: string, epsilon = 1, seed = 1) =>
    recomputeCohortBenchmarks(db().repos, { week, epsilon, random: createSeededRandom(seed), now: NOW });
  const published = async (week: string) =>
    (await db().repos.cohorts.ofWeek(week)).map((row) => [row.sport, row.ageGroup, row.athletes]);
  const meanOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

  it('publishes a cohort of 20 consenting athletes, its noisy mean within 4 noise scales of the true one', async () => {
    const week = '2026-11-02';
    const members = runners(20);
    await enrol(week, members);
    const rows = await recompute(week);
    expect(await published(week)).toEqual([
      ['RUN', '30-39', 20],
      ['RUN', 'all', 20],
    ]);
    const all = rows.find((row) => row.ageGroup === 'all')!;
    expect(all).toMatchObject({ week, epsilon: 1, computedAt: NOW, deciles: expect.any(Array) });
    expect(all.deciles).toHaveLength(11);
    // The mean's Laplace scale: cap / (n · ε/2) = 300 km / 10 = 30 km.
    expect(Math.abs(all.meanDistance - meanOf(members.map((m) => m.distance)))).toBeLessThan(4 * 30_000);
    expect(await db().repos.cohorts.find('RUN', 'all', week)).toEqual(all);
  });

  it('publishes nothing for 19 athletes', async () => {
    const week = '2026-11-09';
    await enrol(week, runners(19));
    expect(await recompute(week)).toEqual([]);
    expect(await published(week)).toEqual([]);
  });

  it('leaves out athletes who did not consent', async () => {
    const week = '2026-11-16';
    const members = runners(20);
    await enrol(week, [...members, ...runners(5, { consents: false }, 250_000)]);
    const [all] = await recompute(week, NO_PRIVACY);
    expect(all).toMatchObject({ ageGroup: 'all', athletes: 20 });
    expect(all!.meanDistance).toBeCloseTo(meanOf(members.map((m) => m.distance)), 3);
  });

  it('counts minors and athletes without a birth year in `all` only', async () => {
    const week = '2026-11-23';
    await enrol(week, [
      ...runners(15, { birthYear: 1980 }),
      ...runners(3, { birthYear: 2012 }),
      ...runners(2, { birthYear: null }),
    ]);
    await recompute(week);
    expect(await published(week)).toEqual([['RUN', 'all', 20]]);
  });

  it('drops a withdrawn or erased athlete at the next recompute, and the cohort once it falls below 20', async () => {
    const week = '2026-11-30';
    const members = runners(21);
    const ids = await enrol(week, members);
    await recompute(week, NO_PRIVACY);
    const before = (await db().repos.cohorts.find('RUN', 'all', week))!;
    expect(before.athletes).toBe(21);

    await db().repos.athletes.update(ids[20]!, { cohortBenchmarks: false }); // the longest week withdraws
    await recompute(week, NO_PRIVACY);
    const after = (await db().repos.cohorts.find('RUN', 'all', week))!;
    expect(after.athletes).toBe(20);
    expect(after.meanDistance).toBeCloseTo(meanOf(members.slice(0, 20).map((m) => m.distance)), 3);

    await db().prisma.athlete.deleteMany({ where: { userId: ids[0] } });
    await db().prisma.periodSummary.deleteMany({ where: { userId: ids[0] } });
    await recompute(week, NO_PRIVACY);
    expect(await published(week)).toEqual([]);
  });

  it('keeps the released figures while the members stay the same, and draws new ones when they change', async () => {
    const week = '2027-01-04';
    const ids = await enrol(week, runners(22));
    await recompute(week, 1, 1);
    const first = (await db().repos.cohorts.find('RUN', 'all', week))!;
    await recompute(week, 1, 2);
    expect(await db().repos.cohorts.find('RUN', 'all', week)).toEqual(first);

    await db().repos.athletes.update(ids[3]!, { cohortBenchmarks: false });
    await recompute(week, 1, 3);
    const next = (await db().repos.cohorts.find('RUN', 'all', week))!;
    expect(next.athletes).toBe(21);
    expect(next.membersHash).not.toBe(first.membersHash);
    expect(next.meanDistance).not.toBe(first.meanDistance);
  });

  it('forgets the weeks before the one it recomputes', async () => {
    const [earlier, later] = ['2027-02-01', '2027-02-08'];
    await enrol(earlier, runners(20));
    await enrol(later, runners(20));
    await recompute(earlier);
    expect(await published(earlier)).not.toEqual([]);
    await recompute(later);
    expect(await published(earlier)).toEqual([]);
  });

  it('replaces only its own week', async () => {
    const [week, other] = ['2026-12-07', '2026-12-14'];
    await enrol(week, runners(20));
    await enrol(other, runners(20));
    await recompute(other);
    await recompute(week);
    expect(await published(other)).toEqual([
      ['RUN', '30-39', 20],
      ['RUN', 'all', 20],
    ]);
  });

  describe('cohortBenchmarkFor', () => {
    const week = '2026-12-21';
    beforeAll(async () => {
      await enrol(week, [
        ...runners(25, { birthYear: 1990 }, 4000),
        ...runners(5, { birthYear: 1980 }, 4000),
      ]);
      await recompute(week);
    });
    const reader = async (distance: number | null, birthYear: number | null = 1990) => {
      const userId = anAthleteId();
      await db().repos.athletes.update(userId, { birthYear, cohortBenchmarks: true });
      if (distance !== null)
        await db().repos.summaries.replace(userId, 'WEEK', week, [someFigures('RUN', distance)]);
      return userId;
    };

    it("compares the athlete's week with their age group's cohort", async () => {
      const benchmark = await cohortBenchmarkFor(db().repos, await reader(50_000), 'RUN', week);
      const cohort = (await db().repos.cohorts.find('RUN', '30-39', week))!;
      expect(benchmark).toEqual({
        sport: 'RUN',
        ageGroup: '30-39',
        week,
        yourDistanceMeters: 50_000,
        cohortMeanDistanceMeters: cohort.meanDistance,
        cohortMedianDistanceMeters: cohort.deciles[5],
        percentile: expect.any(Number),
        cohortSizeAtLeast: 20,
      });
    });

    it('falls back to `all` when the age group is not published, and to null when nothing is', async () => {
      expect(await cohortBenchmarkFor(db().repos, await reader(10_000, 1980), 'RUN', week)).toMatchObject({
        ageGroup: 'all',
        cohortSizeAtLeast: 30,
      });
      expect(await cohortBenchmarkFor(db().repos, await reader(10_000), 'ROW', week)).toBeNull();
    });

    it('counts a week without training as 0 m', async () => {
      expect(await cohortBenchmarkFor(db().repos, await reader(null), 'RUN', week)).toMatchObject({
        yourDistanceMeters: 0,
      });
    });

    it('gives a percentile from 0 to 100 that grows with the distance', async () => {
      const percentiles: number[] = [];
      for (const distance of [0, 5000, 20_000, 50_000, 80_000, 120_000, 400_000]) {
        percentiles.push(
          (await cohortBenchmarkFor(db().repos, await reader(distance), 'RUN', week))!.percentile,
        );
      }
      for (let i = 1; i < percentiles.length; i++)
        expect(percentiles[i]).toBeGreaterThanOrEqual(percentiles[i - 1]!);
      expect(percentiles[0]).toBeGreaterThanOrEqual(0);
      expect(percentiles.at(-1)).toBe(100);
    });
  });
});
