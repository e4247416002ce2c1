/** The events an athlete's progress emits: an achievement unlocked, a level reached (keyed by the athlete). */
import { createEvent, type EventEnvelope, type EventOrigin } from '../../../../lib/events/envelope';
import { ACHIEVEMENTS } from '../achievements/achievement-catalogue';
import type { UnlockedRow } from '../achievements/achievement.repo';

const titleOf = new Map(ACHIEVEMENTS.map((a) => [a.code, a.title]));

export const achievementUnlocked = (
  userId: string,
  row: UnlockedRow,
  origin: EventOrigin,
  now: Date,
): EventEnvelope =>
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
  );

export const levelReached = (
  userId: string,
  level: number,
  totalXp: number,
  origin: EventOrigin,
  now: Date,
): EventEnvelope =>
  createEvent(
    'gamification.level.reached',
    userId,
    { userId, level, totalXp, reachedAt: now.toISOString() },
    origin,
    now,
  );
