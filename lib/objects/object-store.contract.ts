/**
 * The behaviour every ObjectStore adapter must show. Run by object-store.int-spec.ts against the file
 * store (its routes on a local express app) and against the S3 store (a local s3rver).
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { useFixture } from '../testing/fixture';
import { InvalidObjectKeyError, userPrefix } from './object-key';
import type { ObjectStore } from './object-store';

/** The place one suite's stores share: a directory and its routes, or a bucket. */
export interface ObjectStoreBacking {
  store: ObjectStore;
  /** Another store over the same place; `clock` is when it thinks it is (a past one hands out expired URLs). */
  open(options: { clock?: Clock; pageSize?: number }): ObjectStore;
  close(): Promise<void>;
}

export interface ObjectStoreContractTarget {
  start(): Promise<ObjectStoreBacking>;
  /** Null when the server behind the URLs checks them; else why not (those cases are listed as todo). */
  signaturesUnchecked: string | null;
  /** Null when an upload URL's maxBytes is enforced; else why not. */
  maxBytesUnenforced: string | null;
}

const HOUR_AGO: Clock = { now: () => new Date(Date.now() - 3_600_000) };
const bytesOf = (text: string) => new TextEncoder().encode(text);
const aUser = () => randomUUID();
const avatarKey = (userId: string, size = 256) => `${userPrefix(userId)}avatars/${randomUUID()}/${size}.webp`;
const put = (
  url: { url: string; headers: Record<string, string> },
  body: Uint8Array<ArrayBuffer>,
  headers = url.headers,
) => fetch(url.url, { method: 'PUT', headers, body });

