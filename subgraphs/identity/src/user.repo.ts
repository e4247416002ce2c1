/** Stores accounts. Emails are unique; callers pass them normalised. */
import type { Role } from '../../../lib/auth/viewer';
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
    /** Inserts the account; returns 'email-taken' when the email is already registered. */
    async create(user: Omit<UserRecord, 'createdAt' | 'status'>): Promise<UserRecord | 'email-taken'> {
      try {
        return await prisma.user.create({ data: user });
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
