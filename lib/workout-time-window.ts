/**
 * The instants a workout may carry — its start, finish, pauses and samples — shared by the context that
 * accepts them (training: requests, uploads, files) and by every consumer of its events (gear wear, XP,
 * streaks, boards): from 1970-01-01T00:00:00Z to one day after the moment they are accepted (a device's
 * clock may run ahead, or be set to the wrong zone). The event contracts hold the lower bound and ISO 8601
 * the upper one (year 9999), so a consumer never meets an instant its calendar code cannot place.
 */
export const WORKOUT_TIME_WINDOW = {
  /** 1970-01-01T00:00:00Z, in ms since the epoch. */
  earliestMs: 0,
  /** How far past the moment it is accepted an instant may lie. */
  aheadMs: 24 * 60 * 60 * 1000,
} as const;

/** Why `atMs` cannot be an instant of a workout accepted at `acceptedAtMs`, as a sentence's end; null if it can. */
export function workoutInstantProblem(atMs: number, acceptedAtMs: number): string | null {
  if (!Number.isFinite(atMs)) return 'is not a valid instant';
  if (atMs < WORKOUT_TIME_WINDOW.earliestMs) {
    return 'lies before 1970-01-01T00:00:00Z, the earliest instant Pulse records';
  }
  if (atMs > acceptedAtMs + WORKOUT_TIME_WINDOW.aheadMs) return 'lies more than a day in the future';
  return null;
}