export function describeObjectStoreContract(name: string, target: ObjectStoreContractTarget): void {
  describe(`ObjectStore contract: ${name}`, () => {
    const backing = useFixture(() => target.start());
    const store = () => backing().store;
    /** Runs `use` with another store over the same place, closed after. */
    const withStore = async (
      options: { clock?: Clock; pageSize?: number },
      use: (s: ObjectStore) => Promise<void>,
    ) => {
      const other = backing().open(options);
      try {
        await use(other);
      } finally {
        await other.close();
      }
    };
    const whenChecked = (reason: string | null, title: string, fn: () => Promise<void>) =>
      reason ? it.todo(`${title} (not here: ${reason})`) : it(title, fn);

    it('gives back the bytes and content type it was given, and their size', async () => {
      const key = avatarKey(aUser());
      const bytes = bytesOf('RIFF....WEBPVP8 pretend image');
      await store().put(key, bytes, { contentType: 'image/webp' });
      const object = await store().get(key);
      expect(object?.contentType).toBe('image/webp');
      expect(Buffer.from(object!.bytes)).toEqual(Buffer.from(bytes));
      expect(await store().head(key)).toEqual({ size: bytes.byteLength, contentType: 'image/webp' });
    });

    it('replaces an object put again under the same key', async () => {
      const key = avatarKey(aUser());
      await store().put(key, bytesOf('first'), { contentType: 'image/png' });
      await store().put(key, bytesOf('second!'), { contentType: 'image/webp' });
      expect(await store().head(key)).toEqual({ size: 7, contentType: 'image/webp' });
    });

    it('answers null for a key with no object', async () => {
      const key = avatarKey(aUser());
      expect(await store().get(key)).toBeNull();
      expect(await store().head(key)).toBeNull();
    });

    it('lists exactly the keys under a user’s prefix, sorted', async () => {
      const [ann, bob] = [aUser(), aUser()];
      const anns = [avatarKey(ann, 64), avatarKey(ann, 512), `${userPrefix(ann)}photos/p1/1080.webp`];
      const others = [avatarKey(bob), `users/${ann}-lookalike/avatars/a/64.webp`];
      for (const key of [...anns, ...others])
        await store().put(key, bytesOf(key), { contentType: 'image/webp' });
      expect(await store().list(userPrefix(ann))).toEqual([...anns].sort());
      expect(await store().list(`${userPrefix(ann)}photos/`)).toEqual([anns[2]]);
      expect(await store().list(userPrefix(aUser()))).toEqual([]);
    });

    it('lists every key when they take more than one page', async () => {
      const user = aUser();
      const keys = Array.from({ length: 7 }, (_, i) => `${userPrefix(user)}photos/p${i}/320.webp`);
      for (const key of keys) await store().put(key, bytesOf(key), { contentType: 'image/webp' });
      await withStore({ pageSize: 2 }, async (paged) =>
        expect(await paged.list(userPrefix(user))).toEqual(keys),
      );
    });

    it('deletes one object, and deleting a missing one is no error', async () => {
      const key = avatarKey(aUser());
      await store().put(key, bytesOf('x'), { contentType: 'image/webp' });
      await store().delete(key);
      expect(await store().head(key)).toBeNull();
      await expect(store().delete(key)).resolves.toBeUndefined();
    });

    it('deletes every object under a prefix and nothing else, and says how many', async () => {
      const [ann, bob] = [aUser(), aUser()];
      const anns = [avatarKey(ann, 64), avatarKey(ann, 256), `${userPrefix(ann)}photos/p/2048.webp`];
      const bobs = [avatarKey(bob)];
      for (const key of [...anns, ...bobs])
        await store().put(key, bytesOf(key), { contentType: 'image/webp' });
      expect(await store().deletePrefix(userPrefix(ann))).toBe(3);
      expect(await store().list(userPrefix(ann))).toEqual([]);
      expect(await store().list(userPrefix(bob))).toEqual(bobs);
      expect(await store().deletePrefix(userPrefix(ann))).toBe(0);
    });

    it('stores what a client PUTs on an upload URL, with its content type', async () => {
      const key = avatarKey(aUser());
      const url = await store().uploadUrl(key, {
        contentType: 'image/jpeg',
        maxBytes: 1024,
        expiresSeconds: 60,
      });
      expect(url).toMatchObject({ method: 'PUT', headers: { 'Content-Type': 'image/jpeg' } });
      const response = await put(url, bytesOf('jpeg bytes'));
      expect(response.status).toBe(200);
      expect(await store().head(key)).toEqual({ size: 10, contentType: 'image/jpeg' });
    });

    whenChecked(target.signaturesUnchecked, 'refuses an upload with another content type', async () => {
      const key = avatarKey(aUser());
      const url = await store().uploadUrl(key, {
        contentType: 'image/jpeg',
        maxBytes: 1024,
        expiresSeconds: 60,
      });
      const response = await put(url, bytesOf('<svg/>'), { 'Content-Type': 'image/svg+xml' });
      expect(response.status).toBe(403);
      expect(await store().head(key)).toBeNull();
    });

    it('refuses an upload on an expired URL', async () => {
      const key = avatarKey(aUser());
      await withStore({ clock: HOUR_AGO }, async (old) => {
        const url = await old.uploadUrl(key, {
          contentType: 'image/png',
          maxBytes: 1024,
          expiresSeconds: 60,
        });
        expect((await put(url, bytesOf('png'))).status).toBe(403);
      });
      expect(await store().head(key)).toBeNull();
    });

    whenChecked(
      target.maxBytesUnenforced,
      'refuses an upload larger than maxBytes and keeps nothing',
      async () => {
        const key = avatarKey(aUser());
        const url = await store().uploadUrl(key, {
          contentType: 'image/png',
          maxBytes: 100,
          expiresSeconds: 60,
        });
        const response = await put(url, new Uint8Array(101));
        expect(response.status).toBe(413);
        expect(await store().head(key)).toBeNull();
        expect((await put(url, new Uint8Array(100))).status).toBe(200);
      },
    );

    it('serves an object’s bytes and content type on a download URL', async () => {
      const key = avatarKey(aUser());
      await store().put(key, bytesOf('webp bytes'), { contentType: 'image/webp' });
      const response = await fetch(await store().downloadUrl(key, { expiresSeconds: 60 }));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/webp');
      expect(Buffer.from(await response.arrayBuffer()).toString()).toBe('webp bytes');
    });

    it('refuses a download on an expired URL', async () => {
      const key = avatarKey(aUser());
      await store().put(key, bytesOf('webp bytes'), { contentType: 'image/webp' });
      await withStore({ clock: HOUR_AGO }, async (old) => {
        expect((await fetch(await old.downloadUrl(key, { expiresSeconds: 60 }))).status).toBe(403);
      });
    });

    whenChecked(target.signaturesUnchecked, 'refuses a URL whose signature was tampered with', async () => {
      const key = avatarKey(aUser());
      await store().put(key, bytesOf('webp bytes'), { contentType: 'image/webp' });
      const url = new URL(await store().downloadUrl(key, { expiresSeconds: 60 }));
      const name = url.searchParams.has('signature') ? 'signature' : 'X-Amz-Signature';
      const signature = url.searchParams.get(name)!;
      url.searchParams.set(name, (signature[0] === 'a' ? 'b' : 'a') + signature.slice(1));
      expect((await fetch(url)).status).toBe(403);
      // Another key with the same signature: refused too.
      const other = new URL(await store().downloadUrl(key, { expiresSeconds: 60 }));
      other.pathname = other.pathname.replace('256.webp', '512.webp');
      expect((await fetch(other)).status).toBe(403);
    });

    it.each([
      '../escape',
      '/etc/passwd',
      'users/a/../../b',
      'users//a',
      'users/a/',
      '',
      'a\\b',
      'a b',
      'x'.repeat(513),
    ])('throws for the bad key %j without touching anything', async (key) => {
      await expect(store().put(key, bytesOf('x'), { contentType: 'text/plain' })).rejects.toThrow(
        InvalidObjectKeyError,
      );
      await expect(store().get(key)).rejects.toThrow(InvalidObjectKeyError);
      await expect(store().head(key)).rejects.toThrow(InvalidObjectKeyError);
      await expect(store().delete(key)).rejects.toThrow(InvalidObjectKeyError);
      await expect(store().downloadUrl(key, { expiresSeconds: 60 })).rejects.toThrow(InvalidObjectKeyError);
      await expect(
        store().uploadUrl(key, { contentType: 'image/png', maxBytes: 1, expiresSeconds: 60 }),
      ).rejects.toThrow(InvalidObjectKeyError);
    });

    it('throws for a bad prefix', async () => {
      await expect(store().list('../')).rejects.toThrow(InvalidObjectKeyError);
      await expect(store().deletePrefix('/users/')).rejects.toThrow(InvalidObjectKeyError);
    });
  });
}
