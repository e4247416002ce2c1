import { nextFormState, type FormState } from './form-state';

// Impulse-response factors: 1 − e^(−1/42) = 0.0235283, 1 − e^(−1/7) = 0.1331221.
const CTL_FACTOR = 1 - Math.exp(-1 / 42);
const ATL_FACTOR = 1 - Math.exp(-1 / 7);

describe('nextFormState', () => {
  const day1 = nextFormState(null, '2026-04-06', [100]);
  const day2 = nextFormState(day1, '2026-04-07', [100, 0]);
  const day3 = nextFormState(day2, '2026-04-08', [100, 0, 200]);

  it('seeds both EWMAs with the load of the first day, and CTL/ATL from 0', () => {
    // CTL = 0 + (100 − 0) × 0.0235283 = 2.35283; ATL = 100 × 0.1331221 = 13.31221; TSB = −10.95938.
    expect(day1).toEqual({
      date: '2026-04-06',
      day: 1,
      load: 100,
      acute: 100,
      chronic: 100,
      ctl: expect.closeTo(2.35283, 5),
      atl: expect.closeTo(13.31221, 5),
      tsb: expect.closeTo(-10.95938, 5),
      acwrEwma: 1,
      acwrCoupled: null,
      acwrUncoupled: null,
      monotony: null,
      strain: null,
    });
  });

  it('moves the EWMAs by λ = 0.25 (acute) and 2/29 (chronic) towards each load', () => {
    // Day 2 (load 0): acute 100 + 0.25 × (0 − 100) = 75; chronic 100 × 27/29 = 93.10345.
    expect(day2.acute).toBe(75);
    expect(day2.chronic).toBeCloseTo(93.10345, 5);
    // Day 3 (load 200): acute 75 + 0.25 × 125 = 106.25; chronic 93.10345 + (2/29) × 106.89655 = 100.47562;
    // acute:chronic 106.25 / 100.47562 = 1.05747.
    expect(day3.acute).toBe(106.25);
    expect(day3.chronic).toBeCloseTo(100.47562, 5);
    expect(day3.acwrEwma).toBeCloseTo(1.05747, 5);
  });

  it('moves CTL and ATL by 1 − e^(−1/τ), TSB being CTL − ATL of the same day', () => {
    // Day 2: CTL 2.35283 × (1 − 0.0235283) = 2.29747; ATL 13.31221 × (1 − 0.1331221) = 11.54006.
    expect(day2.ctl).toBeCloseTo(2.29747, 5);
    expect(day2.atl).toBeCloseTo(11.54006, 5);
    // Day 3: CTL 2.29747 + (200 − 2.29747) × 0.0235283 = 6.94908; ATL 11.54006 + 188.45994 × 0.1331221 =
    // 36.62824; TSB 6.94908 − 36.62824 = −29.67916.
    expect(day3.ctl).toBeCloseTo(6.94908, 5);
    expect(day3.atl).toBeCloseTo(36.62824, 5);
    expect(day3.tsb).toBeCloseTo(-29.67916, 5);
    expect(day3.ctl).toBeCloseTo(2.29747 + (200 - 2.29747) * CTL_FACTOR, 4);
    expect(day3.atl).toBeCloseTo(11.54006 + (200 - 11.54006) * ATL_FACTOR, 4);
  });

  it('has no acute:chronic ratio while the chronic load is 0', () => {
    const rest = nextFormState(null, '2026-04-06', [0]);
    expect(rest).toMatchObject({ acute: 0, chronic: 0, ctl: 0, atl: 0, tsb: 0, acwrEwma: null });
  });

  it('throws when the day does not follow the previous state', () => {
    expect(() => nextFormState(day1, '2026-04-08', [100, 0])).toThrow(/does not follow/);
    expect(() => nextFormState(day1, '2026-04-06', [100, 0])).toThrow(/does not follow/);
    expect(() => nextFormState(null, '2026-4-6', [100])).toThrow(/YYYY-MM-DD/);
  });

  it('throws on a window of loads of the wrong length', () => {
    expect(() => nextFormState(null, '2026-04-06', [])).toThrow(/last 1 days/);
    expect(() => nextFormState(day1, '2026-04-07', [0])).toThrow(/last 2 days/);
    const day40: FormState = { ...day1, day: 40 };
    expect(() => nextFormState(day40, '2026-04-07', Array<number>(36).fill(0))).toThrow(/last 35 days/);
  });

  it('throws on a load that is not finite and ≥ 0, in the window or in the previous state', () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => nextFormState(null, '2026-04-06', [bad])).toThrow(/finite and ≥ 0/);
      expect(() => nextFormState(day1, '2026-04-07', [bad, 0])).toThrow(/finite and ≥ 0/);
      expect(() => nextFormState({ ...day1, chronic: bad }, '2026-04-07', [100, 0])).toThrow(
        /finite and ≥ 0/,
      );
    }
  });
});
