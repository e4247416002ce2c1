/** Test data: a workout record as the database holds it right after `startWorkout` (its column defaults). */
import type { WorkoutRecord } from './workout.repo';

export const aWorkoutRecord = (overrides: Partial<WorkoutRecord> = {}): WorkoutRecord => ({
  id: '01a1fb5a-8b07-70e1-a116-9cac97bf7d89',
  userId: '01a1fb5a-fdb9-7073-b8d6-1cd4878c2c91',
  sport: 'RUN',
  startedAt: new Date(Date.UTC(2026, 10, 20, 7, 0)),
  status: 'IN_PROGRESS',
  source: 'RECORDED',
  title: null,
  notes: null,
  visibility: 'FOLLOWERS',
  finishedAt: null,
  pausedAt: null,
  pausedSeconds: 0,
  elapsedSeconds: null,
  movingSeconds: null,
  distanceMeters: null,
  elevationGainMeters: null,
  calories: null,
  gearIds: [],
  sampleCount: 0,
  ...overrides,
});
