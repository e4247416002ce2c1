/**
 * Slows down password guessing. Failures are counted per normalised email whether or not an account exists,
 * so the throttle itself does not reveal which emails are registered. Three counters, one back-off shape:
 * per (email, client address), per client address across emails (password spraying), and per email across
 * addresses (a distributed attack), the last with a threshold one stranger cannot reach.
 */

/** After `freeFailures` failures, each further failure blocks for d, 2d, 4d, … seconds up to the cap. */
export interface ThrottlePolicy {
  freeFailures: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** A failure older than this starts the count again. */
  forgetAfterSeconds: number;
}

export const MAX_DELAY_SECONDS = 15 * 60;
export const FORGET_AFTER_SECONDS = 60 * 60;

/** One email from one address: the back-off a single guesser meets. */
export const PAIR_POLICY: ThrottlePolicy = {
  freeFailures: 5,
  firstDelaySeconds: 1,
  maxDelaySeconds: MAX_DELAY_SECONDS,
  forgetAfterSeconds: FORGET_AFTER_SECONDS,
};
/** One address across every email: 20 failures are no typing slip, so its block starts at a minute. */
export const ADDRESS_POLICY: ThrottlePolicy = {
  freeFailures: 20,
  firstDelaySeconds: 60,
  maxDelaySeconds: MAX_DELAY_SECONDS,
  forgetAfterSeconds: FORGET_AFTER_SECONDS,
};
/** One email across every address; fed only by each address's free failures (see `countsForAccount`). */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  freeFailures: 50,
  firstDelaySeconds: 1,
  maxDelaySeconds: MAX_DELAY_SECONDS,
  forgetAfterSeconds: FORGET_AFTER_SECONDS,
};

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  blockedUntil: Date | null;
}

/** Seconds of block after the given number of failures under the policy (0: none). */
export function delayAfter(failures: number, policy: ThrottlePolicy = PAIR_POLICY): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.firstDelaySeconds * 2 ** (failures - policy.freeFailures), policy.maxDelaySeconds);
}

/** Seconds the caller must wait before the next attempt is even checked (0: go ahead). */
export function secondsToWait(state: ThrottleState | null, now: Date): number {
  if (!state?.blockedUntil) return 0;
  return Math.max(0, Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 1000));
}

/** The counter after one more failure at `now`. */
export function afterFailure(
  state: ThrottleState | null,
  now: Date,
  policy: ThrottlePolicy = PAIR_POLICY,
): ThrottleState {
  const stale = !state || now.getTime() - state.lastFailureAt.getTime() > policy.forgetAfterSeconds * 1000;
  const failures = stale ? 1 : state.failures + 1;
  const delay = delayAfter(failures, policy);
  return {
    failures,
    lastFailureAt: now,
    blockedUntil: delay > 0 ? new Date(now.getTime() + delay * 1000) : null,
  };
}

/**
 * Whether a failure, the pair's `pairFailures`-th, also counts for the email across addresses. Only a pair's
 * free failures do: one address adds at most 5 per hour of quiet, so a single stranger never reaches the
 * account threshold and only many addresses together slow the owner down.
 */
export function countsForAccount(pairFailures: number): boolean {
  return pairFailures <= PAIR_POLICY.freeFailures;
}
