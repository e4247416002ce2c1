/** Test data builders for the inventory context. */
import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../lib/auth/viewer';
import { createEvent } from '../../../lib/events/envelope';
import type { WorkoutSummary } from '../../../lib/events/contracts/training';
import type { ComponentRecord } from './gear-component.repo';
import type { Gear } from './gear-view';
import type { GearRecord } from './gear.repo';
import type { GearService } from './gear.service';

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

export { aWorkoutSummary } from '../../../lib/testing/workout-summaries';

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

/** Adds shoes with these nicknames for the athlete, one after the other (their ids in this order). */
export async function addShoes<Nicknames extends string[]>(
  gear: Pick<GearService, 'add'>,
  athlete: Viewer,
  ...nicknames: Nicknames
): Promise<{ [K in keyof Nicknames]: Gear }> {
  const added: Gear[] = [];
  for (const nickname of nicknames) added.push(await gear.add(athlete, { kind: 'SHOES', nickname }));
  return added as { [K in keyof Nicknames]: Gear };
}
