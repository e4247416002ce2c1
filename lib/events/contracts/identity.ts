/**
 * Events published by the identity context. No email or other contact data leaves identity, with one
 * exception: the email leaves identity only in `identity.user.email-changed`, which only the notifications
 * context consumes (to send the mail the athlete asked for) and forgets on `identity.user.deleted`.
 */
import { z } from 'zod';

export const identityEvents = {
  'identity.user.registered': {
    version: 1,
    data: z.object({
      userId: z.uuid(),
      displayName: z.string(),
      registeredAt: z.iso.datetime(),
      /** The account's IANA time zone. Absent in events published before it existed: read it as `UTC`. */
      timeZone: z.string().optional(),
    }),
  },
  /** The account's settings changed: its IANA time zone (calendar days, weeks and quiet hours follow it). */
  'identity.user.updated': {
    version: 1,
    data: z.object({
      userId: z.uuid(),
      displayName: z.string(),
      timeZone: z.string(),
      updatedAt: z.iso.datetime(),
    }),
  },
  /**
   * The account's email, at registration and whenever it changes. The one event that carries contact data:
   * for the notifications context alone, which forgets it on identity.user.deleted.
   */
  'identity.user.email-changed': {
    version: 1,
    data: z.object({ userId: z.uuid(), email: z.email(), changedAt: z.iso.datetime() }),
  },
  'identity.user.deleted': {
    version: 1,
    data: z.object({ userId: z.uuid(), deletedAt: z.iso.datetime() }),
  },
} as const;
