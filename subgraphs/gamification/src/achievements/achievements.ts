/**
 * Evaluates the achievement catalogue over an athlete's current workouts (deleted ones are simply not
 * in the list, so they stop counting). Workouts that earn no XP (flagged or implausible tracks) count for
 * nothing here either. Each achievement is unlocked by the workout whose addition, oldest first, first
 * met its target. Whether an unlock is kept after the workouts behind it are deleted is the caller's
 * decision: the service stores unlocks and never revokes them.
 */
import { ACHIEVEMENTS, type AchievementDefinition } from './achievement-catalogue';
import { trackerFor } from './achievement-trackers';
import { normalizeTimeZone, toLocal } from '../workout-facts/local-time';
import { chronological, type WorkoutFact } from '../workout-facts/workout-fact';
import { isRewardable } from '../ledger/xp';

export interface AchievementStatus {
  code: string;
  unlocked: boolean;
  unlockedByWorkoutId: string | null;
  /** Start instant (ms) of the workout that unlocked it. */
  unlockedAt: number | null;
  /** `current` never exceeds `target`; distances in km and times in hours, floored to 2 decimals. */
  progress: { current: number; target: number; unit: string };
}

const floor2 = (value: number) => Math.floor(value * 100 + 1e-9) / 100;

/** Every achievement of the catalogue (or of `catalogue`), in catalogue order, with its progress. */
export function evaluateAchievements(
  facts: readonly WorkoutFact[],
  timeZone: string,
  catalogue: readonly AchievementDefinition[] = ACHIEVEMENTS,
): AchievementStatus[] {
  const zone = normalizeTimeZone(timeZone);
  const entries = catalogue.map((definition) => ({
    definition,
    tracker: trackerFor(definition.rule),
    unlockedBy: null as WorkoutFact | null,
  }));
  for (const fact of chronological(facts)) {
    if (!isRewardable(fact)) continue;
    const local = toLocal(fact.startedAt, zone);
    for (const entry of entries) {
      entry.tracker.add(fact, local);
      if (!entry.unlockedBy && entry.tracker.value() >= entry.definition.rule.target) entry.unlockedBy = fact;
    }
  }
  return entries.map(({ definition, tracker, unlockedBy }) => {
    const { target } = definition.rule;
    return {
      code: definition.code,
      unlocked: unlockedBy !== null,
      unlockedByWorkoutId: unlockedBy?.workoutId ?? null,
      unlockedAt: unlockedBy?.startedAt ?? null,
      progress: {
        current: floor2(Math.min(tracker.value(), target) / tracker.scale),
        target: target / tracker.scale,
        unit: tracker.unit,
      },
    };
  });
}
