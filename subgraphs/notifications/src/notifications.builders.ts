/** Events notifications reacts to, as their publishers write them (tests and the bench). */
import { v4 as uuidv4 } from 'uuid';
import { anEvent } from './notifications.test-db';

export const kudos = (
  workoutOwnerId: string,
  giverId: string,
  workoutId: string,
  at: Date,
  workoutName = 'Morning Run',
) =>
  anEvent(
    'social.kudos.given',
    { workoutId, workoutOwnerId, workoutName, giverId, givenAt: at.toISOString() },
    at,
  );

export const gearWorn = (userId: string, at: Date, thresholdPercent: 80 | 100 = 80) =>
  anEvent(
    'inventory.gear.wear-threshold-reached',
    {
      gearId: uuidv4(),
      userId,
      thresholdPercent,
      distanceMeters: 640_000,
      retirementDistanceMeters: 800_000,
      gearName: 'Pegasus 40',
    },
    at,
  );

export const followed = (followerId: string, followeeId: string, at: Date, approved = false) =>
  anEvent('social.follow.accepted', { followerId, followeeId, acceptedAt: at.toISOString(), approved }, at);

export const emailChanged = (userId: string, email: string) =>
  anEvent('identity.user.email-changed', { userId, email, changedAt: '2026-11-01T00:00:00.000Z' });
