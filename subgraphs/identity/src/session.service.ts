/** Sign-in, token refresh with rotation and reuse detection, and sign-out. */
import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../../../lib/clock';
import type { InTransaction } from '../../../lib/db/unit-of-work';
import { RateLimitedError, UnauthenticatedError } from '../../../lib/errors/domain-error';
import type { AccessTokens } from './access-tokens';
import { normaliseEmail } from './credentials';
import type { IdentityRepos } from './identity.repos';
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  afterFailure,
  countsForAccount,
  PAIR_POLICY,
  secondsToWait,
  type ThrottleState,
} from './login-throttle';
import type { LoginThrottleRepo, ThrottleKey } from './login-throttle.repo';
import { createKeyedSerializer } from './one-at-a-time';
import type { PasswordHasher } from './password-hasher';
import type { RefreshTokenRecord, RefreshTokenRepo } from './refresh-token.repo';
import type { UserRecord, UserRepo } from './user.repo';

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  user: UserRecord;
}

const WRONG_CREDENTIALS = 'The email or the password is incorrect.';
const INVALID_REFRESH = 'The refresh token is not valid: sign in again.';

const throttleKeys = (email: string, address: string): [ThrottleKey, ThrottleKey, ThrottleKey] => [
  { scope: 'pair', email, address },
  { scope: 'address', address },
  { scope: 'account', email },
];

function refuseWhileBlocked(
  [pair, fromAddress, account]: (ThrottleState | null | undefined)[],
  now: Date,
): void {
  const refusals: [number, string][] = [
    [secondsToWait(pair ?? null, now), 'Too many failed sign-ins for this email from your address'],
    [secondsToWait(fromAddress ?? null, now), 'Too many failed sign-ins from your address'],
    [secondsToWait(account ?? null, now), 'Too many failed sign-ins for this email'],
  ];
  const [wait, reason] = refusals.reduce((a, b) => (b[0] > a[0] ? b : a));
  if (wait > 0) throw new RateLimitedError(`${reason}: try again in ${wait} s.`, wait);
}

export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type SessionService = ReturnType<typeof createSessionService>;

export function createSessionService(deps: {
  users: Pick<UserRepo, 'findByEmail' | 'findById'>;
  refreshTokens: RefreshTokenRepo;
  /** Rotation marks a token used and stores its successor in one transaction. */
  inTransaction: InTransaction<Pick<IdentityRepos, 'refreshTokens'>>;
  throttle: LoginThrottleRepo;
  hasher: PasswordHasher;
  accessTokens: AccessTokens;
  refreshTokenTtlSeconds: number;
  clock: Clock;
}) {
  const { users, refreshTokens, inTransaction, throttle, hasher, accessTokens, clock } = deps;
  const oneAtATime = createKeyedSerializer();

  function newRefreshToken(user: UserRecord, familyId: string, now: Date) {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + deps.refreshTokenTtlSeconds * 1000);
    const record = { id: uuidv7(), familyId, userId: user.id, tokenHash: hashRefreshToken(token), expiresAt };
    return { token, record };
  }

  async function session(
    user: UserRecord,
    refresh: { token: string; record: { expiresAt: Date } },
    now: Date,
  ) {
    const access = await accessTokens.issue(user, now);
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: refresh.token,
      refreshTokenExpiresAt: refresh.record.expiresAt,
      user,
    };
  }

  async function rejectReuse(stored: RefreshTokenRecord, now: Date): Promise<never> {
    await refreshTokens.revokeFamily(stored.familyId, now);
    throw new UnauthenticatedError(
      'This refresh token was already used, so the session may be stolen: every token of this sign-in is now revoked. Sign in again.',
    );
  }

  /** The account whose password this is; throws when throttled or wrong, counting the failure. */
  async function checkPassword(email: string, password: string, address: string): Promise<UserRecord> {
    const now = clock.now();
    const keys = throttleKeys(email, address);
    const [pair, fromAddress, account] = await Promise.all(keys.map(throttle.get));
    refuseWhileBlocked([pair, fromAddress, account], now);
    const user = await users.findByEmail(email);
    const valid = user
      ? await hasher.verify(user.passwordHash, password)
      : (await hasher.verifyNothing(password), false);
    if (!user || !valid || user.status !== 'ACTIVE') {
      const pairAfter = afterFailure(pair ?? null, now, PAIR_POLICY);
      await throttle.save(keys[0], pairAfter);
      await throttle.save(keys[1], afterFailure(fromAddress ?? null, now, ADDRESS_POLICY));
      if (countsForAccount(pairAfter.failures)) {
        await throttle.save(keys[2], afterFailure(account ?? null, now, ACCOUNT_POLICY));
      }
      throw new UnauthenticatedError(WRONG_CREDENTIALS);
    }
    // The address's count across emails stays: signing in to one's own account must not reset a spray.
    await throttle.clear(keys[0]);
    await throttle.clear(keys[2]);
    return user;
  }

  return {
    /** Starts a new session (a new refresh-token family) for an account already authenticated. */
    async open(user: UserRecord): Promise<Session> {
      const now = clock.now();
      const refresh = newRefreshToken(user, uuidv7(), now);
      await refreshTokens.insert(refresh.record);
      return session(user, refresh, now);
    },

    /** Checks a password from a client address; repeated failures answer `RATE_LIMITED` (login-throttle.ts). */
    async login(rawEmail: string, password: string, address: string): Promise<Session> {
      const email = normaliseEmail(rawEmail);
      // One address's attempts one at a time: sent in parallel, all would pass the check before the first
      // failure is recorded, and a burst would escape the throttle.
      const user = await oneAtATime(address, () => checkPassword(email, password, address));
      return this.open(user);
    },

    async refresh(token: string): Promise<Session> {
      const now = clock.now();
      const stored = await refreshTokens.findByHash(hashRefreshToken(token));
      if (!stored || stored.revokedAt || stored.expiresAt <= now)
        throw new UnauthenticatedError(INVALID_REFRESH);
      if (stored.usedAt) return rejectReuse(stored, now);
      const user = await users.findById(stored.userId);
      if (!user || user.status !== 'ACTIVE') throw new UnauthenticatedError(INVALID_REFRESH);
      const next = newRefreshToken(user, stored.familyId, now);
      const rotated = await inTransaction((tx) => tx.refreshTokens.rotate(stored.id, next.record, now));
      if (!rotated) return rejectReuse(stored, now);
      return session(user, next, now);
    },

    /** Ends the session the refresh token belongs to; false when there was nothing live to end. */
    async logout(token: string): Promise<boolean> {
      const stored = await refreshTokens.findByHash(hashRefreshToken(token));
      if (!stored || stored.revokedAt) return false;
      return (await refreshTokens.revokeFamily(stored.familyId, clock.now())) > 0;
    },
  };
}
