/**
 * The summaries' repositories on a throw-away insights database, for integration tests. Wired by hand
 * rather than through insightsRepos: these specs need four repositories, not the whole context.
 */
import { openTestContextDatabase, type TestDatabaseKind } from '../../../../lib/testing/test-databases';
import { createAthleteRepo } from '../athletes/athlete.repo';
import { createInsightsPrisma } from '../insights.prisma';
import { createWorkoutRepo } from '../workouts/workout.repo';
import { createCohortBenchmarkRepo } from './cohort-benchmark.repo';
import { createPeriodSummaryRepo } from './period-summary.repo';

export type TestSummaries = Awaited<ReturnType<typeof openTestSummaries>>;

export async function openTestSummaries(kind: TestDatabaseKind) {
  const db = await openTestContextDatabase(kind, 'insights', createInsightsPrisma);
  const prisma = db.client;
  return {
    prisma,
    repos: {
      athletes: createAthleteRepo(prisma),
      workouts: createWorkoutRepo(prisma),
      summaries: createPeriodSummaryRepo(prisma),
      cohorts: createCohortBenchmarkRepo(prisma),
    },
    close: () => db.close(),
  };
}
