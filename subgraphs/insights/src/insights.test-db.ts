/** The insights context on a throw-away database, wired as index.ts wires it, for integration tests. */
import { fixedClock, type Clock } from '../../../lib/clock';
import { consumingOnce, inTransaction } from '../../../lib/db/unit-of-work';
import { createEvent, type AnyEvent } from '../../../lib/events/envelope';
import type { WorkoutSummary } from '../../../lib/events/contracts/training';
import { openTestContextDatabase, type TestDatabaseKind } from '../../../lib/testing/test-databases';
import { aWorkoutSummary } from '../../../lib/testing/workout-summaries';
import { createAthleteService } from './athletes/athlete.service';
import { INSIGHTS_CONSUMER, insightsConsumers } from './insights.consumers';
import { createInsightsPrisma } from './insights.prisma';
import { insightsRepos } from './insights.repos';
import { registerRuleModels } from './registry/rule-models';
import { createTimelineService } from './timeline/timeline.service';

export type TestInsights = Awaited<ReturnType<typeof openTestInsights>>;

export async function openTestInsights(
  kind: TestDatabaseKind,
  clock: Clock = fixedClock('2026-11-30T12:00:00Z'),
) {
  const db = await openTestContextDatabase(kind, 'insights', createInsightsPrisma);
  const prisma = db.client;
  const repos = insightsRepos(prisma);
  await registerRuleModels(repos.models, clock);
  const handlers = insightsConsumers({
    consumeOnce: consumingOnce(prisma, INSIGHTS_CONSUMER, insightsRepos),
    notify: () => undefined,
  });
  return {
    prisma,
    repos,
    athletes: createAthleteService({
      repos,
      inTransaction: inTransaction(prisma, insightsRepos),
      clock,
      notify: () => undefined,
    }),
    timeline: createTimelineService({ repos, clock }),
    /** Hands an event to its handler, as the consumer does. */
    async deliver(event: AnyEvent): Promise<void> {
      const handler = handlers[event.type] as ((e: AnyEvent) => Promise<void>) | undefined;
      if (!handler) throw new Error(`insights does not handle ${event.type}`);
      await handler(event);
    },
    close: () => db.close(),
  };
}

/** A finished workout's event (training.workout.completed), occurring at the workout's end. */
export const completed = (overrides: Partial<WorkoutSummary>): AnyEvent => {
  const summary = aWorkoutSummary(overrides);
  return createEvent(
    'training.workout.completed',
    summary.workoutId,
    summary,
    { actorId: summary.userId },
    new Date(summary.finishedAt ?? summary.startedAt),
  );
};

/** A day's run of `minutes` with a heart-rate TRIMP of `trimp` for `userId`, at 07:00 UTC on `date`. */
export const runOn = (userId: string, date: string, trimp: number, minutes = 60): AnyEvent =>
  completed({
    userId,
    startedAt: `${date}T07:00:00.000Z`,
    finishedAt: new Date(Date.parse(`${date}T07:00:00.000Z`) + minutes * 60_000).toISOString(),
    elapsedSeconds: minutes * 60,
    movingSeconds: minutes * 60,
    distanceMeters: minutes * 170,
    trimp,
  });
