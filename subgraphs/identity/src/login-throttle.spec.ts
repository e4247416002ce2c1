import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  afterFailure,
  countsForAccount,
  delayAfter,
  secondsToWait,
  type ThrottleState,
} from './login-throttle';

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 20, 8, 0, 0) + seconds * 1000);

describe('login throttle', () => {
  it('lets the first four failures of an (email, address) pair through without delay', () => {
    expect([1, 2, 3, 4].map((n) => delayAfter(n))).toEqual([0, 0, 0, 0]);
  });

  it('doubles the delay from the fifth failure and caps it at 15 minutes', () => {
    expect([5, 6, 7, 8].map((n) => delayAfter(n))).toEqual([1, 2, 4, 8]);
    expect(delayAfter(40)).toBe(900);
  });

  it('lets an address fail 19 times across emails, then blocks it for 1, 2, 4, … minutes', () => {
    expect(delayAfter(19, ADDRESS_POLICY)).toBe(0);
    expect([20, 21, 22, 24].map((n) => delayAfter(n, ADDRESS_POLICY))).toEqual([60, 120, 240, 900]);
  });

  it('slows an email down across addresses only after 50 counted failures', () => {
    expect(delayAfter(49, ACCOUNT_POLICY)).toBe(0);
    expect(delayAfter(50, ACCOUNT_POLICY)).toBe(1);
  });

  it("counts only an address's first five failures on an email towards the email's slowdown", () => {
    expect([1, 5, 6, 20].map(countsForAccount)).toEqual([true, true, false, false]);
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
    expect(afterFailure(old, at(3601), ADDRESS_POLICY).failures).toBe(1);
  });
});
