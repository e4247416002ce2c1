/** The summary service on in-memory repositories: weeks, months, year over year and the cohort benchmark. */
import { v7 as uuidv7 } from 'uuid';
import { fixedClock } from '../../../../lib/clock';
import { fakeInsightsRepos } from '../insights.fakes';
import { ALL_SPORTS } from '../timeline/daily-load.repo';
import type { CohortBenchmarkRow } from './cohort-benchmark.repo';
import { NO_FIGURES } from './period-totals';
import { aWorkout, someFigures } from './summaries.builders';
import { createSummaryService } from './summary.service';

const ann = uuidv7();

function newTestSummaries(now = '2026-11-20T12:00:00Z') {
  const repos = fakeInsightsRepos();
  const summaries = createSummaryService({ repos, clock: fixedClock(now) });
  /** One run of `distanceMeters` as the only workout of the period: its RUN row and its total. */
  const ranIn = (period: 'WEEK' | 'MONTH', start: string, distanceMeters: number) =>
    repos.summaries.replace(ann, period, start, [
      someFigures('RUN', distanceMeters),
      someFigures(ALL_SPORTS, distanceMeters),
    ]);
  return { summaries, repos, ranIn };
}

/** A period's figures of one run of `distanceMeters`, without the sport key. */
const figuresOfOneRun = (distanceMeters: number) => {
  const { sport: _sport, ...figures } = someFigures('RUN', distanceMeters);
  return figures;
};

/** A published RUN cohort of 27 athletes whose deciles step by 5 km (median and mean 25 km). */
const aCohort = (overrides: Partial<CohortBenchmarkRow> = {}): CohortBenchmarkRow => ({
  sport: 'RUN',
  ageGroup: 'all',
  week: '2026-11-16',
  athletes: 27,
  meanDistance: 25_000,
  deciles: Array.from({ length: 11 }, (_, i) => i * 5_000),
  epsilon: 1,
  membersHash: 'f'.repeat(64),
  computedAt: new Date('2026-11-23T03:00:00Z'),
  ...overrides,
});

describe('weekly', () => {
  it("gives every ISO week from `from`'s to `to`, weeks without training as zeros", async () => {
    const { summaries, ranIn } = newTestSummaries();
    await ranIn('WEEK', '2026-11-09', 12_000);
    await ranIn('MONTH', '2026-11-01', 12_000);
    expect(await summaries.weekly(ann, '2026-11-04', '2026-11-18', null)).toEqual([
      { start: '2026-11-02', sport: null, ...NO_FIGURES },
      { start: '2026-11-09', sport: null, ...figuresOfOneRun(12_000) },
      { start: '2026-11-16', sport: null, ...NO_FIGURES },
    ]);
  });

  it("reads one sport's rows when a sport is given", async () => {
    const { summaries, repos } = newTestSummaries();
    await repos.summaries.replace(ann, 'WEEK', '2026-11-09', [
      someFigures('RIDE', 40_000),
      someFigures('RUN', 12_000),
      { ...someFigures(ALL_SPORTS, 52_000), workouts: 2 },
    ]);
    const [week] = await summaries.weekly(ann, '2026-11-09', '2026-11-15', 'RUN');
    expect(week).toEqual({ start: '2026-11-09', ...someFigures('RUN', 12_000) });
  });

  it('refuses a range that ends before it starts, naming `to`', async () => {
    const { summaries } = newTestSummaries();
    await expect(summaries.weekly(ann, '2026-11-18', '2026-11-04', null)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'to' },
    });
  });
});

describe('monthly', () => {
  it("gives every calendar month from `from`'s to `to`", async () => {
    const { summaries, ranIn } = newTestSummaries();
    await ranIn('MONTH', '2026-10-01', 42_195);
    await ranIn('WEEK', '2026-09-28', 5_000);
    const months = await summaries.monthly(ann, '2026-09-15', '2026-11-20', 'RUN');
    expect(months).toEqual([
      { start: '2026-09-01', sport: 'RUN', ...NO_FIGURES },
      { start: '2026-10-01', ...someFigures('RUN', 42_195) },
      { start: '2026-11-01', sport: 'RUN', ...NO_FIGURES },
    ]);
  });

  it('refuses more than 60 months, naming `to`', async () => {
    const { summaries } = newTestSummaries();
    await expect(summaries.monthly(ann, '2021-01-01', '2026-01-01', null)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'to' },
    });
  });
});

