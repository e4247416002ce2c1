/**
 * The shape of partner API keys: `pk_live_<key id>_<secret>`, the secret 32 random bytes (base64url). The
 * id lets a key be looked up; only the SHA-256 hash of the whole key is stored, compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'pk_live_';
const KEY_FORMAT =
  /^pk_live_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export const hashPartnerKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** The visible start of a key (`pk_live_<id>_`), to recognise it in a list. */
export const partnerKeyPrefix = (id: string): string => `${PREFIX}${id}_`;

/** A new key for the key id `id`, with its hash. */
export function newPartnerKey(id: string): { key: string; keyHash: string } {
  const key = `${partnerKeyPrefix(id)}${randomBytes(32).toString('base64url')}`;
  return { key, keyHash: hashPartnerKey(key) };
}

/** The key id a well-formed key names; null for anything else. */
export function partnerKeyId(key: string): string | null {
  return KEY_FORMAT.exec(key)?.[1] ?? null;
}

/** Whether `key` hashes to `keyHash` (constant time). */
export function partnerKeyMatches(key: string, keyHash: string): boolean {
  const actual = Buffer.from(hashPartnerKey(key), 'hex');
  const expected = Buffer.from(keyHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
