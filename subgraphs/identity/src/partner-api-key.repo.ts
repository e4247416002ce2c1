/** Stores partner API keys (their hashes only) and their revocation. */
import type { IdentityTx } from './identity.prisma';

export interface PartnerApiKeyRecord {
  id: string;
  name: string;
  keyHash: string;
  issuedById: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export type PartnerApiKeyRepo = ReturnType<typeof createPartnerApiKeyRepo>;

export function createPartnerApiKeyRepo(db: IdentityTx) {
  return {
    insert: (key: Omit<PartnerApiKeyRecord, 'createdAt' | 'revokedAt'>): Promise<PartnerApiKeyRecord> =>
      db.partnerApiKey.create({ data: key }),
    findById: (id: string): Promise<PartnerApiKeyRecord | null> =>
      db.partnerApiKey.findUnique({ where: { id } }),
    /** Newest first; every key when `issuedById` is null. */
    list: (issuedById: string | null): Promise<PartnerApiKeyRecord[]> =>
      db.partnerApiKey.findMany({
        where: issuedById ? { issuedById } : {},
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
    /** Sets `revokedAt` unless already set; returns the key as it is afterwards. */
    async revoke(id: string, at: Date): Promise<PartnerApiKeyRecord | null> {
      await db.partnerApiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
      return db.partnerApiKey.findUnique({ where: { id } });
    },
  };
}
