/** A clock a test sets and moves. */
import type { Clock } from '../clock';

export function movableClock(start: string) {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    set: (at: string) => void (now = Date.parse(at)),
    advance: (ms: number) => void (now += ms),
  } satisfies Clock & Record<string, unknown>;
}
