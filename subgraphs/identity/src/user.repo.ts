/** Stores accounts. Emails are unique; callers pass them normalised. */
import type { Role } from '../../../lib/auth/viewer';
import { Prisma } from './__generated__/prisma/client';
import type { IdentityTx } from './identity.prisma';

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  status: 'ACTIVE' | 'DISABLED';
  /** IANA time zone (canonical name). */
  timeZone: string;
  createdAt: Date;
}

export type UserRepo = ReturnType<typeof createUserRepo>;

export function createUserRepo(db: IdentityTx) {
  return {
    /**
     * Inserts the account; returns 'email-taken' (storing nothing) when the email is registered. In a
     * transaction the failed insert spoils it: the caller must end it (throw) rather than write more.
     */
    async create(user: Omit<UserRecord, 'createdAt' | 'status'>): Promise<UserRecord | 'email-taken'> {
      try {
        return await db.user.create({ data: user });
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
          return 'email-taken';
        throw error;
      }
    },
    findByEmail: (email: string): Promise<UserRecord | null> => db.user.findUnique({ where: { email } }),
    findById: (id: string): Promise<UserRecord | null> => db.user.findUnique({ where: { id } }),
    findByIds: (ids: readonly string[]): Promise<UserRecord[]> =>
      db.user.findMany({ where: { id: { in: [...ids] } } }),
    /** Sets the account's time zone; null when there is no such account. */
    setTimeZone: async (id: string, timeZone: string): Promise<UserRecord | null> =>
      (await db.user.updateMany({ where: { id }, data: { timeZone } })).count === 0
        ? null
        : db.user.findUnique({ where: { id } }),
  };
}
