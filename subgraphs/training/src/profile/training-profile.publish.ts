/** The event a saved training profile announces: only what other contexts may know (no weight, no heart rates). */
import { createEvent, type EventEnvelope } from '../../../../lib/events/envelope';
import type { TrainingProfile } from './training-profile.repo';

export const profileUpdated = (
  userId: string,
  profile: TrainingProfile,
  now: Date,
): EventEnvelope<'training.profile.updated'> =>
  createEvent(
    'training.profile.updated',
    userId,
    { userId, birthYear: profile.birthYear, sex: profile.sex, updatedAt: now.toISOString() },
    { actorId: userId },
    now,
  );
