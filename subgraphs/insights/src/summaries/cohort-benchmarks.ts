/**
 * Cohort benchmarks: each week, the noisy weekly-distance figures of the athletes who consented, per sport
 * and age group (cohort-rules.ts, cohort-figures.ts), and an athlete's week read against their cohort.
 * A recompute replaces the whole week, so an athlete who withdrew consent or was erased is gone from it
 * at the next one. Deterministic given `random` and `now`; in production seed `random` with randomSeed()
 * and keep the seed private: whoever knows it can subtract the noise.
 */
import type { InsightsRepos } from '../insights.repos';
import { addDays } from '../form/calendar-days';
import type { CohortBenchmarkRow } from './cohort-benchmark.repo';
import { noisyCohortFigures, type LaplaceNoise } from './cohort-figures';
import {
  ageGroupOf,
  cohortSizeAtLeast,
  cohortsOfWeek,
  EVERY_AGE,
  MIN_COHORT_ATHLETES,
  weeklyDistanceCap,
} from './cohort-rules';
import { percentileAmong } from './noisy-deciles';
import { inputsHash } from '../models/inputs-hash';
import { weekStart } from './periods';

type CohortRepos = Pick<InsightsRepos, 'athletes' | 'summaries' | 'cohorts'>;

export interface RecomputeCohortOptions {
  /** The week's Monday. */
  week: string;
  /** The privacy budget of each cohort's figures (default 1). */
  epsilon?: number;
  random: LaplaceNoise;
  now: Date;
}

/** The GraphQL `CohortBenchmark`. */
export interface CohortBenchmarkView<S extends string = string> {
  sport: S;
  ageGroup: string;
  week: string;
  yourDistanceMeters: number;
  cohortMeanDistanceMeters: number;
  cohortMedianDistanceMeters: number;
  /** 0 to 100, interpolated on the noisy deciles. */
  percentile: number;
  cohortSizeAtLeast: number;
}

/** The Monday of the last week that ended before `today` (the week before today's). */
export const lastCompleteWeek = (today: string): string => addDays(weekStart(today), -7);

/** The year whose age an athlete is grouped by for a week: its Monday's. */
const yearOfWeek = (week: string) => Number(week.slice(0, 4));

function assertMonday(week: string): void {
  if (weekStart(week) !== week) throw new RangeError(`A cohort week starts on a Monday, got ${week}`);
}

/**
 * Rewrites the week's cohort benchmarks from the consenting athletes' week summaries; returns the rows
 * published. A cohort whose members are those of its stored row keeps that row and its noise: every new
 * draw of noise over the same athletes is another release that averaging would wear down, so figures are
 * released again only when someone joined or left (consent, erasure, a first workout of the sport that
 * week). Weeks before `week` are forgotten.
 */
export async function recomputeCohortBenchmarks(
  repos: CohortRepos,
  { week, epsilon = 1, random, now }: RecomputeCohortOptions,
): Promise<CohortBenchmarkRow[]> {
  assertMonday(week);
  if (!(epsilon > 0 && Number.isFinite(epsilon))) throw new RangeError(`epsilon must be > 0, got ${epsilon}`);
  const consenting = await repos.athletes.consenting('cohortBenchmarks');
  const birthYears = new Map(consenting.map((athlete) => [athlete.userId, athlete.birthYear]));
  const cohorts = cohortsOfWeek(await repos.summaries.weekDistances(week), birthYears, yearOfWeek(week));
  const stored = new Map(
    (await repos.cohorts.ofWeek(week)).map((row) => [`${row.sport}/${row.ageGroup}`, row]),
  );
  const published = cohorts
    .filter((cohort) => cohort.distances.length >= MIN_COHORT_ATHLETES)
    .map(({ sport, ageGroup, distances, members }): CohortBenchmarkRow => {
      const membersHash = inputsHash([...members].sort());
      const kept = stored.get(`${sport}/${ageGroup}`);
      if (kept?.membersHash === membersHash) return kept;
      return {
        sport,
        ageGroup,
        week,
        ...noisyCohortFigures(distances, weeklyDistanceCap(sport), epsilon, random),
        epsilon,
        membersHash,
        computedAt: now,
      };
    });
  await repos.cohorts.replaceWeek(week, published);
  await repos.cohorts.deleteBefore(week);
  return published;
}

/**
 * The athlete's distance in `sport` during `week` against their age group's cohort, or against `all` when
 * that one is not published; null when neither is.
 */
export async function cohortBenchmarkFor<S extends string>(
  repos: CohortRepos,
  userId: string,
  sport: S,
  week: string,
): Promise<CohortBenchmarkView<S> | null> {
  assertMonday(week);
  const { birthYear } = await repos.athletes.of(userId);
  const ageGroup = ageGroupOf(birthYear, yearOfWeek(week));
  const cohort =
    (ageGroup && (await repos.cohorts.find(sport, ageGroup, week))) ||
    (await repos.cohorts.find(sport, EVERY_AGE, week));
  if (!cohort) return null;
  const [own] = await repos.summaries.list(userId, 'WEEK', sport, week, week);
  const yourDistanceMeters = own?.distanceMeters ?? 0;
  return {
    sport,
    ageGroup: cohort.ageGroup,
    week,
    yourDistanceMeters,
    cohortMeanDistanceMeters: cohort.meanDistance,
    cohortMedianDistanceMeters: cohort.deciles[5]!,
    percentile: percentileAmong(yourDistanceMeters, cohort.deciles),
    cohortSizeAtLeast: cohortSizeAtLeast(cohort.athletes),
  };
}