describe('yearOverYear', () => {
  // 23:30 UTC on 31 December is already New Year's Day in Berlin.
  const NEW_YEARS_EVE = '2026-12-31T23:30:00Z';

  it("compares this year, in the athlete's time zone, up to today with the same days of the year before", async () => {
    const { summaries, repos } = newTestSummaries(NEW_YEARS_EVE);
    await repos.athletes.update(ann, { timeZone: 'Europe/Berlin' });
    await repos.workouts.save(aWorkout({ userId: ann, localDate: '2027-01-01', distanceMeters: 12_000 }));
    await repos.workouts.save(aWorkout({ userId: ann, localDate: '2026-01-01', distanceMeters: 10_000 }));
    await repos.workouts.save(aWorkout({ userId: ann, localDate: '2026-01-02', distanceMeters: 30_000 }));

    const compared = await summaries.yearOverYear(ann, null, null);
    expect(compared).toMatchObject({
      year: 2027,
      throughDate: '2027-01-01',
      thisYear: { start: '2027-01-01', workouts: 1, distanceMeters: 12_000 },
      lastYear: { start: '2026-01-01', workouts: 1, distanceMeters: 10_000 },
    });
    expect(compared.distanceChangePercent).toBeCloseTo(20);
  });

  it('takes the whole year from the month summaries when today is its last day', async () => {
    const { summaries, ranIn } = newTestSummaries(NEW_YEARS_EVE);
    await ranIn('MONTH', '2026-03-01', 30_000);
    await ranIn('MONTH', '2025-03-01', 20_000);
    expect(await summaries.yearOverYear(ann, null, null)).toMatchObject({
      year: 2026,
      throughDate: '2026-12-31',
      thisYear: { distanceMeters: 30_000 },
      lastYear: { distanceMeters: 20_000 },
      distanceChangePercent: 50,
    });
  });

  it('reads a year that is over whole when one is asked for', async () => {
    const { summaries } = newTestSummaries();
    expect(await summaries.yearOverYear(ann, 2024, null)).toMatchObject({
      year: 2024,
      throughDate: '2024-12-31',
      distanceChangePercent: null,
    });
  });

  it("refuses a year after today's, naming `year`", async () => {
    const { summaries } = newTestSummaries();
    await expect(summaries.yearOverYear(ann, 2027, null)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'year' },
    });
  });
});

describe('cohortBenchmark', () => {
  // 23:30 UTC on Sunday the 22nd is already Monday the 23rd in Tokyo: a week later ended there.
  const SUNDAY_NIGHT = '2026-11-22T23:30:00Z';

  it("reads the last complete week in the athlete's time zone against their cohort", async () => {
    const { summaries, repos, ranIn } = newTestSummaries(SUNDAY_NIGHT);
    await repos.athletes.update(ann, { timeZone: 'Asia/Tokyo' });
    repos.cohorts.rows.push(aCohort({ week: '2026-11-09', meanDistance: 1 }), aCohort());
    await ranIn('WEEK', '2026-11-16', 30_000);
    expect(await summaries.cohortBenchmark(ann, 'RUN')).toEqual({
      sport: 'RUN',
      ageGroup: 'all',
      week: '2026-11-16',
      yourDistanceMeters: 30_000,
      cohortMeanDistanceMeters: 25_000,
      cohortMedianDistanceMeters: 25_000,
      percentile: 60,
      cohortSizeAtLeast: 20,
    });
  });

  it('takes the week before in UTC, with no distance of the athlete that week', async () => {
    const { summaries, repos, ranIn } = newTestSummaries(SUNDAY_NIGHT);
    repos.cohorts.rows.push(aCohort({ week: '2026-11-09' }), aCohort());
    await ranIn('WEEK', '2026-11-16', 30_000);
    expect(await summaries.cohortBenchmark(ann, 'RUN')).toMatchObject({
      week: '2026-11-09',
      yourDistanceMeters: 0,
      percentile: 0,
    });
  });

  it("prefers the athlete's age group when its cohort is published", async () => {
    const { summaries, repos } = newTestSummaries(SUNDAY_NIGHT);
    await repos.athletes.update(ann, { birthYear: 1990 });
    repos.cohorts.rows.push(
      aCohort({ week: '2026-11-09' }),
      aCohort({ week: '2026-11-09', ageGroup: '30-39', meanDistance: 31_000 }),
    );
    expect(await summaries.cohortBenchmark(ann, 'RUN')).toMatchObject({
      ageGroup: '30-39',
      cohortMeanDistanceMeters: 31_000,
    });
  });

  it('is null when no cohort of the sport is published for that week', async () => {
    const { summaries, repos } = newTestSummaries(SUNDAY_NIGHT);
    repos.cohorts.rows.push(aCohort({ sport: 'RIDE', week: '2026-11-09' }), aCohort({ week: '2026-11-02' }));
    expect(await summaries.cohortBenchmark(ann, 'RUN')).toBeNull();
  });
});
