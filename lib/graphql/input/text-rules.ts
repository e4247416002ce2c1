/**
 * What every string a client sends must be: well-formed text (no NUL, no lone UTF-16 surrogate, which
 * PostgreSQL cannot store or would store altered) within a maximum length counted in characters.
 */

import { BadUserInputError } from '../../errors/domain-error';

/** The maximum length of a `String` argument or input field that declares none with `@length(max:)`. */
export const DEFAULT_STRING_MAX_LENGTH = 1_000;
/** The maximum length of an `ID` (Pulse's ids are UUIDs; partners' keys and cursors are shorter still). */
export const ID_MAX_LENGTH = 100;

// A high surrogate not followed by a low one, or a low one not preceded by a high one (no `u` flag: the
// pattern sees UTF-16 code units). String.prototype.isWellFormed does this too, but is not in ES2023.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` is refused, as the end of a sentence naming the field; null when it is fine. */
export function textProblem(text: string, maxLength: number): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode text (it holds a lone UTF-16 surrogate)';
  // Characters are code points: an emoji counts once. Only a long string pays for counting them.
  if (text.length > maxLength && countCodePoints(text) > maxLength) {
    return `can have at most ${maxLength} characters`;
  }
  return null;
}

function countCodePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/**
 * The same rules for text that reaches Pulse outside GraphQL (a URL, a query string, a file's fields):
 * throws BAD_USER_INPUT naming `field`, or returns the text.
 */
export function checkText(field: string, text: string, maxLength: number): string {
  const problem = textProblem(text, maxLength);
  if (problem) throw new BadUserInputError(field, `${field} ${problem}.`);
  return text;
}
