/** The domain types the insights resolvers return for each GraphQL type (used by codegen's mappers). */
export type { FormState as Form } from './form/form-state';
export type { LoadFlagRecord as LoadFlag } from './flags/load-flag.repo';
export type { InjuryReportRecord as InjuryReport } from './injuries/injury-report.repo';
export type { RecommendationRecord as Recommendation } from './recommendations/recommendation.repo';
export type { ModelVersionRecord as InsightModel } from './registry/model-registry.repo';

/** A user reference: insights knows only the id; identity resolves the rest. */
export interface User {
  id: string;
}
export type {
  PeriodSummaryView as PeriodSummary,
  YearOverYearView as YearOverYear,
} from './summaries/summary-reads';
export type { CohortBenchmarkView as CohortBenchmark } from './summaries/cohort-benchmarks';
