/** Object keys: what a valid key looks like, and the per-user prefix every user's media lives under. */

const KEY = /^[a-z0-9][a-z0-9/._-]{0,511}$/i;

export class InvalidObjectKeyError extends Error {
  constructor(key: string, why: string) {
    super(`Invalid object key ${JSON.stringify(key.slice(0, 80))}: ${why}`);
    this.name = 'InvalidObjectKeyError';
  }
}

/**
 * Throws unless `key` is a safe object key: letters, digits and `/._-`, at most 512 characters, starting
 * with a letter or digit, and no empty, `.` or `..` segment (so a file store can never leave its root).
 */
export function assertObjectKey(key: string): string {
  if (typeof key !== 'string' || !KEY.test(key)) {
    throw new InvalidObjectKeyError(
      String(key),
      'use 1-512 of a-z 0-9 / . _ - and start with a letter or digit',
    );
  }
  if (key.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
    throw new InvalidObjectKeyError(key, 'no empty, "." or ".." segment');
  }
  return key;
}

/** Throws unless `prefix` is empty or the start of a valid key (e.g. `users/<id>/`). */
export function assertObjectPrefix(prefix: string): string {
  if (prefix === '') return prefix;
  // A prefix may end with "/" (then the rest of a key follows); what comes before must be key-shaped.
  assertObjectKey(prefix.endsWith('/') ? `${prefix}x` : prefix);
  return prefix;
}

/** The prefix of every object of one user: `users/<id>/` (avatars under `users/<id>/avatars/<id>/256.webp`). */
export function userPrefix(userId: string): string {
  // One segment: an id with a "/" in it would name a prefix inside another user's.
  if (!/^[a-z0-9][a-z0-9_-]*$/i.test(userId))
    throw new InvalidObjectKeyError(`users/${userId}/`, 'not a user id');
  return assertObjectPrefix(`users/${userId}/`);
}
