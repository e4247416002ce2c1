import type { FormState } from './form-state';
import { evaluateLoadSpike, LOAD_SPIKE_RULE } from './load-spike';

/** A form state with the given acute and chronic EWMA on day `day`. */
const aState = (acute: number, chronic: number, day = 60): FormState => ({
  date: '2026-04-06',
  day,
  load: acute,
  acute,
  chronic,
  ctl: 0,
  atl: 0,
  tsb: 0,
  acwrEwma: chronic > 0 ? acute / chronic : null,
  acwrCoupled: null,
  // Trained in the 28 days before the acute week (the uncoupled ratio has a denominator).
  acwrUncoupled: chronic > 0 ? acute / chronic : null,
  monotony: null,
  strain: null,
});

describe('evaluateLoadSpike', () => {
  it('is the documented rule', () => {
    expect(LOAD_SPIKE_RULE).toEqual({
      version: 'load-spike@1',
      method: 'ACWR_EWMA',
      raiseAbove: 1.5,
      clearBelow: 1.3,
      minHistoryDays: 28,
    });
  });

  it('raises strictly above 1.5, with the ratio and its inputs', () => {
    expect(evaluateLoadSpike(aState(151, 100), false)).toEqual({
      raised: true,
      ratio: 1.51,
      inputs: { acute: 151, chronic: 100, day: 60 },
      reason: expect.stringContaining('above 1.5'),
    });
    expect(evaluateLoadSpike(aState(150, 100), false).raised).toBe(false);
  });

  it('keeps a raised flag from 1.3 up to 1.5 (hysteresis), and clears it strictly below 1.3', () => {
    expect(evaluateLoadSpike(aState(150, 100), true).raised).toBe(true);
    expect(evaluateLoadSpike(aState(130, 100), true).raised).toBe(true);
    expect(evaluateLoadSpike(aState(129, 100), true).raised).toBe(false);
    expect(evaluateLoadSpike(aState(140, 100), false).raised).toBe(false);
  });

  it('never raises up to day 28 of the history, and clears then', () => {
    expect(evaluateLoadSpike(aState(300, 100, 28), false)).toMatchObject({ raised: false, ratio: 3 });
    expect(evaluateLoadSpike(aState(300, 100, 28), true).raised).toBe(false);
    expect(evaluateLoadSpike(aState(300, 100, 29), false).raised).toBe(true);
  });

  it('never raises on a comeback (no training in the 28 days before the acute week), and clears then', () => {
    const comeback = { ...aState(300, 20, 400), acwrUncoupled: null };
    expect(evaluateLoadSpike(comeback, false)).toMatchObject({ raised: false, ratio: 15 });
    expect(evaluateLoadSpike(comeback, true).raised).toBe(false);
    // Before day 35 the uncoupled ratio is null for want of history: the 28-day rule alone applies.
    expect(evaluateLoadSpike({ ...aState(300, 100, 30), acwrUncoupled: null }, false).raised).toBe(true);
  });

  it('never raises without a chronic load, and clears then', () => {
    expect(evaluateLoadSpike(aState(50, 0), true)).toMatchObject({ raised: false, ratio: null });
    expect(evaluateLoadSpike(aState(0, 0), false)).toMatchObject({ raised: false, ratio: null });
  });
});
