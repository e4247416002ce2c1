import { v7 as uuidv7 } from 'uuid';
import { useFixture } from '../../../lib/testing/fixture';
import { availableDatabaseKinds, openTestContextDatabase } from '../../../lib/testing/test-databases';
import { inTransaction } from '../../../lib/db/unit-of-work';
import { testContextRuntime } from '../../../lib/testing/context-runtime';
import { identityContext } from '.';
import { createAccessTokens } from './access-tokens';
import { createIdentityPrisma } from './identity.prisma';
import { identityRepos } from './identity.repos';
import { createLoginThrottleRepo } from './login-throttle.repo';
import { createRefreshTokenRepo } from './refresh-token.repo';
import { createSigningKeyRepo } from './signing-key.repo';
import { createUserRepo } from './user.repo';

const aUser = (email = `${uuidv7()}@example.com`) => ({
  id: uuidv7(),
  email,
  displayName: 'Ann',
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  roles: ['ATHLETE' as const],
  timeZone: 'Europe/Berlin',
});

describe.each(availableDatabaseKinds())('identity repositories on %s', (kind) => {
  const db = useFixture(() => openTestContextDatabase(kind, 'identity', createIdentityPrisma));

  describe('users', () => {
    it('stores an account with the athlete role and reads it by email and id', async () => {
      const users = createUserRepo(db().client);
      const user = aUser();
      await users.create(user);
      expect(await users.findByEmail(user.email)).toMatchObject({ ...user, status: 'ACTIVE' });
      expect((await users.findByIds([user.id])).map((u) => u.id)).toEqual([user.id]);
    });

    it('reports a taken email instead of failing, and keeps the first account', async () => {
      const users = createUserRepo(db().client);
      const first = aUser('taken@example.com');
      await users.create(first);
      expect(await users.create(aUser('taken@example.com'))).toBe('email-taken');
      expect((await users.findByEmail('taken@example.com'))?.id).toBe(first.id);
    });
  });

  describe('registration, wired as the context wires it', () => {
    it('stores the account with its registered and email-changed events, and for a taken email none', async () => {
      const runtime = testContextRuntime('identity', db().client);
      const { accounts } = await identityContext.parts(runtime);
      const email = `${uuidv7()}@example.com`;
      const input = { email, password: 'correct horse battery', displayName: 'Ann' };
      const { user } = await accounts.register(input);
      await expect(accounts.register({ ...input, displayName: 'Bob' })).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      const events = await db().client.outboxEvent.findMany({
        where: { key: user.id },
        orderBy: { sequence: 'asc' },
      });
      expect(events.map((e) => e.type)).toEqual(['identity.user.registered', 'identity.user.email-changed']);
      expect(events[1]!.payload).toMatchObject({ data: { userId: user.id, email } });
      expect(await db().client.user.count({ where: { email } })).toBe(1);
      await runtime.release();
    });
  });

  describe('refresh tokens', () => {
    it('rotates a token once: a second rotation of the same token stores nothing', async () => {
      const users = createUserRepo(db().client);
      const tokens = createRefreshTokenRepo(db().client);
      const user = aUser();
      await users.create(user);
      const familyId = uuidv7();
      const token = (hash: string) => ({
        id: uuidv7(),
        familyId,
        userId: user.id,
        tokenHash: hash,
        expiresAt: new Date(Date.now() + 60_000),
      });
      const first = token(`h-${uuidv7()}`);
      await tokens.insert(first);
      const now = new Date();
      // As the session service rotates: both statements in one transaction.
      const rotate = () =>
        inTransaction(
          db().client,
          identityRepos,
        )(({ refreshTokens }) => refreshTokens.rotate(first.id, token(`h-${uuidv7()}`), now));
      const [a, b] = await Promise.all([rotate(), rotate()]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
      expect(await db().client.refreshToken.count({ where: { familyId } })).toBe(2);
      expect(await tokens.revokeFamily(familyId, now)).toBe(2);
      expect(await tokens.revokeFamily(familyId, now)).toBe(0);
    });
  });

  describe('login throttle', () => {
    it('saves, updates and clears the failures of an email', async () => {
      const throttle = createLoginThrottleRepo(db().client);
      const key = { scope: 'account', email: 'ann@example.com' } as const;
      const state = { failures: 1, lastFailureAt: new Date(), blockedUntil: null };
      await throttle.save(key, state);
      await throttle.save(key, { ...state, failures: 2 });
      expect(await throttle.get(key)).toEqual({ ...state, failures: 2 });
      await throttle.clear(key);
      expect(await throttle.get(key)).toBeNull();
    });

    it('keeps an email from one address, an address across emails and an email apart', async () => {
      const throttle = createLoginThrottleRepo(db().client);
      const email = 'ann@example.com';
      const address = '198.51.100.7';
      const lastFailureAt = new Date();
      const state = (failures: number) => ({ failures, lastFailureAt, blockedUntil: null });
      await throttle.save({ scope: 'pair', email, address }, state(1));
      await throttle.save({ scope: 'address', address }, state(2));
      await throttle.save({ scope: 'account', email }, state(3));
      expect(await throttle.get({ scope: 'pair', email, address })).toEqual(state(1));
      expect(await throttle.get({ scope: 'pair', email, address: '::1' })).toBeNull();
      await throttle.clear({ scope: 'pair', email, address });
      expect(await throttle.get({ scope: 'pair', email, address })).toBeNull();
      expect(await throttle.get({ scope: 'address', address })).toEqual(state(2));
      expect(await throttle.get({ scope: 'account', email })).toEqual(state(3));
    });
  });

  describe('signing keys', () => {
    it('creates a key once and reuses it after a restart, so issued tokens stay valid', async () => {
      const options = { issuer: 'iss', audience: 'aud', ttlSeconds: 60 };
      const first = await createAccessTokens(createSigningKeyRepo(db().client), options);
      const second = await createAccessTokens(createSigningKeyRepo(db().client), options);
      expect(second.jwks()).toEqual(first.jwks());
      expect(first.jwks().keys).toEqual([
        expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' }),
      ]);
      expect(first.jwks().keys[0]).not.toHaveProperty('d');
    });
  });
});
