import { INJURY_FEATURE_NAMES, featuresOf, scaleToUnit } from './injury-features';

const acwrBounds = { name: 'acwrEwma', min: 0.5, max: 2 } as const;

describe('scaleToUnit', () => {
  it('maps the bounds to −1 and 1 and their middle to 0', () => {
    expect(scaleToUnit(0.5, acwrBounds)).toBe(-1);
    expect(scaleToUnit(2, acwrBounds)).toBe(1);
    expect(scaleToUnit(1.25, acwrBounds)).toBe(0);
  });

  it('clips values outside the bounds, infinities included', () => {
    expect(scaleToUnit(3.7, acwrBounds)).toBe(1);
    expect(scaleToUnit(0.1, acwrBounds)).toBe(-1);
    expect(scaleToUnit(Number.POSITIVE_INFINITY, acwrBounds)).toBe(1);
  });

  it('scales a missing value to 0', () => {
    expect(scaleToUnit(null, acwrBounds)).toBe(0);
    expect(scaleToUnit(Number.NaN, acwrBounds)).toBe(0);
  });
});

describe('featuresOf', () => {
  it('reads acwrEwma, chronic, tsb and monotony, then the bias', () => {
    expect(INJURY_FEATURE_NAMES).toEqual(['acwrEwma', 'chronic', 'tsb', 'monotony', 'bias']);
    const form = { acwrEwma: 1.25, chronic: 150, tsb: -60, monotony: 1.5, acute: 99, strain: 999 };
    expect(featuresOf(form)).toEqual([0, 1, -1, 0, 1]);
  });

  it('keeps every entry in [−1, 1], so an example’s norm is at most √5', () => {
    const extreme = featuresOf({ acwrEwma: 9, chronic: -4, tsb: 1e6, monotony: null });
    expect(extreme).toEqual([1, -1, 1, 0, 1]);
    expect(Math.hypot(...featuresOf({ acwrEwma: 9, chronic: 900, tsb: 90, monotony: 9 }))).toBeCloseTo(
      Math.sqrt(5),
    );
  });
});
