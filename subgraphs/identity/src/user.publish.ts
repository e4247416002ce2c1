/** The events the identity context publishes about accounts. */
import { createEvent, type EventEnvelope } from '../../../lib/events/envelope';
import type { UserRecord } from './user.repo';

/** A new account: the other contexts learn its id and display name. */
export const userRegistered = (
  user: Pick<UserRecord, 'id' | 'displayName'>,
  now: Date,
): EventEnvelope<'identity.user.registered'> =>
  createEvent(
    'identity.user.registered',
    user.id,
    { userId: user.id, displayName: user.displayName, registeredAt: now.toISOString() },
    { actorId: user.id },
    now,
  );
