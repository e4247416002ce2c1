/**
 * The insights context: training load, form, load-spike flags, recommendations from versioned models, race
 * predictions and analytics read models, fed only by events (training's workouts and profile, identity's
 * accounts, inventory's gear wear).
 */
import { defineContext, schemaBeside, type ContextRuntime } from '../../../lib/context/context-descriptor';
import { consumingOnce, inTransaction } from '../../../lib/db/unit-of-work';
import { createAthleteService } from './athletes/athlete.service';
import { createLoadFlagService } from './flags/load-flag.service';
import { createInjuryService } from './injuries/injury.service';
import { insightsCommands } from './insights.commands';
import { INSIGHTS_CONSUMER, insightsConsumers } from './insights.consumers';
import { createInsightsPrisma, type InsightsPrisma } from './insights.prisma';
import { insightsRepos } from './insights.repos';
import { clearProjections } from './projection/clear-projections';
import { createRecommendationService } from './recommendations/recommendation.service';
import { registerRuleModels } from './registry/rule-models';
import { createResolvers } from './resolvers';
import { startCohortSchedule } from './summaries/cohort-schedule';
import { createSummaryService } from './summaries/summary.service';
import { createTimelineService } from './timeline/timeline.service';

/** The repositories, unit of work and services the rest of the descriptor uses. */
function insightsParts({ db, clock, notify }: ContextRuntime<InsightsPrisma>) {
  const repos = insightsRepos(db);
  const unitOfWork = inTransaction(db, insightsRepos);
  return {
    repos,
    unitOfWork,
    athletes: createAthleteService({ repos, inTransaction: unitOfWork, clock, notify }),
    timeline: createTimelineService({ repos, clock }),
    recommendations: createRecommendationService({ repos, clock }),
    flags: createLoadFlagService({ repos }),
    injuries: createInjuryService({ repos, clock }),
    summaries: createSummaryService({ repos, clock }),
    models: repos.models,
  };
}

export const insightsContext = defineContext<InsightsPrisma, ReturnType<typeof insightsParts>>({
  name: 'insights',
  typeDefs: schemaBeside(__dirname),
  createClient: createInsightsPrisma,
  publishes: ['insights.load-flag.raised', 'insights.load-flag.cleared', 'insights.recommendation.created'],
  parts: insightsParts,
  prepare: ({ repos }, { clock }) => registerRuleModels(repos.models, clock),
  consumers: (_parts, { db, notify }) =>
    insightsConsumers({
      // A late workout recomputes the form of every day after it: on a busy machine that passes Prisma's 5 s
      // default, and a transaction that times out on every attempt would park a valid event on the DLQ.
      consumeOnce: consumingOnce(db, INSIGHTS_CONSUMER, insightsRepos, { maxWait: 10_000, timeout: 60_000 }),
      notify,
    }),
  beforeReplay: (_parts, { db }) => clearProjections(db),
  // Cohort benchmarks are recomputed for the last complete week at start and every few hours.
  start: ({ unitOfWork }, { clock, logger, hold }) => {
    const schedule = startCohortSchedule({ inTransaction: unitOfWork, clock, logger });
    hold(async () => schedule.stop());
  },
  resolvers: (parts) => createResolvers(parts),
  commands: insightsCommands,
});
