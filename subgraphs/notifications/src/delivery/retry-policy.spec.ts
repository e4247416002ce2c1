import { MAX_ATTEMPTS, retryDelayMs } from './retry-policy';

describe('retryDelayMs', () => {
  it("waits the peer's Retry-After when it gave one", () => {
    expect(retryDelayMs(1, 7_000)).toBe(7_000);
    expect(retryDelayMs(3, 0)).toBe(0);
  });
  it('doubles from 30 s up to an hour otherwise', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, null))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(MAX_ATTEMPTS - 1, null)).toBeLessThanOrEqual(3_600_000);
  });
  it(`gives up after ${MAX_ATTEMPTS} attempts`, () => {
    expect(retryDelayMs(MAX_ATTEMPTS, 1_000)).toBeNull();
  });
});
