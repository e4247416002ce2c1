import { binCounts, decilesOf, histogramEdges, HISTOGRAM_BINS, percentileAmong } from './noisy-deciles';

describe('histogramEdges', () => {
  it('starts at 0, ends at the cap, and grows geometrically after cap/300', () => {
    const edges = histogramEdges(300_000);
    expect(edges).toHaveLength(HISTOGRAM_BINS + 1);
    expect(edges[0]).toBe(0);
    expect(edges[1]).toBeCloseTo(1000, 6);
    expect(edges[HISTOGRAM_BINS]).toBe(300_000);
    const ratios = edges.slice(2).map((edge, index) => edge / edges[index + 1]!);
    for (const ratio of ratios) expect(ratio).toBeCloseTo(300 ** (1 / 15), 9);
  });
});

describe('binCounts', () => {
  it('counts each value in the bin whose lower edge it reaches, the cap in the last bin', () => {
    const edges = [0, 10, 20, 40];
    expect(binCounts([0, 9.99, 10, 25, 40, 40], edges)).toEqual([2, 1, 3]);
  });
});

describe('decilesOf', () => {
  const edges = [0, 10, 20, 40];

  it('reads the quantiles linearly inside the bins', () => {
    expect(decilesOf([5, 5, 0], edges)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(decilesOf([0, 10, 0], edges)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
  });

  it('takes fractional (noisy) counts and skips empty bins', () => {
    const deciles = decilesOf([2.5, 0, 2.5], edges);
    expect(deciles[0]).toBe(0);
    expect(deciles[5]).toBe(10); // the first bin's upper edge holds half the mass
    expect(deciles[6]).toBeCloseTo(24, 9);
    expect(deciles[10]).toBe(40);
  });

  it('never decreases', () => {
    const deciles = decilesOf([0.3, 7, 0, 0.01, 12, 0, 3], [0, 1, 2, 4, 8, 16, 32, 64]);
    for (let i = 1; i < deciles.length; i++) expect(deciles[i]).toBeGreaterThanOrEqual(deciles[i - 1]!);
  });

  it('is all zeros for an empty histogram', () => {
    expect(decilesOf([0, 0, 0], edges)).toEqual(new Array(11).fill(0));
  });
});

describe('percentileAmong', () => {
  const deciles = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((tenth) => tenth * 1000);

  it('interpolates between the deciles around the value', () => {
    expect(percentileAmong(5000, deciles)).toBe(50);
    expect(percentileAmong(2500, deciles)).toBe(25);
    expect(percentileAmong(9990, deciles)).toBeCloseTo(99.9, 9);
  });

  it('is 0 below the first decile and 100 above the last', () => {
    expect(percentileAmong(-1, deciles)).toBe(0);
    expect(percentileAmong(20_000, deciles)).toBe(100);
  });

  it('gives a value on a plateau of equal deciles the middle of it', () => {
    const flat = [0, 0, 0, 0, 0, 10, 20, 30, 40, 50, 60];
    expect(percentileAmong(0, flat)).toBe(20);
    expect(percentileAmong(60, flat)).toBe(100);
  });

  it('never decreases as the distance grows', () => {
    const uneven = [0, 0, 500, 500, 500, 2000, 2100, 2100, 8000, 30_000, 30_000];
    let previous = -1;
    for (let distance = -100; distance <= 31_000; distance += 50) {
      const percentile = percentileAmong(distance, uneven);
      expect(percentile).toBeGreaterThanOrEqual(previous);
      expect(percentile).toBeLessThanOrEqual(100);
      previous = percentile;
    }
  });
});
