/**
 * Progress toward a challenge: the athlete's rewardable workouts that started within the challenge's
 * window [startsAt, endsAt) and match its sport (any sport when null). DISTANCE and ELEVATION add up
 * metres, COUNT counts workouts, STREAK_DAYS is the longest run of consecutive calendar days with a
 * workout inside the window, in the athlete's time zone. `current` is not capped at the target, so a
 * challenge board can rank athletes beyond it; the challenge is completed by the workout that first
 * reaches the target, oldest first.
 */
import type { Sport } from '../../../../lib/sports';
import { normalizeTimeZone, toLocal } from '../workout-facts/local-time';
import { createRunTracker } from '../workout-facts/runs';
import { chronological, type WorkoutFact } from '../workout-facts/workout-fact';
import { isRewardable } from '../ledger/xp';

export type ChallengeGoal = 'DISTANCE' | 'ELEVATION' | 'COUNT' | 'STREAK_DAYS';

export interface ChallengeDefinition {
  id: string;
  goal: ChallengeGoal;
  /** Metres for DISTANCE and ELEVATION, workouts for COUNT, days for STREAK_DAYS. */
  target: number;
  sport: Sport | null;
  /** Window start (inclusive) and end (exclusive), ms since the epoch. */
  startsAt: number;
  endsAt: number;
}

export interface ChallengeProgress {
  current: number;
  target: number;
  completed: boolean;
  /** Start instant (ms) of the workout that completed the challenge. */
  completedAt: number | null;
}

function progressCounter(goal: ChallengeGoal, timeZone: string): (fact: WorkoutFact) => number {
  let sum = 0;
  // The event contract lets any finite figure through, and two of 1e308 m overflow to Infinity: the sum
  // stops at the largest finite number instead (it is not capped at the target, by design).
  const add = (figure: number | null) => (sum = Math.min(sum + (figure ?? 0), Number.MAX_VALUE));
  switch (goal) {
    case 'DISTANCE':
      return (fact) => add(fact.distanceMeters);
    case 'ELEVATION':
      return (fact) => add(fact.elevationGainMeters);
    case 'COUNT':
      return () => (sum += 1);
    case 'STREAK_DAYS': {
      const days = createRunTracker();
      return (fact) => {
        days.add(toLocal(fact.startedAt, timeZone).dayNumber);
        return days.longest();
      };
    }
  }
}

/** How far an athlete has got in a challenge, and when the target was reached. */
export function challengeProgress(
  challenge: ChallengeDefinition,
  facts: readonly WorkoutFact[],
  timeZone: string,
): ChallengeProgress {
  const count = progressCounter(challenge.goal, normalizeTimeZone(timeZone));
  let current = 0;
  let completedAt: number | null = null;
  for (const fact of chronological(facts)) {
    const inWindow = fact.startedAt >= challenge.startsAt && fact.startedAt < challenge.endsAt;
    const sportMatches = challenge.sport === null || fact.sport === challenge.sport;
    if (!inWindow || !sportMatches || !isRewardable(fact)) continue;
    current = count(fact);
    if (completedAt === null && current >= challenge.target) completedAt = fact.startedAt;
  }
  return { current, target: challenge.target, completed: completedAt !== null, completedAt };
}
