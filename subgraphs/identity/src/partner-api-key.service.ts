/** Issues, lists, revokes and verifies partner API keys; ADMIN manages every key, PARTNER its own. */
import { v7 as uuidv7, validate as isUuid } from 'uuid';
import type { Viewer } from '../../../lib/auth/viewer';
import type { Clock } from '../../../lib/clock';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../../../lib/errors/domain-error';
import { newPartnerKey, partnerKeyId, partnerKeyMatches } from './partner-api-key';
import type { PartnerApiKeyRecord, PartnerApiKeyRepo } from './partner-api-key.repo';

export type PartnerApiKeyService = ReturnType<typeof createPartnerApiKeyService>;

/** What the partner API learns about a key it was sent. */
export type PartnerKeyVerdict = { valid: false } | { valid: true; partnerId: string; name: string };

const isAdmin = (viewer: Viewer) => viewer.roles.includes('ADMIN');

function assertManager(viewer: Viewer): void {
  // @auth(requires: [ADMIN, PARTNER]) guards the GraphQL fields already; the service holds the rule too.
  if (!isAdmin(viewer) && !viewer.roles.includes('PARTNER')) {
    throw new ForbiddenError('Partner API keys are managed by ADMIN and PARTNER accounts only.');
  }
}

export function createPartnerApiKeyService(deps: { keys: PartnerApiKeyRepo; clock: Clock }) {
  const { keys, clock } = deps;
  return {
    /** A new key named `name`; the key itself is returned here and never again. */
    async issue(viewer: Viewer, rawName: string): Promise<{ key: string; apiKey: PartnerApiKeyRecord }> {
      assertManager(viewer);
      const name = rawName.normalize('NFC').trim();
      if (name.length < 1 || name.length > 100) {
        throw new BadUserInputError(
          'name',
          'Give the key a name of 1 to 100 characters (who or what it is for).',
        );
      }
      const id = uuidv7();
      const { key, keyHash } = newPartnerKey(id);
      const apiKey = await keys.insert({ id, name, keyHash, issuedById: viewer.userId });
      return { key, apiKey };
    },

    async list(viewer: Viewer): Promise<PartnerApiKeyRecord[]> {
      assertManager(viewer);
      return keys.list(isAdmin(viewer) ? null : viewer.userId);
    },

    /** Revokes a key (idempotent). Someone else's key, for a PARTNER, answers NOT_FOUND like an unknown one. */
    async revoke(viewer: Viewer, id: string): Promise<PartnerApiKeyRecord> {
      assertManager(viewer);
      const existing = isUuid(id) ? await keys.findById(id) : null;
      if (!existing || (!isAdmin(viewer) && existing.issuedById !== viewer.userId)) {
        throw new NotFoundError('Partner API key', id);
      }
      return (await keys.revoke(id, clock.now())) ?? existing;
    },

    /** Whether a key is one Pulse issued and has not revoked. */
    async verify(key: string): Promise<PartnerKeyVerdict> {
      const id = partnerKeyId(key);
      const stored = id ? await keys.findById(id) : null;
      if (!stored || stored.revokedAt || !partnerKeyMatches(key, stored.keyHash)) return { valid: false };
      return { valid: true, partnerId: stored.id, name: stored.name };
    },
  };
}
