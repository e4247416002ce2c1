/** What the gamification rules know about one workout: its figures as training last published them. */
import type { Sport } from '../../../../lib/sports';

export interface WorkoutFact {
  workoutId: string;
  userId: string;
  sport: Sport;
  /** Start instant, ms since the epoch (UTC). */
  startedAt: number;
  distanceMeters: number | null;
  movingSeconds: number | null;
  elevationGainMeters: number | null;
  gearIds: string[];
  /** Codes of the problems the metrics engine found in the track (SPEED_JUMP, …). */
  trackFlags: string[];
  /** Who may see the workout: a `PRIVATE` one counts for its athlete only, never on a shared board. */
  visibility: WorkoutVisibility;
}

export type WorkoutVisibility = 'PUBLIC' | 'FOLLOWERS' | 'PRIVATE';

/** Whether the workout counts on boards other athletes read (leaderboards, challenge boards). */
export const onSharedBoards = (fact: WorkoutFact): boolean => fact.visibility !== 'PRIVATE';

/**
 * One fact per workout (the last occurrence wins), oldest first; equal start instants are ordered by
 * workout id so every evaluation walks the same history in the same order.
 */
export function chronological(facts: readonly WorkoutFact[]): WorkoutFact[] {
  const byId = new Map<string, WorkoutFact>();
  for (const fact of facts) byId.set(fact.workoutId, fact);
  return [...byId.values()].sort(
    (a, b) =>
      a.startedAt - b.startedAt || (a.workoutId < b.workoutId ? -1 : a.workoutId > b.workoutId ? 1 : 0),
  );
}
