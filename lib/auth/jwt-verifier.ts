/** Verifies Pulse access tokens against the identity context's public keys (JWKS, fetched and cached). */
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { UnauthenticatedError } from '../errors/domain-error';
import { verifiedTokenCache } from './verified-token-cache';
import { ROLES, type Role, type Viewer } from './viewer';

export const ACCESS_TOKEN_ALGORITHM = 'ES256';

export interface TokenVerifier {
  verify(token: string): Promise<Viewer>;
}

/** A JWKS fetched over HTTP, cached for 10 minutes and refetched (at most every 30 s) on an unknown key id. */
export function remoteJwks(url: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(url), {
    cacheMaxAge: 600_000,
    cooldownDuration: 30_000,
    timeoutDuration: 5_000,
  });
}

export function createJwtVerifier(options: {
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  /** Verified tokens remembered until their expiry (least recently used forgotten first); 0: none. */
  cacheSize?: number;
  /** The clock, in ms since the epoch (tests). */
  now?: () => number;
}): TokenVerifier {
  const cache = verifiedTokenCache(options.cacheSize ?? 10_000);
  const now = options.now ?? Date.now;
  return {
    async verify(token) {
      const nowMs = now();
      const known = cache.get(token, Math.floor(nowMs / 1000));
      if (known) return known;
      try {
        const { payload } = await jwtVerify(token, options.keys, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: [ACCESS_TOKEN_ALGORITHM],
          requiredClaims: ['sub', 'exp'],
          currentDate: new Date(nowMs),
        });
        const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
        const viewer = { userId: payload.sub as string, roles };
        cache.set(token, viewer, payload.exp as number);
        return viewer;
      } catch (error) {
        if (error instanceof errors.JWTExpired) {
          throw new UnauthenticatedError('The access token has expired: get a new one with refreshToken.');
        }
        if (error instanceof errors.JOSEError) {
          throw new UnauthenticatedError('The access token is invalid.');
        }
        throw error;
      }
    },
  };
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The JWKS address of an identity subgraph, from its GraphQL URL. */
export function jwksUrlOf(identityGraphqlUrl: string): string {
  return new URL('/.well-known/jwks.json', identityGraphqlUrl).toString();
}
