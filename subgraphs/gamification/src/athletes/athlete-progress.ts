/**
 * After an athlete's workouts changed: achievements newly satisfied are stored (never removed) and
 * announced, and a level reached for the first time is announced (once per level).
 */
import type { EventEnvelope, EventOrigin } from '../../../../lib/events/envelope';
import { evaluateAchievements } from '../achievements/achievements';
import type { UnlockedRow } from '../achievements/achievement.repo';
import type { GamificationRepos } from '../gamification.repos';
import { achievementUnlocked, levelReached } from './athlete.publish';
import { levelOf } from './levels';

export type ProgressRepos = Pick<
  GamificationRepos,
  'athletes' | 'achievements' | 'facts' | 'ledger' | 'outbox'
>;

/**
 * Call with the athlete's row locked (`athletes.lock`, which gave `highestLevel`). Writes the events to
 * the outbox in the same transaction and returns how many it wrote.
 */
export async function settleAthleteProgress(
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
    repos.achievements.unlockedOf(userId),
  ]);
  const fresh: UnlockedRow[] = evaluateAchievements(facts, timeZone)
    .filter((status) => status.unlocked && !unlocked.has(status.code))
    .map((status) => ({
      code: status.code,
      workoutId: status.unlockedByWorkoutId,
      unlockedAt: now,
    }));
  await repos.achievements.unlock(userId, fresh);
  for (const row of fresh) events.push(achievementUnlocked(userId, row, origin, now));

  const totalXp = await repos.ledger.totalOf(userId);
  const { level } = levelOf(totalXp);
  if (level > highestLevel) {
    await repos.athletes.setHighestLevel(userId, level);
    for (let reached = highestLevel + 1; reached <= level; reached += 1)
      events.push(levelReached(userId, reached, totalXp, origin, now));
  }

  await repos.outbox.write(events);
  return events.length;
}

/**
 * The athlete's time zone is now `timeZone` (a canonical IANA name): stored, and what their workouts satisfy
 * in it settled (an early-bird achievement, …), in the caller's transaction. Returns the events written.
 */
export async function applyTimeZone(
  repos: ProgressRepos,
  userId: string,
  timeZone: string,
  origin: EventOrigin,
  now: Date,
): Promise<number> {
  const highestLevel = await repos.athletes.lock(userId);
  await repos.athletes.setTimeZone(userId, timeZone);
  return settleAthleteProgress(repos, userId, highestLevel, origin, now);
}
