import { monotonyAndStrain, ratioOrNull, rollingCoupledRatio, rollingUncoupledRatio } from './load-windows';

const days = (count: number, load: number) => Array.from({ length: count }, () => load);

describe('rolling acute:chronic ratios', () => {
  const worked = [...days(28, 300), ...days(7, 600)];

  it('couple the acute week into the chronic mean: 600 / ((21 × 300 + 7 × 600) / 28 = 375) = 1.6', () => {
    expect(rollingCoupledRatio(worked)).toBeCloseTo(1.6, 12);
  });

  it('uncouple it: 600 / mean of the 28 days before = 600 / 300 = 2', () => {
    expect(rollingUncoupledRatio(worked)).toBe(2);
  });

  it('are null until there are 28 (coupled) and 35 (uncoupled) days', () => {
    expect(rollingCoupledRatio(days(27, 100))).toBeNull();
    expect(rollingCoupledRatio(days(28, 100))).toBe(1);
    expect(rollingUncoupledRatio(days(34, 100))).toBeNull();
    expect(rollingUncoupledRatio(days(35, 100))).toBe(1);
  });

  it('are null when the chronic mean is 0', () => {
    expect(rollingCoupledRatio(days(28, 0))).toBeNull();
    expect(rollingUncoupledRatio([...days(28, 0), ...days(7, 100)])).toBeNull();
  });
});

describe('monotonyAndStrain', () => {
  it('matches the hand calculation for 10, 20, …, 70', () => {
    // mean 40; deviations ±30, ±20, ±10, 0 → Σ² = 2 × (900 + 400 + 100) = 2800; variance 2800 / 7 = 400;
    // sd 20; monotony 40 / 20 = 2; strain 280 × 2 = 560.
    expect(monotonyAndStrain([10, 20, 30, 40, 50, 60, 70])).toEqual({ monotony: 2, strain: 560 });
  });

  it('reads only the last 7 days', () => {
    expect(monotonyAndStrain([1000, 10, 20, 30, 40, 50, 60, 70])).toEqual({ monotony: 2, strain: 560 });
  });

  it('is null with fewer than 7 days or equal loads', () => {
    expect(monotonyAndStrain([10, 20, 30, 40, 50, 60])).toEqual({ monotony: null, strain: null });
    expect(monotonyAndStrain(days(7, 0.1))).toEqual({ monotony: null, strain: null });
    expect(monotonyAndStrain(days(7, 0))).toEqual({ monotony: null, strain: null });
  });

  it('matches the hand calculation for one workout in a rest week', () => {
    // mean 10; Σ² = 6 × 10² + 60² = 4200; variance 600; sd 24.4949; monotony 0.40825; strain 70 × 0.40825.
    expect(monotonyAndStrain([0, 0, 0, 0, 0, 0, 70])).toEqual({
      monotony: expect.closeTo(0.40825, 5),
      strain: expect.closeTo(28.577, 3),
    });
  });
});

describe('ratioOrNull', () => {
  it('is null for a zero denominator', () => {
    expect(ratioOrNull(5, 0)).toBeNull();
    expect(ratioOrNull(0, 0)).toBeNull();
    expect(ratioOrNull(3, 2)).toBe(1.5);
  });
});
