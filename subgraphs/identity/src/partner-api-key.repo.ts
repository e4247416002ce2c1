/** Stores partner API keys (their hashes only) and their revocation. */
import type { IdentityPrisma } from './identity.prisma';

export interface PartnerApiKeyRecord {
  id: string;
  name: string;
  keyHash: string;
  issuedById: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export type PartnerApiKeyRepo = ReturnType<typeof createPartnerApiKeyRepo>;

export function createPartnerApiKeyRepo(prisma: IdentityPrisma) {
  return {
    insert: (key: Omit<PartnerApiKeyRecord, 'createdAt' | 'revokedAt'>): Promise<PartnerApiKeyRecord> =>
      prisma.partnerApiKey.create({ data: key }),
    findById: (id: string): Promise<PartnerApiKeyRecord | null> =>
      prisma.partnerApiKey.findUnique({ where: { id } }),
    /** Newest first; every key when `issuedById` is null. */
    list: (issuedById: string | null): Promise<PartnerApiKeyRecord[]> =>
      prisma.partnerApiKey.findMany({
        where: issuedById ? { issuedById } : {},
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
    /** Sets `revokedAt` unless already set; returns the key as it is afterwards. */
    async revoke(id: string, at: Date): Promise<PartnerApiKeyRecord | null> {
      await prisma.partnerApiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
      return prisma.partnerApiKey.findUnique({ where: { id } });
    },
  };
}
