import { afterFailure, delayAfter, secondsToWait, type ThrottleState } from './login-throttle';

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 20, 8, 0, 0) + seconds * 1000);

describe('login throttle', () => {
  it('lets the first four failures through without delay', () => {
    expect([1, 2, 3, 4].map(delayAfter)).toEqual([0, 0, 0, 0]);
  });

  it('doubles the delay from the fifth failure and caps it at 15 minutes', () => {
    expect([5, 6, 7, 8].map(delayAfter)).toEqual([1, 2, 4, 8]);
    expect(delayAfter(40)).toBe(900);
  });

  it('blocks the next attempt until the delay has passed', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 7; i += 1) state = afterFailure(state, at(i));
    expect(state?.failures).toBe(7);
    expect(secondsToWait(state, at(6))).toBe(4);
    expect(secondsToWait(state, at(10))).toBe(0);
  });

  it('forgets failures older than an hour', () => {
    const old = { failures: 9, lastFailureAt: at(0), blockedUntil: at(16) };
    expect(afterFailure(old, at(3601)).failures).toBe(1);
  });
});
