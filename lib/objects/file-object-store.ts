/**
 * The embedded object store: each object is a file under `root` (`<root>/<key>`), its content type in a
 * sidecar `<key>~meta.json`; `~` is never part of a key, so listing skips sidecars and temporary files.
 * Its signed URLs lead to `objectRoutes` (object-routes.ts) on the gateway's port.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { systemClock, type Clock } from '../clock';
import { assertObjectKey, assertObjectPrefix } from './object-key';
import { assertExpiry, type ObjectInfo, type ObjectStore } from './object-store';
import { createUrlSigner, type SignedRequest } from './url-signature';

export interface FileObjectStoreOptions {
  root: string;
  /** The gateway's public URL, where `objectRoutes` answer (`<publicBaseUrl>/objects/<key>?…`). */
  publicBaseUrl: string;
  signingKey: Buffer;
  clock?: Clock;
}

export type FileObjectStore = ReturnType<typeof createFileObjectStore>;

/** Why a signed request is refused, or null when it may go ahead. */
export type SignatureProblem = 'EXPIRED' | 'BAD_SIGNATURE' | null;

const META = '~meta.json';
const isMissing = (error: unknown) =>
  ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

/** Keeps objects as files under one directory and signs URLs for the gateway's object routes. */
export function createFileObjectStore(options: FileObjectStoreOptions) {
  const root = resolve(options.root);
  const base = options.publicBaseUrl.replace(/\/$/, '');
  const signer = createUrlSigner(options.signingKey);
  const clock = options.clock ?? systemClock;
  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);

  const pathOf = (key: string): string => {
    const path = join(root, assertObjectKey(key));
    // assertObjectKey already rules out "..": this is the belt to its braces.
    if (!path.startsWith(root + sep)) throw new Error(`Object key ${key} leaves the store's directory`);
    return path;
  };

  /** Writes the bytes `write` puts into a temporary file, then renames it over the object (atomic). */
  async function writeAtomically(
    key: string,
    contentType: string,
    write: (temporary: string) => Promise<boolean>,
  ): Promise<boolean> {
    const path = pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}~${randomUUID()}.tmp`;
    try {
      if (!(await write(temporary))) return false;
      const meta = `${temporary}${META}`;
      await writeFile(meta, JSON.stringify({ contentType }));
      await rename(meta, path + META);
      await rename(temporary, path);
      return true;
    } finally {
      await rm(temporary, { force: true });
      await rm(`${temporary}${META}`, { force: true });
    }
  }

  async function head(key: string): Promise<ObjectInfo | null> {
    const path = pathOf(key);
    try {
      const info = await stat(path);
      if (!info.isFile()) return null;
      return { size: info.size, contentType: await contentTypeOf(path) };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async function contentTypeOf(path: string): Promise<string> {
    try {
      return (JSON.parse(await readFile(path + META, 'utf8')) as { contentType: string }).contentType;
    } catch (error) {
      if (isMissing(error)) return 'application/octet-stream';
      throw error;
    }
  }

  async function keysUnder(dir: string): Promise<string[]> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const keys = await Promise.all(
      entries.map(async (entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return keysUnder(path);
        return entry.isFile() && !entry.name.includes('~') ? [relative(root, path).split(sep).join('/')] : [];
      }),
    );
    return keys.flat();
  }

  async function list(prefix: string): Promise<string[]> {
    assertObjectPrefix(prefix);
    // Only the directory the prefix ends in can hold keys that start with it.
    const dir = join(root, prefix.slice(0, prefix.lastIndexOf('/') + 1));
    return (await keysUnder(dir)).filter((key) => key.startsWith(prefix)).sort();
  }

  async function remove(key: string): Promise<void> {
    const path = pathOf(key);
    await rm(path, { force: true });
    await rm(path + META, { force: true });
    // Empty directories left behind go too, up to the root (a directory still in use stays: ENOTEMPTY).
    for (let dir = dirname(path); dir !== root && dir.startsWith(root + sep); dir = dirname(dir)) {
      try {
        await rmdir(dir);
      } catch {
        break;
      }
    }
  }

  const signedUrl = (request: SignedRequest): string => {
    const query = new URLSearchParams({ expires: String(request.expires) });
    if (request.maxBytes !== undefined) query.set('max', String(request.maxBytes));
    query.set('signature', signer.sign(request));
    return `${base}/objects/${request.key}?${query}`;
  };

  const store: ObjectStore = {
    async put(key, bytes, { contentType }) {
      await writeAtomically(key, contentType, async (temporary) => (await writeFile(temporary, bytes), true));
    },
    async get(key) {
      const info = await head(key);
      if (!info) return null;
      try {
        return { bytes: new Uint8Array(await readFile(pathOf(key))), contentType: info.contentType };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    head,
    list,
    delete: remove,
    async deletePrefix(prefix) {
      const keys = await list(prefix);
      for (const key of keys) await remove(key);
      return keys.length;
    },
    async uploadUrl(key, { contentType, maxBytes, expiresSeconds }) {
      assertObjectKey(key);
      assertExpiry(expiresSeconds);
      const expires = nowSeconds() + expiresSeconds;
      const url = signedUrl({ method: 'PUT', key, expires, contentType, maxBytes });
      return { url, method: 'PUT', headers: { 'Content-Type': contentType } };
    },
    async downloadUrl(key, { expiresSeconds }) {
      assertObjectKey(key);
      assertExpiry(expiresSeconds);
      return signedUrl({ method: 'GET', key, expires: nowSeconds() + expiresSeconds });
    },
    describe: () => `objects: files under ${root}`,
    close: async () => {},
  };

  return {
    ...store,
    /** Checks a request that arrived on a signed URL. */
    check(request: SignedRequest, signature: string): SignatureProblem {
      if (!signer.verify(request, signature)) return 'BAD_SIGNATURE';
      return request.expires < nowSeconds() ? 'EXPIRED' : null;
    },
    /** Stores what `body` streams, unless it grows past `maxBytes` (then nothing is stored: false). */
    async receive(key: string, contentType: string, body: AsyncIterable<Uint8Array>, maxBytes: number) {
      return writeAtomically(key, contentType, async (temporary) => {
        let size = 0;
        let tooLarge = false;
        async function* limited() {
          for await (const chunk of body) {
            size += chunk.byteLength;
            if (size > maxBytes) {
              tooLarge = true;
              return;
            }
            yield chunk;
          }
        }
        await pipeline(limited, createWriteStream(temporary));
        return !tooLarge;
      });
    },
    /** The object as a stream with its size and content type, or null. */
    async open(key: string): Promise<(ObjectInfo & { stream: ReadStream }) | null> {
      const info = await head(key);
      return info && { ...info, stream: createReadStream(pathOf(key)) };
    },
  };
}
