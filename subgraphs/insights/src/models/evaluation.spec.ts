import { auc, calibration, splitByAthlete } from './evaluation';

describe('auc', () => {
  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
  });

  it('is 0.5 when every score ties', () => {
    expect(auc([0.3, 0.3, 0.3, 0.3, 0.3], [0, 1, 0, 1, 0])).toBe(0.5);
  });

  it('counts a tied positive–negative pair as one half', () => {
    // Pairs (positive, negative): (0.5 vs 0.2) wins, (0.5 vs 0.5) ties, (0.9 vs both) win: (3 + 0.5) / 4.
    expect(auc([0.2, 0.5, 0.5, 0.9], [0, 0, 1, 1])).toBe(0.875);
  });

  it('matches counting the pairs by hand on a small mixed case', () => {
    // Positives 0.4, 0.7; negatives 0.1, 0.5, 0.8. 0.4 beats 1; 0.7 beats 2: 3 of 6.
    expect(auc([0.1, 0.4, 0.5, 0.7, 0.8], [0, 1, 0, 1, 0])).toBe(0.5);
  });

  it('is NaN without positives or without negatives', () => {
    expect(auc([0.1, 0.2], [0, 0])).toBeNaN();
    expect(auc([0.1, 0.2], [1, 1])).toBeNaN();
  });
});

describe('calibration', () => {
  it('is perfect for certain, correct predictions', () => {
    expect(calibration([0, 1, 1], [0, 1, 1], 10)).toEqual({
      brier: 0,
      expectedCalibrationError: 0,
      bins: [
        { lower: 0, upper: 0.1, meanPredicted: 0, observedRate: 0, count: 1 },
        { lower: 0.9, upper: 1, meanPredicted: 1, observedRate: 1, count: 2 },
      ],
    });
  });

  it('computes Brier and ECE by hand over two bins', () => {
    // Bin [0, 0.5): 0.2, 0.2, 0.4 (mean 0.8/3) against 1 of 3 observed; bin [0.5, 1]: 0.6 against 0.
    const result = calibration([0.2, 0.2, 0.4, 0.6], [0, 1, 0, 0], 2);
    expect(result.brier).toBeCloseTo((0.04 + 0.64 + 0.16 + 0.36) / 4, 12);
    expect(result.expectedCalibrationError).toBeCloseTo(
      (3 / 4) * Math.abs(0.8 / 3 - 1 / 3) + (1 / 4) * 0.6,
      12,
    );
    expect(result.bins.map((bin) => bin.count)).toEqual([3, 1]);
  });

  it('is 0.25 Brier for a constant one half', () => {
    expect(calibration([0.5, 0.5], [0, 1]).brier).toBe(0.25);
  });
});

describe('splitByAthlete', () => {
  const ids = Array.from({ length: 2000 }, (_, index) => `athlete-${index}`);

  it('puts an athlete on the same side every time', () => {
    expect(ids.map((id) => splitByAthlete(id))).toEqual(ids.map((id) => splitByAthlete(id)));
  });

  it('holds back about the requested fraction', () => {
    const heldOut = ids.filter((id) => splitByAthlete(id, 0.3) === 'HELD_OUT').length / ids.length;
    expect(heldOut).toBeGreaterThan(0.26);
    expect(heldOut).toBeLessThan(0.34);
  });

  it('holds back nobody at 0 and everybody at 1', () => {
    expect(ids.slice(0, 50).every((id) => splitByAthlete(id, 0) === 'TRAIN')).toBe(true);
    expect(ids.slice(0, 50).every((id) => splitByAthlete(id, 1) === 'HELD_OUT')).toBe(true);
  });
});
