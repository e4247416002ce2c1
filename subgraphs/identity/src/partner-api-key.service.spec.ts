import type { Viewer } from '../../../lib/auth/viewer';
import { hashPartnerKey, partnerKeyId } from './partner-api-key';
import type { PartnerApiKeyRecord, PartnerApiKeyRepo } from './partner-api-key.repo';
import { createPartnerApiKeyService } from './partner-api-key.service';

function fakePartnerApiKeyRepo(): PartnerApiKeyRepo & { rows: PartnerApiKeyRecord[] } {
  const rows: PartnerApiKeyRecord[] = [];
  return {
    rows,
    async insert(key) {
      const row = { ...key, createdAt: new Date(), revokedAt: null };
      rows.push(row);
      return { ...row };
    },
    findById: async (id) => rows.find((r) => r.id === id) ?? null,
    list: async (issuedById) => rows.filter((r) => !issuedById || r.issuedById === issuedById).reverse(),
    async revoke(id, at) {
      const row = rows.find((r) => r.id === id);
      if (row && !row.revokedAt) row.revokedAt = at;
      return row ?? null;
    },
  };
}

function newTestPartnerKeys() {
  const keys = fakePartnerApiKeyRepo();
  const now = new Date('2026-11-21T10:00:00Z');
  return { keys, service: createPartnerApiKeyService({ keys, clock: { now: () => now } }), now };
}

const admin: Viewer = { userId: '01a1fb5a-0000-7000-8000-00000000000a', roles: ['ATHLETE', 'ADMIN'] };
const partner: Viewer = { userId: '01a1fb5a-0000-7000-8000-00000000000b', roles: ['PARTNER'] };
const otherPartner: Viewer = { userId: '01a1fb5a-0000-7000-8000-00000000000c', roles: ['PARTNER'] };
const athlete: Viewer = { userId: '01a1fb5a-0000-7000-8000-00000000000d', roles: ['ATHLETE'] };

describe('partner API keys', () => {
  it('issues a pk_live_<id>_<secret> key once and stores only its SHA-256 hash', async () => {
    const { service, keys } = newTestPartnerKeys();
    const { key, apiKey } = await service.issue(admin, '  Acme Watches ');
    expect(key).toMatch(/^pk_live_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/);
    expect(partnerKeyId(key)).toBe(apiKey.id);
    expect(apiKey).toMatchObject({ name: 'Acme Watches', issuedById: admin.userId, revokedAt: null });
    expect(keys.rows[0]?.keyHash).toBe(hashPartnerKey(key));
    expect(JSON.stringify(keys.rows)).not.toContain(key.slice(-43));
  });

  it('verifies an issued key, and refuses a forged secret, garbage and a revoked key', async () => {
    const { service } = newTestPartnerKeys();
    const { key, apiKey } = await service.issue(partner, 'Acme');
    expect(await service.verify(key)).toEqual({ valid: true, partnerId: apiKey.id, name: 'Acme' });
    const forged = `${key.slice(0, -43)}${'A'.repeat(43)}`;
    expect(await service.verify(forged)).toEqual({ valid: false });
    expect(await service.verify('pk_live_nope')).toEqual({ valid: false });
    await service.revoke(partner, apiKey.id);
    expect(await service.verify(key)).toEqual({ valid: false });
  });

  it('lets an ADMIN list and revoke every key, a PARTNER only its own', async () => {
    const { service, now } = newTestPartnerKeys();
    const mine = (await service.issue(partner, 'Mine')).apiKey;
    const theirs = (await service.issue(otherPartner, 'Theirs')).apiKey;
    expect((await service.list(partner)).map((k) => k.name)).toEqual(['Mine']);
    expect((await service.list(admin)).map((k) => k.name)).toEqual(['Theirs', 'Mine']);
    await expect(service.revoke(partner, theirs.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await service.revoke(admin, theirs.id)).revokedAt).toEqual(now);
    expect((await service.revoke(partner, mine.id)).revokedAt).toEqual(now);
  });

  it('refuses accounts without ADMIN or PARTNER, and names of the wrong length', async () => {
    const { service } = newTestPartnerKeys();
    await expect(service.issue(athlete, 'Acme')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.list(athlete)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.issue(admin, '   ')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'name' },
    });
  });

  it('answers NOT_FOUND for an id that is not a key id', async () => {
    const { service } = newTestPartnerKeys();
    await expect(service.revoke(admin, 'not-a-uuid')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
