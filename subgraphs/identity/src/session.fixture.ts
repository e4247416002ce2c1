/** A session service over in-memory repositories, with a clock the test moves. */
import { createJwtVerifier } from '../../../lib/auth/jwt-verifier';
import { createAccessTokens } from './access-tokens';
import { createAccountService } from './account.service';
import type { Clock } from '../../../lib/clock';
import {
  fakeLoginThrottleRepo,
  fakeOutbox,
  fakeRefreshTokenRepo,
  fakeSigningKeyRepo,
  fakeTransaction,
  fakeUserRepo,
} from './identity.fakes';
import { createPasswordHasher } from './password-hasher';
import { createSessionService } from './session.service';

export const PASSWORD = 'correct horse battery';
/** The owner's client address in these tests. */
export const HOME = '203.0.113.1';
/** The registration most tests start from. */
export const ANN_REGISTRATION = { email: 'ann@example.com', password: PASSWORD, displayName: 'Ann' };

/** Sessions and accounts over fakes, the real hasher (cheap settings) and a movable clock. */
export async function newTestSessions() {
  // Starts at the real time: the verifier checks token expiry against the real clock.
  let now = new Date();
  const clock: Clock = { now: () => now };
  const users = fakeUserRepo();
  const refreshTokens = fakeRefreshTokenRepo();
  const outbox = fakeOutbox();
  const hasher = createPasswordHasher({ memoryCost: 1024, timeCost: 1 });
  const accessTokens = await createAccessTokens(fakeSigningKeyRepo(), {
    issuer: 'iss',
    audience: 'aud',
    ttlSeconds: 900,
  });
  const sessions = createSessionService({
    users,
    refreshTokens,
    inTransaction: fakeTransaction({ refreshTokens }),
    throttle: fakeLoginThrottleRepo(),
    hasher,
    accessTokens,
    refreshTokenTtlSeconds: 3600,
    clock,
  });
  let published = 0;
  const accounts = createAccountService({
    users,
    inTransaction: fakeTransaction({ users, outbox }),
    hasher,
    sessions,
    clock,
    published: () => void (published += 1),
    adminEmails: ['root@example.com'],
  });
  const verifier = createJwtVerifier({ keys: accessTokens.localKeySet(), issuer: 'iss', audience: 'aud' });
  const advance = (seconds: number) => {
    now = new Date(now.getTime() + seconds * 1000);
  };
  return {
    sessions,
    accounts,
    users,
    refreshTokens,
    outbox,
    verifier,
    advance,
    now: () => now,
    publications: () => published,
  };
}
