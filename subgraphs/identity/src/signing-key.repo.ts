/** Stores the key pairs that sign access tokens (private halves never leave the identity database). */
import type { JWK } from 'jose';
import type { IdentityPrisma } from './identity.prisma';

export interface SigningKeyRecord {
  kid: string;
  algorithm: string;
  privateJwk: JWK;
  publicJwk: JWK;
  createdAt: Date;
}

export type SigningKeyRepo = ReturnType<typeof createSigningKeyRepo>;

export function createSigningKeyRepo(prisma: IdentityPrisma) {
  return {
    /** Keys still in use, newest first. */
    async active(): Promise<SigningKeyRecord[]> {
      const rows = await prisma.signingKey.findMany({
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
      await prisma.signingKey.create({
        data: { ...key, privateJwk: { ...key.privateJwk }, publicJwk: { ...key.publicJwk } },
      });
    },
  };
}
