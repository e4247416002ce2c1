/**
 * Streaks: consecutive calendar days, and consecutive ISO weeks (Monday to Sunday), with at least one
 * rewardable workout, in the athlete's time zone. The current streak is the run ending today or
 * yesterday (days), this week or last week (weeks): an athlete who has not trained yet today keeps the
 * streak until the day is over. Workouts after `now` are ignored.
 */
import { normalizeTimeZone, toLocal } from '../workout-facts/local-time';
import { createRunTracker } from '../workout-facts/runs';
import type { WorkoutFact } from '../workout-facts/workout-fact';
import { isRewardable } from '../ledger/xp';

export interface Streaks {
  days: { current: number; longest: number };
  weeks: { current: number; longest: number };
}

/** The athlete's current and longest day and week streaks at instant `now`. */
export function streaksOf(facts: readonly WorkoutFact[], timeZone: string, now: number): Streaks {
  const zone = normalizeTimeZone(timeZone);
  const days = createRunTracker();
  const weeks = createRunTracker();
  for (const fact of facts) {
    if (fact.startedAt > now || !isRewardable(fact)) continue;
    const local = toLocal(fact.startedAt, zone);
    days.add(local.dayNumber);
    weeks.add(local.weekNumber);
  }
  const today = toLocal(now, zone);
  return {
    days: {
      current: days.runEndingAt(today.dayNumber) || days.runEndingAt(today.dayNumber - 1),
      longest: days.longest(),
    },
    weeks: {
      current: weeks.runEndingAt(today.weekNumber) || weeks.runEndingAt(today.weekNumber - 1),
      longest: weeks.longest(),
    },
  };
}
