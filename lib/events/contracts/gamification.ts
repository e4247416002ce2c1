/** Events published by the gamification context. */
import { z } from 'zod';

export const gamificationEvents = {
  /** An athlete unlocked an achievement of the catalogue (once per athlete and achievement, ever). */
  'gamification.achievement.unlocked': {
    version: 1,
    data: z.object({
      userId: z.uuid(),
      code: z.string().min(1),
      title: z.string().min(1),
      /** The workout whose addition satisfied it; null when no single workout did. */
      workoutId: z.uuid().nullable(),
      unlockedAt: z.iso.datetime(),
    }),
  },
  /** An athlete's XP reached a level for the first time (one event per level crossed). */
  'gamification.level.reached': {
    version: 1,
    data: z.object({
      userId: z.uuid(),
      level: z.number().int().positive(),
      totalXp: z.number().int().nonnegative(),
      reachedAt: z.iso.datetime(),
    }),
  },
  /** An athlete completed a challenge they are in (once per athlete and challenge, ever: completion is kept). */
  'gamification.challenge.completed': {
    version: 1,
    data: z.object({
      userId: z.uuid(),
      challengeId: z.uuid(),
      title: z.string().min(1),
      /** When the athlete reached the target: the start of the workout that did it, or when it was recorded. */
      completedAt: z.iso.datetime(),
    }),
  },
} as const;
