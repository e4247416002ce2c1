/**
 * The cohort benchmarks read model: per week, sport and age group, the noisy figures of the consenting
 * athletes' weekly distances, for cohorts of at least 20 only. Holds no athlete's id (only a hash of the
 * members' ids): a week's rows are replaced at each recompute, which is how a withdrawn or erased athlete's
 * contribution goes.
 */
import type { InsightsTx } from '../insights.prisma';

export interface CohortBenchmarkRow {
  sport: string;
  /** '18-29', '30-39', '40-49', '50-59', '60+' or 'all'. */
  ageGroup: string;
  /** The ISO week's Monday. */
  week: string;
  /** The true number of athletes: for the publication rule, shown only rounded down to a multiple of 10. */
  athletes: number;
  /** Noisy mean weekly distance, metres. */
  meanDistance: number;
  /** Noisy 0 %, 10 %, …, 100 % quantiles of the weekly distances, metres (11 values, non-decreasing). */
  deciles: number[];
  /** The privacy budget this row was computed with. */
  epsilon: number;
  /** SHA-256 of the members' sorted ids: a recompute keeps the row (and its noise) while they are the same. */
  membersHash: string;
  computedAt: Date;
}

export type CohortBenchmarkRepo = ReturnType<typeof createCohortBenchmarkRepo>;

export function createCohortBenchmarkRepo(db: InsightsTx) {
  return {
    /** Replaces every cohort row of the week with `rows` (cohorts left out have no row any more). */
    async replaceWeek(week: string, rows: readonly CohortBenchmarkRow[]): Promise<void> {
      await db.cohortBenchmark.deleteMany({ where: { week } });
      if (rows.length > 0)
        await db.cohortBenchmark.createMany({ data: rows.map((row) => ({ ...row, week })) });
    },

    /** Forgets the weeks before `week` (only the last complete week is read). */
    deleteBefore: async (week: string): Promise<void> =>
      void (await db.cohortBenchmark.deleteMany({ where: { week: { lt: week } } })),

    find: (sport: string, ageGroup: string, week: string): Promise<CohortBenchmarkRow | null> =>
      db.cohortBenchmark.findUnique({ where: { sport_ageGroup_week: { sport, ageGroup, week } } }),

    /** The week's published cohorts, by sport then age group. */
    ofWeek: (week: string): Promise<CohortBenchmarkRow[]> =>
      db.cohortBenchmark.findMany({ where: { week }, orderBy: [{ sport: 'asc' }, { ageGroup: 'asc' }] }),
  };
}
