/** Test data builders for the gamification context: workout facts, training's workout summaries and events. */
import { v7 as uuidv7 } from 'uuid';
import type { Viewer } from '../../../lib/auth/viewer';
import type { WorkoutSummary } from '../../../lib/events/contracts/training';
import { createEvent } from '../../../lib/events/envelope';
import type { CreateChallengeInput } from './challenges/challenge.service';
import type { WorkoutFact } from './workout-facts/workout-fact';

export { aWorkoutSummary } from '../../../lib/testing/workout-summaries';

/** A distance challenge over November 2026, 15 km to go. */
export const aChallengeInput = (overrides: Partial<CreateChallengeInput> = {}): CreateChallengeInput => ({
  title: 'November kilometres',
  goal: 'DISTANCE',
  target: 15_000,
  startsAt: new Date('2026-11-01T00:00:00Z'),
  endsAt: new Date('2026-12-01T00:00:00Z'),
  ...overrides,
});

export const anAthlete = (roles: Viewer['roles'] = ['ATHLETE']): Viewer => ({ userId: uuidv7(), roles });

/** An instant of social's events: 'now' by default, or the time given (to deliver events out of order). */
const stamp = (at?: string) => at ?? new Date().toISOString();

/** Training's, identity's and social's events, as those contexts build them. */
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
  userRegistered: (userId: string, timeZone?: string) =>
    createEvent(
      'identity.user.registered',
      userId,
      { userId, displayName: 'Ann', registeredAt: new Date().toISOString(), timeZone },
      { actorId: userId },
    ),
  userUpdated: (userId: string, timeZone: string) =>
    createEvent(
      'identity.user.updated',
      userId,
      { userId, displayName: 'Ann', timeZone, updatedAt: new Date().toISOString() },
      { actorId: userId },
    ),
  userDeleted: (userId: string) =>
    createEvent(
      'identity.user.deleted',
      userId,
      { userId, deletedAt: new Date().toISOString() },
      { actorId: null },
    ),
  followAccepted: (followerId: string, followeeId: string, at?: string) =>
    createEvent(
      'social.follow.accepted',
      followerId,
      { followerId, followeeId, acceptedAt: stamp(at), approved: false },
      { actorId: followerId },
    ),
  followRemoved: (followerId: string, followeeId: string, at?: string) =>
    createEvent(
      'social.follow.removed',
      followerId,
      { followerId, followeeId, removedAt: stamp(at) },
      { actorId: followerId },
    ),
  followRequested: (followerId: string, followeeId: string) =>
    createEvent(
      'social.follow.requested',
      followerId,
      { followerId, followeeId, requestedAt: stamp() },
      { actorId: followerId },
    ),
  blocked: (blockerId: string, blockedId: string, at?: string) =>
    createEvent(
      'social.user.blocked',
      blockerId,
      { blockerId, blockedId, blockedAt: stamp(at) },
      { actorId: blockerId },
    ),
  unblocked: (blockerId: string, blockedId: string, at?: string) =>
    createEvent(
      'social.user.unblocked',
      blockerId,
      { blockerId, blockedId, unblockedAt: stamp(at) },
      { actorId: blockerId },
    ),
  clubJoined: (clubId: string, userId: string, at?: string) =>
    createEvent('social.club.joined', clubId, { clubId, userId, joinedAt: stamp(at) }, { actorId: userId }),
  clubLeft: (clubId: string, userId: string, at?: string) =>
    createEvent('social.club.left', clubId, { clubId, userId, leftAt: stamp(at) }, { actorId: userId }),
};

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
