/**
 * Who is compared with whom in the cohort benchmarks, and the numbers that bound each athlete's say in a
 * cohort's figures: age groups, the smallest cohort published, and the weekly distance each sport category
 * is clipped to (the sensitivity the noise is scaled by, in cohort-figures.ts).
 */
import { SPORT_TAXONOMY, type SportInfo } from '../../../../lib/sports';

/** A cohort of fewer athletes is not published (its old row is deleted). */
export const MIN_COHORT_ATHLETES = 20;

export const AGE_GROUPS = ['18-29', '30-39', '40-49', '50-59', '60+'] as const;
/** The cohort of every consenting athlete of a sport, whatever their age (or unknown age). */
export const EVERY_AGE = 'all';
export type AgeGroup = (typeof AGE_GROUPS)[number] | typeof EVERY_AGE;

/**
 * The most weekly distance one athlete adds to a cohort's figures, per sport category, metres: above any
 * plausible week (about 40 km a day on foot, 200 km a day on a bike, 14 km a day in water), so that
 * clipping changes almost nobody's figure while bounding anyone's influence.
 */
export const WEEKLY_DISTANCE_CAP_METERS: Readonly<Record<SportInfo['category'], number>> = {
  FOOT: 300_000,
  CYCLE: 1_500_000,
  WATER: 100_000,
  SNOW: 500_000,
  WHEELS: 500_000,
  INDOOR: 500_000,
  OTHER: 500_000,
};

/** The clipping cap of a sport (an unknown sport counts as OTHER). */
export function weeklyDistanceCap(sport: string): number {
  const info = (SPORT_TAXONOMY as Record<string, SportInfo | undefined>)[sport];
  return WEEKLY_DISTANCE_CAP_METERS[info?.category ?? 'OTHER'];
}

/**
 * The age group of someone born in `birthYear`, by the age they reach in `year` (the year of the week's
 * Monday); null under 18 or when the birth year is unknown: such athletes are only in the group `all`.
 */
export function ageGroupOf(birthYear: number | null, year: number): AgeGroup | null {
  if (birthYear === null) return null;
  const age = year - birthYear;
  if (age < 18) return null;
  if (age < 30) return '18-29';
  if (age >= 60) return '60+';
  return AGE_GROUPS[Math.floor(age / 10) - 2]!;
}

/** The size shown for a cohort: its true size rounded down to a multiple of 10. */
export const cohortSizeAtLeast = (athletes: number): number => Math.floor(athletes / 10) * 10;

/** One cohort's members' weekly distances (metres, unclipped). */
export interface CohortMembers {
  sport: string;
  ageGroup: AgeGroup;
  distances: number[];
  /** The members' ids, in the order of `distances`. */
  members: string[];
}

/**
 * The cohorts of a week: for each sport, every athlete with a week summary of it in `all` and, when they
 * have one, in their age group. Athletes missing from `birthYears` (no consent) are left out. Ordered by
 * sport, then `all`, then the age groups, so that noise is drawn in the same order on every run.
 */
export function cohortsOfWeek(
  rows: readonly { userId: string; sport: string; distanceMeters: number }[],
  birthYears: ReadonlyMap<string, number | null>,
  year: number,
): CohortMembers[] {
  const cohorts = new Map<string, CohortMembers>();
  const join = (sport: string, ageGroup: AgeGroup, row: { userId: string; distanceMeters: number }) => {
    const key = `${sport}\u0000${ageGroup}`;
    const cohort = cohorts.get(key) ?? { sport, ageGroup, distances: [], members: [] };
    cohort.distances.push(row.distanceMeters);
    cohort.members.push(row.userId);
    cohorts.set(key, cohort);
  };
  for (const row of rows) {
    if (!birthYears.has(row.userId)) continue;
    join(row.sport, EVERY_AGE, row);
    const group = ageGroupOf(birthYears.get(row.userId) ?? null, year);
    if (group) join(row.sport, group, row);
  }
  const order: readonly AgeGroup[] = [EVERY_AGE, ...AGE_GROUPS];
  return [...cohorts.values()].sort((a, b) =>
    a.sport === b.sport ? order.indexOf(a.ageGroup) - order.indexOf(b.ageGroup) : a.sport < b.sport ? -1 : 1,
  );
}
