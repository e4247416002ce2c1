import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { loadConfig } from '../config/config';
import { createLogger } from '../logging/logger';
import { listenOn } from '../testing/listen';
import { createObjectStore } from './create-object-store';
import { createFileObjectStore } from './file-object-store';
import { userPrefix } from './object-key';
import { objectRoutes } from './object-routes';
import { describeObjectStoreContract, type ObjectStoreBacking } from './object-store.contract';
import { createS3ObjectStore } from './s3-object-store';

// s3rver ships no types: the little of it the tests use.
interface S3rverServer {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rverServer;

const silent = createLogger('silent');
const closeServer = (server: Server) => new Promise((resolve) => server.close(resolve));

/** A file store in a temporary directory, its routes on an express app on a loopback port. */
async function startFileBacking(): Promise<ObjectStoreBacking & { dir: string; baseUrl: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-objects-'));
  const signingKey = randomBytes(32);
  const app = express();
  const server = createServer(app);
  const baseUrl = await listenOn(server);
  const open = (options: Parameters<ObjectStoreBacking['open']>[0] = {}) =>
    createFileObjectStore({
      root: join(dir, 'objects'),
      publicBaseUrl: baseUrl,
      signingKey,
      clock: options.clock,
    });
  const store = open();
  app.use(objectRoutes(store, { logger: silent }));
  return {
    dir,
    baseUrl,
    store,
    open,
    close: async () => {
      await closeServer(server);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An S3 store on a bucket of an s3rver started on a loopback port, in a temporary directory. */
async function startS3Backing(): Promise<ObjectStoreBacking> {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-s3rver-'));
  const bucket = 'pulse-test';
  const s3rver = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await s3rver.run();
  const open = (options: Parameters<ObjectStoreBacking['open']>[0] = {}) =>
    createS3ObjectStore({
      endpoint: `http://127.0.0.1:${port}`,
      bucket,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      forcePathStyle: true,
      ...options,
    });
  const store = open();
  return {
    store,
    open,
    close: async () => {
      await store.close();
      await s3rver.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeObjectStoreContract('files, with their routes on an express app', {
  start: startFileBacking,
  signaturesUnchecked: null,
  maxBytesUnenforced: null,
});

describeObjectStoreContract('S3 on a local s3rver', {
  start: startS3Backing,
  signaturesUnchecked: 's3rver 3.7.1 accepts any well-formed SigV4 signature; S3 and MinIO check them',
  maxBytesUnenforced: 'a presigned S3 PUT cannot limit the size; check head().size after the upload',
});

describe('file object store', () => {
  let backing: Awaited<ReturnType<typeof startFileBacking>>;
  beforeAll(async () => {
    backing = await startFileBacking();
  });
  afterAll(() => backing.close());

  it('keeps an object as a plain file, its content type in a sidecar that listing skips', async () => {
    const key = `${userPrefix('u1')}avatars/a/64.webp`;
    await backing.store.put(key, new TextEncoder().encode('bytes'), { contentType: 'image/webp' });
    const dir = join(backing.dir, 'objects', 'users', 'u1', 'avatars', 'a');
    expect(await readFile(join(dir, '64.webp'), 'utf8')).toBe('bytes');
    expect((await readdir(dir)).sort()).toEqual(['64.webp', '64.webp~meta.json']);
    expect(await backing.store.list('users/u1/')).toEqual([key]);
    await backing.store.delete(key);
    // The emptied directories go with it.
    await expect(stat(join(backing.dir, 'objects', 'users', 'u1'))).rejects.toThrow(/ENOENT/);
  });

  it('answers a download privately cached until the URL expires, never sniffed', async () => {
    const key = 'badges/b1/icon.png';
    await backing.store.put(key, new Uint8Array([1, 2, 3]), { contentType: 'image/png' });
    const response = await fetch(await backing.store.downloadUrl(key, { expiresSeconds: 300 }));
    expect(response.headers.get('cache-control')).toMatch(/^private, max-age=(299|300)$/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-length')).toBe('3');
  });

  it('answers 404 for a signed URL of a missing object, and JSON errors with a code', async () => {
    const url = await backing.store.downloadUrl('badges/none/icon.png', { expiresSeconds: 60 });
    const missing = await fetch(url);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    const unsigned = await fetch(`${backing.baseUrl}/objects/badges/none/icon.png`);
    expect(unsigned.status).toBe(403);
    expect(await unsigned.json()).toMatchObject({
      errors: [{ extensions: { code: 'FORBIDDEN', reason: 'BAD_SIGNATURE' } }],
    });
  });

  it('refuses a path that tries to leave the directory', async () => {
    const response = await fetch(
      `${backing.baseUrl}/objects/..%2F..%2Fetc/passwd?expires=9999999999&signature=x`,
    );
    expect(response.status).toBe(400);
  });

  it('refuses a streamed upload that outgrows maxBytes, with 413 and nothing stored', async () => {
    const key = 'badges/b2/icon.png';
    const url = await backing.store.uploadUrl(key, {
      contentType: 'image/png',
      maxBytes: 1000,
      expiresSeconds: 60,
    });
    // No Content-Length: the route counts while it writes.
    const body = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new Uint8Array(400));
        controller.close();
      },
    });
    const response = await fetch(url.url, {
      method: 'PUT',
      headers: url.headers,
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    expect(await backing.store.head(key)).toBeNull();
    expect(await readdir(join(backing.dir, 'objects', 'badges', 'b2')).catch(() => [])).toEqual([]);
  });
});

describe('S3 presigned upload URLs', () => {
  it('sign the Content-Type and carry no checksum of an empty body', async () => {
    const store = createS3ObjectStore({
      endpoint: 'http://127.0.0.1:1',
      bucket: 'b',
      region: 'us-east-1',
      credentials: { accessKeyId: 'k', secretAccessKey: 's' },
      forcePathStyle: true,
    });
    const { url } = await store.uploadUrl('a/b.webp', {
      contentType: 'image/webp',
      maxBytes: 1,
      expiresSeconds: 60,
    });
    const query = new URL(url).searchParams;
    expect(query.get('X-Amz-SignedHeaders')?.split(';')).toContain('content-type');
    expect([...query.keys()].filter((name) => /checksum/i.test(name))).toEqual([]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:1\/b\/a\/b\.webp\?/);
    await store.close();
  });

  it('are signed for the public endpoint when apps reach the store at another address', async () => {
    const store = createS3ObjectStore({
      endpoint: 'http://minio:9000',
      publicEndpoint: 'http://localhost:9000',
      bucket: 'b',
      region: 'us-east-1',
      credentials: { accessKeyId: 'k', secretAccessKey: 's' },
      forcePathStyle: true,
    });
    const upload = await store.uploadUrl('a/b.webp', {
      contentType: 'image/webp',
      maxBytes: 1,
      expiresSeconds: 60,
    });
    expect(upload.url).toMatch(/^http:\/\/localhost:9000\/b\/a\/b\.webp\?/);
    expect(await store.downloadUrl('a/b.webp', { expiresSeconds: 60 })).toMatch(
      /^http:\/\/localhost:9000\/b\//,
    );
    expect(store.describe()).toBe('objects: S3 bucket b at http://minio:9000');
    await store.close();
  });
});

describe('createObjectStore', () => {
  it('keeps files under DATA_DIR/objects with a signing key made once, owner-only', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pulse-data-'));
    try {
      const config = loadConfig({ DATA_DIR: dataDir }).objects;
      const first = await createObjectStore(config, { dataDir, publicBaseUrl: 'http://localhost:4000' });
      expect(first.store.describe()).toBe(`objects: files under ${join(dataDir, 'objects')}`);
      expect(first.file).toBe(first.store);
      const keyFile = join(dataDir, 'objects-signing.key');
      expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
      const url = await first.store.downloadUrl('a/b.png', { expiresSeconds: 60 });
      const second = await createObjectStore(config, { dataDir, publicBaseUrl: 'http://localhost:4000' });
      // The same key after a restart: URLs handed out before it still work.
      expect(
        second.file!.check(
          { method: 'GET', key: 'a/b.png', expires: Number(new URL(url).searchParams.get('expires')) },
          new URL(url).searchParams.get('signature')!,
        ),
      ).toBeNull();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('uses the S3 bucket when S3_ENDPOINT and S3_BUCKET are set', async () => {
    const config = loadConfig({ S3_ENDPOINT: 'http://minio:9000', S3_BUCKET: 'pulse-media' }).objects;
    const { store, file } = await createObjectStore(config, {
      dataDir: '/nonexistent',
      publicBaseUrl: 'http://x',
    });
    expect(store.describe()).toBe('objects: S3 bucket pulse-media at http://minio:9000');
    expect(file).toBeNull();
    await store.close();
  });
});
