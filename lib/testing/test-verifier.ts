/** A token verifier over a throw-away ES256 key, and a signer of tokens it accepts (issuer `iss`, audience `aud`). */
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { createJwtVerifier } from '../auth/jwt-verifier';

export async function newTestVerifier() {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
  const verifier = createJwtVerifier({
    keys: createLocalJWKSet({ keys: [jwk] }),
    issuer: 'iss',
    audience: 'aud',
  });
  /** A token for user `user-1` with `claims`, expiring after `expiresIn` (a jose time span or epoch seconds). */
  const sign = (
    claims: Record<string, unknown> = { roles: ['ATHLETE'] },
    expiresIn: string | number = '5m',
    key: CryptoKey = privateKey,
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer('iss')
      .setAudience('aud')
      .setSubject('user-1')
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(key);
  return { verifier, sign };
}
