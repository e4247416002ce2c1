/** Test data builders for the inventory context. */
import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../lib/auth/viewer';
import { createEvent } from '../../../lib/events/envelope';
import type { WorkoutSummary } from '../../../lib/events/contracts/training';
import type { ComponentRecord } from './gear-component.repo';
import type { GearRecord } from './gear.repo';

export const aGearRecord = (overrides: Partial<GearRecord> = {}): GearRecord => ({
  id: uuidv7(),
  userId: uuidv7(),
  kind: 'SHOES',
  brand: null,
  model: null,
  nickname: 'Daily trainers',
  purchaseDate: null,
  initialDistanceMeters: 0,
  retirementDistanceMeters: 700_000,
  status: 'ACTIVE',
  retiredAt: null,
  creditedDistanceMeters: 0,
  creditedMovingSeconds: 0,
  defaultForSports: [],
  createdAt: new Date('2026-01-01T00:00:00Z'),
  ...overrides,
});

export const aComponentRecord = (overrides: Partial<ComponentRecord> = {}): ComponentRecord => ({
  id: uuidv7(),
  gearId: uuidv7(),
  kind: 'CHAIN',
  name: null,
  expectedLifetimeMeters: 5_000_000,
  gearDistanceAtInstallMeters: 0,
  gearDistanceAtRetirementMeters: null,
  installedAt: new Date('2026-01-01T00:00:00Z'),
  retiredAt: null,
  ...overrides,
});

/** A finished workout of `userId` with these gear items (10 km, an hour). */
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
  ...overrides,
});

export const anAthlete = (): Viewer => ({ userId: uuidv7(), roles: ['ATHLETE'] });

/** Training's events about a workout, as training builds them. */
export const workoutEvents = {
  completed: (summary: WorkoutSummary) =>
    createEvent('training.workout.completed', summary.workoutId, summary, { actorId: summary.userId }),
  updated: (summary: WorkoutSummary) =>
    createEvent('training.workout.updated', summary.workoutId, summary, { actorId: summary.userId }),
  deleted: (summary: WorkoutSummary) =>
    createEvent(
      'training.workout.deleted',
      summary.workoutId,
      { workoutId: summary.workoutId, userId: summary.userId, deletedAt: new Date().toISOString() },
      { actorId: summary.userId },
    ),
};
