/** The events the identity context publishes about accounts. */
import { createEvent, type EventEnvelope } from '../../../lib/events/envelope';
import type { UserRecord } from './user.repo';

/** A new account: the other contexts learn its id, display name and time zone. */
export const userRegistered = (
  user: Pick<UserRecord, 'id' | 'displayName' | 'timeZone'>,
  now: Date,
): EventEnvelope<'identity.user.registered'> =>
  createEvent(
    'identity.user.registered',
    user.id,
    {
      userId: user.id,
      displayName: user.displayName,
      registeredAt: now.toISOString(),
      timeZone: user.timeZone,
    },
    { actorId: user.id },
    now,
  );

/** The account's settings changed (its time zone). */
export const userUpdated = (
  user: Pick<UserRecord, 'id' | 'displayName' | 'timeZone'>,
  now: Date,
): EventEnvelope<'identity.user.updated'> =>
  createEvent(
    'identity.user.updated',
    user.id,
    { userId: user.id, displayName: user.displayName, timeZone: user.timeZone, updatedAt: now.toISOString() },
    { actorId: user.id },
    now,
  );
