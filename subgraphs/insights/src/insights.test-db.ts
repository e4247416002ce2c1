/** The insights context on a throw-away database, wired by its descriptor (index.ts), for tests and the bench. */
import { fixedClock, type Clock } from '../../../lib/clock';
import { createEvent, type AnyEvent } from '../../../lib/events/envelope';
import type { WorkoutSummary } from '../../../lib/events/contracts/training';
import { testContextRuntime } from '../../../lib/testing/context-runtime';
import { openTestContextDatabase, type TestDatabaseKind } from '../../../lib/testing/test-databases';
import { aWorkoutSummary } from '../../../lib/testing/workout-summaries';
import { insightsContext } from '.';

export type TestInsights = Awaited<ReturnType<typeof openTestInsights>>;

export async function openTestInsights(
  kind: TestDatabaseKind,
  clock: Clock = fixedClock('2026-11-30T12:00:00Z'),
) {
  const db = await openTestContextDatabase(kind, 'insights', insightsContext.createClient);
  const prisma = db.client;
  const runtime = testContextRuntime('insights', prisma, { clock });
  const parts = await insightsContext.parts(runtime);
  await insightsContext.prepare!(parts, runtime);
  const handlers = insightsContext.consumers!(parts, runtime);
  return {
    prisma,
    repos: parts.repos,
    athletes: parts.athletes,
    timeline: parts.timeline,
    summaries: parts.summaries,
    /** Hands an event to its handler, as the consumer does. */
    async deliver(event: AnyEvent): Promise<void> {
      const handler = handlers[event.type] as ((e: AnyEvent) => Promise<void>) | undefined;
      if (!handler) throw new Error(`insights does not handle ${event.type}`);
      await handler(event);
    },
    close: async () => {
      await runtime.release();
      await db.close();
    },
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
