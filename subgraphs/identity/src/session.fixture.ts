/** A session service over in-memory repositories, with a clock the test moves. */
import { createJwtVerifier } from '../../../lib/auth/jwt-verifier';
import { createAccessTokens } from './access-tokens';
import { createAccountService } from './account.service';
import {
  fakeLoginThrottleRepo,
  fakeRefreshTokenRepo,
  fakeSigningKeyRepo,
  fakeUserRepo,
} from './identity.fakes';
import { createPasswordHasher } from './password-hasher';
import { createSessionService } from './session.service';

export const PASSWORD = 'correct horse battery';
/** The owner's client address in these tests. */
export const HOME = '203.0.113.1';

/** Sessions and accounts over fakes, the real hasher (cheap settings) and a movable clock. */
export async function newTestSessions() {
  // Starts at the real time: the verifier checks token expiry against the real clock.
  let now = new Date();
  const clock = { now: () => now };
  const users = fakeUserRepo();
  const refreshTokens = fakeRefreshTokenRepo();
  const hasher = createPasswordHasher({ memoryCost: 1024, timeCost: 1 });
  const accessTokens = await createAccessTokens(fakeSigningKeyRepo(), {
    issuer: 'iss',
    audience: 'aud',
    ttlSeconds: 900,
  });
  const sessions = createSessionService({
    users,
    refreshTokens,
    throttle: fakeLoginThrottleRepo(),
    hasher,
    accessTokens,
    refreshTokenTtlSeconds: 3600,
    clock,
  });
  const accounts = createAccountService({ users, hasher, sessions });
  const verifier = createJwtVerifier({ keys: accessTokens.localKeySet(), issuer: 'iss', audience: 'aud' });
  const advance = (seconds: number) => {
    now = new Date(now.getTime() + seconds * 1000);
  };
  return { sessions, accounts, users, refreshTokens, verifier, advance };
}
