/**
 * Handles: unique, lower case, 3 to 30 of a-z, 0-9, `_` and `.`, not starting or ending with `.`. A new
 * account gets one made from its display name ("Jörg Müller" → `jorgmuller`), with digits added when taken.
 */
import { randomInt } from 'node:crypto';
import { BadUserInputError } from '../../../../lib/errors/domain-error';

export const HANDLE_PATTERN = /^[a-z0-9_](?:[a-z0-9_.]{1,28})[a-z0-9_]$/;

/** The handle as stored (lower case, without a leading `@`), or BAD_USER_INPUT. */
export function checkedHandle(raw: string, field = 'handle'): string {
  const handle = raw.trim().replace(/^@/, '').toLowerCase();
  if (!HANDLE_PATTERN.test(handle) || handle.includes('..'))
    throw new BadUserInputError(
      field,
      `${field} must be 3 to 30 characters of a-z, 0-9, "_" and "." (not at either end, never two in a row).`,
    );
  return handle;
}

/** The handle's stem made from a display name: ASCII letters and digits, at most 20; `athlete` when none. */
export function handleStem(displayName: string): string {
  const stem = displayName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 20);
  return stem.length >= 3 ? stem : `${stem}athlete`.slice(0, 20);
}

/** Candidates for a new handle, in order: the stem, then the stem with random digits. */
export function* handleCandidates(displayName: string): Generator<string> {
  const stem = handleStem(displayName);
  yield stem;
  for (let digits = 2; ; digits = Math.min(digits + 1, 9)) yield `${stem}${randomInt(10 ** digits)}`;
}

/** `@handle` in a text (not an email address's `@`); group 1 is the handle as written. */
export const MENTION = /(?<![\w@.])@([a-z0-9_](?:[a-z0-9_.]{1,28})[a-z0-9_])/gi;

/** The handles a text mentions (`@ann`, `@ann.lee`), lower case, each once, in order. */
export function mentionedHandles(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(MENTION)) found.add(match[1]!.toLowerCase());
  return [...found];
}
