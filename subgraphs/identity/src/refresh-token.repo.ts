/** Stores refresh tokens by their SHA-256 hash; tokens of one sign-in share a family. */
import type { IdentityTx } from './identity.prisma';

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

export function createRefreshTokenRepo(db: IdentityTx) {
  return {
    insert: async (token: NewRefreshToken): Promise<void> => {
      await db.refreshToken.create({ data: token });
    },
    findByHash: (tokenHash: string): Promise<RefreshTokenRecord | null> =>
      db.refreshToken.findUnique({ where: { tokenHash } }),
    /**
     * Marks `oldId` used and stores its successor; run it in a transaction (the session service does), so
     * both happen or neither. Returns false, storing nothing, when the old token was used or revoked in the
     * meantime (a concurrent refresh won the race).
     */
    async rotate(oldId: string, next: NewRefreshToken, now: Date): Promise<boolean> {
      const { count } = await db.refreshToken.updateMany({
        where: { id: oldId, usedAt: null, revokedAt: null },
        data: { usedAt: now },
      });
      if (count !== 1) return false;
      await db.refreshToken.create({ data: next });
      return true;
    },
    /** Revokes every token of the family; returns how many were still live. */
    revokeFamily: async (familyId: string, now: Date): Promise<number> => {
      const { count } = await db.refreshToken.updateMany({
        where: { familyId, revokedAt: null },
        data: { revokedAt: now },
      });
      return count;
    },
  };
}
