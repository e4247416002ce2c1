/** Stores accounts. Emails are unique; callers pass them normalised. */
import type { Role } from '../../../lib/auth/viewer';
import type { EventEnvelope } from '../../../lib/events/envelope';
import { outboxRows } from '../../../lib/events/outbox';
import { Prisma } from './__generated__/prisma/client';
import type { IdentityPrisma } from './identity.prisma';

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  status: 'ACTIVE' | 'DISABLED';
  createdAt: Date;
}

export type UserRepo = ReturnType<typeof createUserRepo>;

export function createUserRepo(prisma: IdentityPrisma) {
  return {
    /** Inserts the account with its events; returns 'email-taken' (storing nothing) when the email is registered. */
    async create(
      user: Omit<UserRecord, 'createdAt' | 'status'>,
      events: EventEnvelope[],
    ): Promise<UserRecord | 'email-taken'> {
      try {
        return await prisma.$transaction(async (tx) => {
          const created = await tx.user.create({ data: user });
          await tx.outboxEvent.createMany({ data: outboxRows(events) });
          return created;
        });
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
          return 'email-taken';
        throw error;
      }
    },
    findByEmail: (email: string): Promise<UserRecord | null> => prisma.user.findUnique({ where: { email } }),
    findById: (id: string): Promise<UserRecord | null> => prisma.user.findUnique({ where: { id } }),
    findByIds: (ids: readonly string[]): Promise<UserRecord[]> =>
      prisma.user.findMany({ where: { id: { in: [...ids] } } }),
  };
}
