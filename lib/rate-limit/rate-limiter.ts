/**
 * The rate-limit port: how many points a key may spend per window. Two adapters keep the same contract
 * (rate-limiter.contract.ts): Redis, shared by every gateway instance, and in-process.
 */

/** `points` may be spent per key in each window of `durationSeconds` (the window opens at a key's first spend). */
export interface RateLimitPolicy {
  points: number;
  durationSeconds: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** When refused: whole seconds until the key's window reopens (at least 1). 0 when allowed. */
  retryAfterSeconds: number;
  /** Points left in the current window after this decision. */
  remaining: number;
}

export interface RateLimiter {
  /** Spends `cost` points (a positive integer, default 1) of `key`; once refused, a key stays refused until its window ends. */
  consume(key: string, cost?: number): Promise<RateLimitDecision>;
}

/** Creates limiters that share one backing store (one Redis connection, or this process's memory). */
export interface RateLimiterStore {
  /** A limiter for one policy; `name` keeps its keys apart from other limiters' in the shared store. */
  limiter(name: string, policy: RateLimitPolicy): RateLimiter;
  close(): Promise<void>;
}

export function assertValidCost(cost: number): void {
  if (!Number.isInteger(cost) || cost < 1) {
    throw new RangeError(`A rate-limit cost must be a positive integer, not ${cost}.`);
  }
}
