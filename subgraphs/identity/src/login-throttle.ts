/**
 * Slows down password guessing per account. Failures are counted per normalised email whether or not an
 * account exists, so the throttle itself does not reveal which emails are registered.
 */
export const FREE_ATTEMPTS = 5;
export const MAX_DELAY_SECONDS = 15 * 60;
/** A failure older than this starts the count again. */
export const FORGET_AFTER_SECONDS = 60 * 60;

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  blockedUntil: Date | null;
}

/** After 5 failures, each further failure blocks attempts for 1, 2, 4, … seconds, up to 15 minutes. */
export function delayAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_SECONDS);
}

/** Seconds the caller must wait before the next attempt is even checked (0: go ahead). */
export function secondsToWait(state: ThrottleState | null, now: Date): number {
  if (!state?.blockedUntil) return 0;
  return Math.max(0, Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 1000));
}

export function afterFailure(state: ThrottleState | null, now: Date): ThrottleState {
  const stale = !state || now.getTime() - state.lastFailureAt.getTime() > FORGET_AFTER_SECONDS * 1000;
  const failures = stale ? 1 : state.failures + 1;
  const delay = delayAfter(failures);
  return {
    failures,
    lastFailureAt: now,
    blockedUntil: delay > 0 ? new Date(now.getTime() + delay * 1000) : null,
  };
}
