/**
 * The signed URLs of the file store: an HMAC-SHA256 over the method, key, expiry, content type and size
 * limit, so a URL handed to one client allows exactly one kind of request on one key until it expires.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface SignedRequest {
  method: 'GET' | 'PUT';
  key: string;
  /** Unix seconds. */
  expires: number;
  /** PUT only: the Content-Type the upload must carry and its largest size in bytes. */
  contentType?: string;
  maxBytes?: number;
}

export type UrlSigner = ReturnType<typeof createUrlSigner>;

export function createUrlSigner(secret: Buffer) {
  const sign = (r: SignedRequest): string =>
    createHmac('sha256', secret)
      .update([r.method, r.key, r.expires, r.contentType ?? '', r.maxBytes ?? ''].join('\n'))
      .digest('base64url');
  return {
    sign,
    /** True when `signature` is the one of `request` (compared in constant time). */
    verify(request: SignedRequest, signature: string): boolean {
      const expected = Buffer.from(sign(request));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

/**
 * The signing secret: OBJECTS_SIGNING_KEY when set, else one generated on first start and kept in `file`
 * (owner-only): a new secret on every start would break the URLs handed out before it.
 */
export async function loadOrCreateSigningKey(file: string, configured: string | null): Promise<Buffer> {
  if (configured) return Buffer.from(configured, 'utf8');
  const existing = await readKey(file);
  if (existing) return existing;
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  // Written whole to a private temporary file, then linked into place: of two processes starting
  // together one creates the key (link() fails when the file exists) and the other reads it.
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temporary, randomBytes(32).toString('base64url') + '\n', { mode: 0o600 });
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  const key = await readKey(file);
  if (!key) throw new Error(`${file} holds no signing key`);
  return key;
}

async function readKey(file: string): Promise<Buffer | undefined> {
  try {
    const text = (await readFile(file, 'utf8')).trim();
    return text ? Buffer.from(text, 'utf8') : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
