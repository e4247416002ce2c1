import { banisterLoad, banisterWeighting } from './banister-load';

describe('banisterWeighting', () => {
  it('is the mean of the male and female Banister weightings', () => {
    // HRr 0.6: male 0.64·e^1.152 = 2.02533, female 0.86·e^1.002 = 2.34236, mean 2.18385.
    expect(banisterWeighting(0.6)).toBeCloseTo(2.18385, 4);
  });
});

describe('banisterLoad', () => {
  it('is minutes × HRr × weighting', () => {
    // 60 × 0.6 × 2.18385 = 78.618
    expect(banisterLoad(60, 0.6)).toBeCloseTo(78.618, 2);
  });

  it('is 0 without time or without effort', () => {
    expect(banisterLoad(0, 0.6)).toBe(0);
    expect(banisterLoad(60, 0)).toBe(0);
    expect(banisterLoad(Number.NaN, 0.6)).toBe(0);
  });
});
