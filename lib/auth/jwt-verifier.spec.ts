import { generateKeyPair } from 'jose';
import { newTestVerifier } from '../testing/test-verifier';

describe('createJwtVerifier', () => {
  it('returns the viewer of a valid token, keeping only known roles', async () => {
    const { verifier, sign } = await newTestVerifier();
    await expect(verifier.verify(await sign({ roles: ['ATHLETE', 'ROOT'] }))).resolves.toEqual({
      userId: 'user-1',
      roles: ['ATHLETE'],
    });
  });

  it('rejects an expired token with UNAUTHENTICATED and says what to do', async () => {
    const { verifier, sign } = await newTestVerifier();
    const token = await sign({ roles: [] }, Math.floor(Date.now() / 1000) - 60);
    await expect(verifier.verify(token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: /expired/,
    });
  });

  it('rejects a token signed by another key', async () => {
    const { verifier, sign } = await newTestVerifier();
    const other = await generateKeyPair('ES256');
    await expect(verifier.verify(await sign({}, '5m', other.privateKey))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('rejects garbage', async () => {
    const { verifier } = await newTestVerifier();
    await expect(verifier.verify('not-a-jwt')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
