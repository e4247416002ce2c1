/**
 * GraphQL adapters of the insights context: parse arguments, call one service method, map the result.
 * Every `User` field is the athlete's own: null for anyone else (`@auth` has already refused anonymous
 * callers).
 */
import { requireViewer } from '../../../lib/auth/viewer';
import type { RequestContext } from '../../../lib/graphql/context';
import { DateTime, LocalDate } from '../../../lib/graphql/scalars';
import type { Resolvers } from './__generated__/resolvers-types';
import type { AthleteService } from './athletes/athlete.service';
import type { LoadFlagService } from './flags/load-flag.service';
import type { InjuryService } from './injuries/injury.service';
import type { RecommendationService } from './recommendations/recommendation.service';
import type { ModelRegistryRepo } from './registry/model-registry.repo';
import type { SummaryService } from './summaries/summary.service';
import type { TimelineService } from './timeline/timeline.service';

export interface InsightsServices {
  athletes: AthleteService;
  timeline: TimelineService;
  recommendations: RecommendationService;
  flags: LoadFlagService;
  injuries: InjuryService;
  summaries: SummaryService;
  models: Pick<ModelRegistryRepo, 'all' | 'byKey'>;
}

/** `read()` when the viewer is the athlete, null otherwise. */
const own = <T>(ctx: RequestContext, user: { id: string }, read: () => T): T | null =>
  ctx.viewer?.userId === user.id ? read() : null;

const json = (value: unknown) => (value == null ? null : JSON.stringify(value));

export function createResolvers(services: InsightsServices): Resolvers {
  const { athletes, timeline, recommendations, flags, injuries, summaries, models } = services;
  return {
    DateTime,
    LocalDate,
    Query: {
      insightModels: () => models.all(),
    },
    Mutation: {
      rateWorkoutEffort: (_root, args, ctx) =>
        athletes.rateEffort(requireViewer(ctx.viewer), args.workoutId, args.sessionRpe),
      reportInjury: (_root, { input }, ctx) => injuries.report(requireViewer(ctx.viewer), input),
      deleteInjuryReport: (_root, args, ctx) => injuries.remove(requireViewer(ctx.viewer), args.id),
      setInsightsConsent: (_root, { input }, ctx) => athletes.setConsent(requireViewer(ctx.viewer), input),
      respondToRecommendation: (_root, args, ctx) =>
        recommendations.respond(requireViewer(ctx.viewer), args.id, args.status),
    },
    User: {
      __resolveReference: (ref) => ({ id: ref.id }),
      trainingLoad: (user, args, ctx) =>
        own(ctx, user, () => timeline.trainingLoad(user.id, args.from, args.to, args.sport ?? null)),
      form: (user, args, ctx) => own(ctx, user, () => timeline.form(user.id, args.date ?? null)),
      loadFlags: (user, args, ctx) => own(ctx, user, () => flags.loadFlags(user.id, args.first, args.after)),
      recommendations: (user, args, ctx) =>
        own(ctx, user, () =>
          recommendations.recommendations(user.id, args.status ?? null, args.first, args.after),
        ),
      racePredictions: (user, _args, ctx) =>
        own(ctx, user, async () =>
          (await timeline.racePredictions(user.id)).map((p) => ({
            race: p.targetName,
            distanceMeters: p.distanceMeters,
            predictedSeconds: p.predictedSeconds,
            fromEffort: p.from.name,
            fromDistanceMeters: p.from.distanceMeters,
            fromSeconds: p.from.seconds,
            fromWorkoutId: p.from.workoutId,
            fromDate: p.from.date,
          })),
        ),
      weeklySummaries: (user, args, ctx) =>
        own(ctx, user, () => summaries.weekly(user.id, args.from, args.to, args.sport ?? null)),
      monthlySummaries: (user, args, ctx) =>
        own(ctx, user, () => summaries.monthly(user.id, args.from, args.to, args.sport ?? null)),
      yearOverYear: (user, args, ctx) =>
        own(ctx, user, () => summaries.yearOverYear(user.id, args.year ?? null, args.sport ?? null)),
      cohortBenchmark: (user, args, ctx) =>
        own(ctx, user, () => summaries.cohortBenchmark(user.id, args.sport)),
      injuryReports: (user, _args, ctx) => own(ctx, user, () => injuries.of(user.id)),
      insightsConsent: (user, _args, ctx) => own(ctx, user, () => athletes.consent(user.id)),
    },
    Form: {
      acuteLoad: (f) => f.acute,
      chronicLoad: (f) => f.chronic,
      acuteChronicRatio: (f) => f.acwrEwma,
      rollingCoupledRatio: (f) => f.acwrCoupled,
      rollingUncoupledRatio: (f) => f.acwrUncoupled,
      fitness: (f) => f.ctl,
      fatigue: (f) => f.atl,
      form: (f) => f.tsb,
      historyDays: (f) => f.day,
    },
    LoadFlag: {
      kind: () => 'LOAD_SPIKE',
      raiseAbove: (f) => f.parameters.raiseAbove,
      clearBelow: (f) => f.parameters.clearBelow,
      acuteLoad: (f) => f.acute,
      chronicLoad: (f) => f.chronic,
      explanation: (f) =>
        `Load spike: on ${f.raisedOn} the acute load (${f.acute.toFixed(0)} AU, 7-day EWMA) was ${f.ratio.toFixed(2)}× ` +
        `the chronic load (${f.chronic.toFixed(0)} AU, 28-day EWMA), above ${f.parameters.raiseAbove}. ` +
        'It describes a sudden rise in training, not an injury risk on its own.',
    },
    Recommendation: {
      model: async (r) => {
        const model = await models.byKey(r.modelName, r.modelVersion);
        if (!model) throw new Error(`Model ${r.modelName} v${r.modelVersion} is missing from the registry.`);
        return model;
      },
    },
    InsightModel: {
      parameters: (m) => JSON.stringify(m.parameters),
      evaluation: (m) => json(m.evaluation),
      epsilon: (m) => (m.privacy as { epsilon?: number } | null)?.epsilon ?? null,
    },
  };
}
