/** Test data builders for the gamification context: training's workout summaries and events. */
import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../lib/auth/viewer';
import type { WorkoutSummary } from '../../../lib/events/contracts/training';
import { createEvent } from '../../../lib/events/envelope';

/** A finished 10 km run of `userId` (58 min 20 s in motion), started 2026-11-20 07:00 UTC. */
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

export const anAthlete = (roles: Viewer['roles'] = ['ATHLETE']): Viewer => ({ userId: uuidv7(), roles });

/** Training's and identity's events, as those contexts build them. */
export const events = {
  completed: (summary: WorkoutSummary) =>
    createEvent('training.workout.completed', summary.workoutId, summary, { actorId: summary.userId }),
  updated: (summary: WorkoutSummary) =>
    createEvent('training.workout.updated', summary.workoutId, summary, { actorId: summary.userId }),
  deleted: (summary: Pick<WorkoutSummary, 'workoutId' | 'userId'>) =>
    createEvent(
      'training.workout.deleted',
      summary.workoutId,
      { workoutId: summary.workoutId, userId: summary.userId, deletedAt: new Date().toISOString() },
      { actorId: summary.userId },
    ),
  userDeleted: (userId: string) =>
    createEvent(
      'identity.user.deleted',
      userId,
      { userId, deletedAt: new Date().toISOString() },
      { actorId: null },
    ),
};
