/**
 * The insights context's repositories, bound to one transaction (or to the client, for single reads): the
 * one `reposOf` that services get through `inTransaction` and consumers through `consumingOnce`.
 */
import { createOutboxWriter } from '../../../lib/events/outbox';
import { createAthleteRepo } from './athletes/athlete.repo';
import { createGearWearRepo } from './athletes/gear-wear.repo';
import { createLoadFlagRepo } from './flags/load-flag.repo';
import { createInjuryReportRepo } from './injuries/injury-report.repo';
import type { InsightsTx } from './insights.prisma';
import { createRecommendationRepo } from './recommendations/recommendation.repo';
import { createModelRegistryRepo } from './registry/model-registry.repo';
import { createCohortBenchmarkRepo } from './summaries/cohort-benchmark.repo';
import { createPeriodSummaryRepo } from './summaries/period-summary.repo';
import { createDailyLoadRepo } from './timeline/daily-load.repo';
import { createFormDayRepo } from './timeline/form-day.repo';
import { createWorkoutRepo } from './workouts/workout.repo';

export function insightsRepos(tx: InsightsTx) {
  return {
    athletes: createAthleteRepo(tx),
    gearWear: createGearWearRepo(tx),
    workouts: createWorkoutRepo(tx),
    dailyLoads: createDailyLoadRepo(tx),
    formDays: createFormDayRepo(tx),
    flags: createLoadFlagRepo(tx),
    models: createModelRegistryRepo(tx),
    recommendations: createRecommendationRepo(tx),
    injuries: createInjuryReportRepo(tx),
    summaries: createPeriodSummaryRepo(tx),
    cohorts: createCohortBenchmarkRepo(tx),
    outbox: createOutboxWriter(tx),
  };
}

export type InsightsRepos = ReturnType<typeof insightsRepos>;
