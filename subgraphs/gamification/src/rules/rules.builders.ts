/** Test data builders for the gamification rules. */
import type { WorkoutFact } from './workout-fact';

let sequence = 0;

/** A clean 10 km run of 50 minutes with 100 m climbed, on 2026-06-01 at 08:00 UTC. */
export const aWorkoutFact = (overrides: Partial<WorkoutFact> = {}): WorkoutFact => ({
  workoutId: `workout-${String(++sequence).padStart(6, '0')}`,
  userId: 'athlete-1',
  sport: 'RUN',
  startedAt: Date.parse('2026-06-01T08:00:00Z'),
  distanceMeters: 10_000,
  movingSeconds: 3_000,
  elevationGainMeters: 100,
  gearIds: [],
  trackFlags: [],
  visibility: 'FOLLOWERS',
  ...overrides,
});

/** An instant from an ISO 8601 string with its offset. */
export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO instant: ${iso}`);
  return ms;
};

/** One workout a day at the same UTC time, from `firstDay` (YYYY-MM-DD) for `days` days. */
export const dailyWorkouts = (
  firstDay: string,
  days: number,
  time = '12:00:00Z',
  overrides: Partial<WorkoutFact> = {},
) =>
  Array.from({ length: days }, (_, index) =>
    aWorkoutFact({ startedAt: at(`${firstDay}T${time}`) + index * 86_400_000, ...overrides }),
  );
