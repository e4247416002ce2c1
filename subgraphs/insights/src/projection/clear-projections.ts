/**
 * Before a replay from the start: clears what the events build (workouts as insights sees them, daily
 * loads, form, flags, period summaries, cohort figures, gear wear, the time zones and birth years learnt
 * from events) and insights' inbox rows, so that the replay rebuilds them exactly as they were built when
 * the events first arrived. The athletes' own data stays: consent, session RPEs, injury reports, their
 * answers to recommendations (whose ids the rebuild derives again, so it finds them in place), and the
 * model registry.
 */
import type { InsightsPrisma } from '../insights.prisma';
import { INSIGHTS_CONSUMER } from '../insights.consumers';

export async function clearProjections(db: InsightsPrisma): Promise<string> {
  const counts = await db.$transaction([
    db.workout.deleteMany(),
    db.dailyLoad.deleteMany(),
    db.formDay.deleteMany(),
    db.loadFlag.deleteMany(),
    db.periodSummary.deleteMany(),
    db.cohortBenchmark.deleteMany(),
    db.gearWear.deleteMany(),
    db.athlete.updateMany({ data: { timeZone: 'UTC', birthYear: null } }),
    db.inboxEvent.deleteMany({ where: { consumer: INSIGHTS_CONSUMER } }),
  ]);
  return `insights: cleared ${counts[0]!.count} workout(s), ${counts[2]!.count} form day(s) and ${counts[8]!.count} processed event(s) to rebuild them.`;
}
