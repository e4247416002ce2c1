import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTVerifyGetKey } from 'jose';
import { createJwtVerifier } from './jwt-verifier';

const START = Date.UTC(2026, 10, 21, 8, 0, 0);

/** A verifier with a settable clock that counts its signature checks (each one resolves a key). */
async function newCachingVerifier(cacheSize?: number) {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] });
  let keyLookups = 0;
  const keys: JWTVerifyGetKey = (header, token) => {
    keyLookups += 1;
    return jwks(header, token);
  };
  let clock = START;
  const verifier = createJwtVerifier({ keys, issuer: 'iss', audience: 'aud', cacheSize, now: () => clock });
  const sign = (subject: string, expiresAtMs = START + 900_000, roles = ['ATHLETE']) =>
    new SignJWT({ roles })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer('iss')
      .setAudience('aud')
      .setSubject(subject)
      .setIssuedAt(Math.floor(START / 1000))
      .setExpirationTime(Math.floor(expiresAtMs / 1000))
      .sign(privateKey);
  return {
    verifier,
    sign,
    keyLookups: () => keyLookups,
    setClock: (ms: number) => (clock = ms),
  };
}

describe('createJwtVerifier with its cache of verified tokens', () => {
  it('checks the signature of a token once, then answers the same viewer from memory', async () => {
    const t = await newCachingVerifier();
    const token = await t.sign('user-1');
    const first = await t.verifier.verify(token);
    const second = await t.verifier.verify(token);
    expect(first).toEqual({ userId: 'user-1', roles: ['ATHLETE'] });
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(t.keyLookups()).toBe(1);
  });

  it('refuses a remembered token once it has expired, with the usual message', async () => {
    const t = await newCachingVerifier();
    const token = await t.sign('user-1', START + 60_000);
    await t.verifier.verify(token);
    t.setClock(START + 60_000);
    await expect(t.verifier.verify(token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/expired/),
    });
  });

  it('never remembers a token it refused', async () => {
    const t = await newCachingVerifier();
    const forged = `${(await t.sign('user-1')).slice(0, -4)}AAAA`;
    await expect(t.verifier.verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(t.verifier.verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(t.keyLookups()).toBe(2);
  });

  it('forgets the least recently used token beyond its size', async () => {
    const t = await newCachingVerifier(2);
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((user) => t.sign(user)));
    await t.verifier.verify(a!);
    await t.verifier.verify(b!);
    await t.verifier.verify(a!); // a is now the most recently used
    await t.verifier.verify(c!); // b goes
    expect(t.keyLookups()).toBe(3);
    await t.verifier.verify(a!);
    expect(t.keyLookups()).toBe(3);
    await expect(t.verifier.verify(b!)).resolves.toEqual({ userId: 'b', roles: ['ATHLETE'] });
    expect(t.keyLookups()).toBe(4);
  });

  it('keeps no token with a cache size of 0', async () => {
    const t = await newCachingVerifier(0);
    const token = await t.sign('user-1');
    await t.verifier.verify(token);
    await t.verifier.verify(token);
    expect(t.keyLookups()).toBe(2);
  });
});
