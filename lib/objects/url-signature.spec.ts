import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUrlSigner, loadOrCreateSigningKey, type SignedRequest } from './url-signature';

const upload: SignedRequest = {
  method: 'PUT',
  key: 'users/u/a/256.webp',
  expires: 1_800_000_000,
  contentType: 'image/webp',
  maxBytes: 1000,
};

describe('createUrlSigner', () => {
  const signer = createUrlSigner(Buffer.from('a secret of some length, for tests'));

  it('verifies the signature of the same request', () => {
    expect(signer.verify(upload, signer.sign(upload))).toBe(true);
  });

  it.each([
    ['method', { method: 'GET' as const }],
    ['key', { key: 'users/u/a/512.webp' }],
    ['expiry', { expires: upload.expires + 1 }],
    ['content type', { contentType: 'image/svg+xml' }],
    ['size limit', { maxBytes: 1001 }],
  ])('refuses it for another %s', (_, change) => {
    expect(signer.verify({ ...upload, ...change }, signer.sign(upload))).toBe(false);
  });

  it('refuses a signature made with another secret, and garbage', () => {
    const other = createUrlSigner(Buffer.from('another secret entirely, for tests'));
    expect(signer.verify(upload, other.sign(upload))).toBe(false);
    expect(signer.verify(upload, 'x')).toBe(false);
  });
});

describe('loadOrCreateSigningKey', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pulse-signing-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('uses the configured secret and writes nothing', async () => {
    const file = join(dir, 'objects-signing.key');
    expect((await loadOrCreateSigningKey(file, 'configured-secret')).toString()).toBe('configured-secret');
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
  });

  it('generates a key once, owner-only, and reads it back after', async () => {
    const file = join(dir, 'nested', 'objects-signing.key');
    const [a, b] = await Promise.all([
      loadOrCreateSigningKey(file, null),
      loadOrCreateSigningKey(file, null),
    ]);
    expect(a.equals(b)).toBe(true);
    expect((await loadOrCreateSigningKey(file, null)).equals(a)).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toHaveLength(43);
  });
});
