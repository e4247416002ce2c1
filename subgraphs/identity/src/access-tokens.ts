/**
 * Signs access tokens with the newest persisted key (ES256) and publishes the public keys as a JWKS.
 * A key is created on first start and reused across restarts and instances.
 */
import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { ACCESS_TOKEN_ALGORITHM } from '../../../lib/auth/jwt-verifier';
import type { Role } from '../../../lib/auth/viewer';
import type { SigningKeyRepo } from './signing-key.repo';

export interface AccessTokenOptions {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

export type AccessTokens = Awaited<ReturnType<typeof createAccessTokens>>;

export async function createAccessTokens(repo: SigningKeyRepo, options: AccessTokenOptions) {
  let keys = await repo.active();
  if (keys.length === 0) {
    await repo.insert(await newKeyPair());
    keys = await repo.active();
  }
  const newest = keys[0]!;
  const privateKey = await importJWK(newest.privateJwk, ACCESS_TOKEN_ALGORITHM);
  const jwks = { keys: keys.map((k) => ({ ...k.publicJwk, kid: k.kid, alg: k.algorithm, use: 'sig' })) };

  return {
    /** The public keys, in the JSON Web Key Set format served at /.well-known/jwks.json. */
    jwks: () => jwks,
    /** The same keys for in-process verification (the identity subgraph verifies its own tokens). */
    localKeySet: () => createLocalJWKSet(jwks),
    async issue(user: { id: string; roles: Role[] }, now: Date): Promise<{ token: string; expiresAt: Date }> {
      const issuedAt = Math.floor(now.getTime() / 1000);
      const expiresAt = new Date((issuedAt + options.ttlSeconds) * 1000);
      const token = await new SignJWT({ roles: user.roles })
        .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid: newest.kid, typ: 'JWT' })
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setSubject(user.id)
        .setJti(randomUUID())
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .sign(privateKey);
      return { token, expiresAt };
    },
  };
}

async function newKeyPair() {
  const { privateKey, publicKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, { extractable: true });
  const publicJwk: JWK = await exportJWK(publicKey);
  return {
    kid: randomUUID(),
    algorithm: ACCESS_TOKEN_ALGORITHM,
    privateJwk: await exportJWK(privateKey),
    publicJwk,
  };
}
