/**
 * The analytics reads of one athlete, from the read models (never from raw workouts, except the days of
 * an unfinished month in a year-over-year span): weeks, months, the year against the year before and the
 * last complete week against their cohort. "Today" is the athlete's calendar day in their time zone.
 */
import type { Clock } from '../../../../lib/clock';
import { athleteToday } from '../athletes/athlete-today';
import type { InsightsRepos } from '../insights.repos';
import { cohortBenchmarkFor, lastCompleteWeek } from './cohort-benchmarks';
import { monthlySummaries, weeklySummaries, yearOverYear } from './summary-reads';

export type SummaryService = ReturnType<typeof createSummaryService>;

export function createSummaryService(deps: {
  repos: Pick<InsightsRepos, 'athletes' | 'summaries' | 'workouts' | 'cohorts'>;
  clock: Clock;
}) {
  const { repos, clock } = deps;
  const today = (userId: string) => athleteToday(repos.athletes, clock, userId);
  return {
    weekly: <S extends string>(userId: string, from: string, to: string, sport: S | null) =>
      weeklySummaries(repos, userId, from, to, sport),
    monthly: <S extends string>(userId: string, from: string, to: string, sport: S | null) =>
      monthlySummaries(repos, userId, from, to, sport),
    async yearOverYear(userId: string, year: number | null, sport: string | null) {
      const day = await today(userId);
      return yearOverYear(repos, userId, year ?? Number(day.slice(0, 4)), day, sport);
    },
    cohortBenchmark: async (userId: string, sport: string) =>
      cohortBenchmarkFor(repos, userId, sport, lastCompleteWeek(await today(userId))),
  };
}
