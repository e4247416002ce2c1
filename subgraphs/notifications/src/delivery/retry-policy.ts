/**
 * When a delivery the peer could not take now (429, 5xx, a timeout, an SMTP 4xx) is tried again: after the
 * peer's Retry-After when it gave one, otherwise 30 s doubled per attempt up to an hour; after 8 attempts it
 * fails for good.
 */
export const MAX_ATTEMPTS = 8;
const FIRST_DELAY_MS = 30_000;
const LONGEST_DELAY_MS = 3_600_000;

/** The delay before attempt `attempts + 1`, or null when `attempts` used them all. */
export function retryDelayMs(attempts: number, retryAfterMs: number | null): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  if (retryAfterMs !== null && retryAfterMs >= 0) return Math.min(retryAfterMs, LONGEST_DELAY_MS * 24);
  return Math.min(FIRST_DELAY_MS * 2 ** (attempts - 1), LONGEST_DELAY_MS);
}
