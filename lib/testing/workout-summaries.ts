/** Training's workout summary (the payload of its workout events), as the consuming contexts' tests build it. */
import { v7 as uuidv7 } from 'uuid';
import type { WorkoutSummary } from '../events/contracts/training';

/** A finished 10 km run of `userId` (58 min 20 s in motion), started 2026-11-20 07:00 UTC, without gear. */
export const aWorkoutSummary = (overrides: Partial<WorkoutSummary> = {}): WorkoutSummary => ({
  workoutId: uuidv7(),
  userId: uuidv7(),
  sport: 'RUN',
  status: 'FINISHED',
  startedAt: '2026-11-20T07:00:00.000Z',
  finishedAt: '2026-11-20T08:00:00.000Z',
  elapsedSeconds: 3600,
  movingSeconds: 3500,
  distanceMeters: 10_000,
  elevationGainMeters: null,
  gearIds: [],
  trackFlags: [],
  ...overrides,
});
