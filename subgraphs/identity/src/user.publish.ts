/**
 * The events the identity context publishes about accounts. Only userEmailChanged carries the email: for the
 * notifications context alone (see lib/events/contracts/identity.ts).
 */
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

/** The account's email, at registration and whenever it changes: for the notifications context alone. */
export const userEmailChanged = (
  user: Pick<UserRecord, 'id' | 'email'>,
  now: Date,
): EventEnvelope<'identity.user.email-changed'> =>
  createEvent(
    'identity.user.email-changed',
    user.id,
    { userId: user.id, email: user.email, changedAt: now.toISOString() },
    { actorId: user.id },
    now,
  );
