/** Stores refresh tokens by their SHA-256 hash; tokens of one sign-in share a family. */
import type { IdentityPrisma } from './identity.prisma';

export interface RefreshTokenRecord {
  id: string;
  familyId: string;
  userId: string;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

export type NewRefreshToken = Omit<RefreshTokenRecord, 'createdAt' | 'usedAt' | 'revokedAt'>;

export type RefreshTokenRepo = ReturnType<typeof createRefreshTokenRepo>;

export function createRefreshTokenRepo(prisma: IdentityPrisma) {
  return {
    insert: async (token: NewRefreshToken): Promise<void> => {
      await prisma.refreshToken.create({ data: token });
    },
    findByHash: (tokenHash: string): Promise<RefreshTokenRecord | null> =>
      prisma.refreshToken.findUnique({ where: { tokenHash } }),
    /**
     * Marks `oldId` used and stores its successor in one transaction. Returns false, storing nothing,
     * when the old token was used or revoked in the meantime (a concurrent refresh won the race).
     */
    rotate: (oldId: string, next: NewRefreshToken, now: Date): Promise<boolean> =>
      prisma.$transaction(async (tx) => {
        const { count } = await tx.refreshToken.updateMany({
          where: { id: oldId, usedAt: null, revokedAt: null },
          data: { usedAt: now },
        });
        if (count !== 1) return false;
        await tx.refreshToken.create({ data: next });
        return true;
      }),
    /** Revokes every token of the family; returns how many were still live. */
    revokeFamily: async (familyId: string, now: Date): Promise<number> => {
      const { count } = await prisma.refreshToken.updateMany({
        where: { familyId, revokedAt: null },
        data: { revokedAt: now },
      });
      return count;
    },
  };
}
