/**
 * After an athlete's workouts changed: achievements newly satisfied are stored (never removed) and
 * announced, and a level reached for the first time is announced (once per level).
 */
import { createEvent, type EventEnvelope, type EventOrigin } from '../../../lib/events/envelope';
import { outboxRows } from '../../../lib/events/outbox';
import type { AthleteRepo, UnlockedRow } from './athlete.repo';
import type { GamificationTx } from './gamification.prisma';
import { ACHIEVEMENTS, evaluateAchievements, levelOf } from './rules';
import type { WorkoutFactRepo } from './workout-fact.repo';
import type { XpLedgerRepo } from './xp-ledger.repo';

export interface ProgressRepos {
  athletes: AthleteRepo;
  facts: WorkoutFactRepo;
  ledger: XpLedgerRepo;
}

const titleOf = new Map(ACHIEVEMENTS.map((a) => [a.code, a.title]));

/**
 * Call with the athlete's row locked (`athletes.lock`, which gave `highestLevel`). Writes the events to
 * the outbox in the same transaction and returns how many it wrote.
 */
export async function settleAthleteProgress(
  tx: GamificationTx,
  repos: ProgressRepos,
  userId: string,
  highestLevel: number,
  origin: EventOrigin,
  now: Date,
): Promise<number> {
  const events: EventEnvelope[] = [];

  const [facts, timeZone, unlocked] = await Promise.all([
    repos.facts.factsOf(userId),
    repos.athletes.timeZoneOf(userId),
    repos.athletes.unlockedOf(userId),
  ]);
  const fresh: UnlockedRow[] = evaluateAchievements(facts, timeZone)
    .filter((status) => status.unlocked && !unlocked.has(status.code))
    .map((status) => ({
      code: status.code,
      workoutId: status.unlockedByWorkoutId,
      unlockedAt: now,
    }));
  await repos.athletes.unlock(userId, fresh);
  for (const row of fresh) {
    events.push(
      createEvent(
        'gamification.achievement.unlocked',
        userId,
        {
          userId,
          code: row.code,
          title: titleOf.get(row.code) ?? row.code,
          workoutId: row.workoutId,
          unlockedAt: row.unlockedAt.toISOString(),
        },
        origin,
        now,
      ),
    );
  }

  const totalXp = await repos.ledger.totalOf(userId);
  const { level } = levelOf(totalXp);
  if (level > highestLevel) {
    await repos.athletes.setHighestLevel(userId, level);
    for (let reached = highestLevel + 1; reached <= level; reached += 1) {
      events.push(
        createEvent(
          'gamification.level.reached',
          userId,
          { userId, level: reached, totalXp, reachedAt: now.toISOString() },
          origin,
          now,
        ),
      );
    }
  }

  if (events.length > 0) await tx.outboxEvent.createMany({ data: outboxRows(events) });
  return events.length;
}
