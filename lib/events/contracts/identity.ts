/** Events published by the identity context. No email or other contact data leaves identity. */
import { z } from 'zod';

export const identityEvents = {
  'identity.user.registered': {
    version: 1,
    data: z.object({ userId: z.uuid(), displayName: z.string(), registeredAt: z.iso.datetime() }),
  },
  'identity.user.deleted': {
    version: 1,
    data: z.object({ userId: z.uuid(), deletedAt: z.iso.datetime() }),
  },
} as const;
