/** Stores the key pairs that sign access tokens (private halves never leave the identity database). */
import type { JWK } from 'jose';
import type { IdentityTx } from './identity.prisma';

export interface SigningKeyRecord {
  kid: string;
  algorithm: string;
  privateJwk: JWK;
  publicJwk: JWK;
  createdAt: Date;
}

export type SigningKeyRepo = ReturnType<typeof createSigningKeyRepo>;

export function createSigningKeyRepo(db: IdentityTx) {
  return {
    /** Keys still in use, newest first. */
    async active(): Promise<SigningKeyRecord[]> {
      const rows = await db.signingKey.findMany({
        where: { retiredAt: null },
        orderBy: { createdAt: 'desc' },
      });
      return rows.map((row) => ({
        ...row,
        privateJwk: row.privateJwk as JWK,
        publicJwk: row.publicJwk as JWK,
      }));
    },
    insert: async (key: Omit<SigningKeyRecord, 'createdAt'>): Promise<void> => {
      await db.signingKey.create({
        data: { ...key, privateJwk: { ...key.privateJwk }, publicJwk: { ...key.publicJwk } },
      });
    },
  };
}
