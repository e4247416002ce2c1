import { createSeededRandom } from '../models/seeded-random';
import { noisyCohortFigures, type LaplaceNoise } from './cohort-figures';
import { HISTOGRAM_BINS } from './noisy-deciles';

const RUN_CAP = 300_000;

/** A noise source that adds nothing and records the scales it was asked for. */
function noNoise() {
  const scales: number[] = [];
  const random: LaplaceNoise = { laplace: (scale) => (scales.push(scale), 0) };
  return { random, scales };
}

/** `n` weekly running distances spread like a log-normal (median 25 km), from a seeded stream. */
const runningWeeks = (n: number, seed = 7) => {
  const random = createSeededRandom(seed);
  return Array.from({ length: n }, () => 25_000 * Math.exp(0.7 * random.gaussian()));
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2;
};

describe('noisyCohortFigures', () => {
  it('scales the mean noise by cap/(n·ε/2) and each bin noise by 2/(ε/2), mean first', () => {
    const { random, scales } = noNoise();
    noisyCohortFigures(new Array(40).fill(20_000), RUN_CAP, 0.8, random);
    expect(scales).toHaveLength(1 + HISTOGRAM_BINS);
    expect(scales[0]).toBeCloseTo(RUN_CAP / (40 * 0.4), 9);
    for (const scale of scales.slice(1)) expect(scale).toBeCloseTo(2 / 0.4, 12);
  });

  it('clips each distance to the cap and keeps the true count', () => {
    const { random } = noNoise();
    const figures = noisyCohortFigures([400_000, 100_000, -5], RUN_CAP, 1, random);
    expect(figures.athletes).toBe(3);
    expect(figures.meanDistance).toBe(Math.round(400_000 / 3)); // clipped to 300 + 100 + 0 km, in whole metres
    expect(figures.deciles[10]).toBe(RUN_CAP);
  });

  it('keeps the noisy mean between 0 and the cap', () => {
    const below = noisyCohortFigures([1000], RUN_CAP, 1, { laplace: () => -1e9 });
    const above = noisyCohortFigures([1000], RUN_CAP, 1, { laplace: () => 1e9 });
    expect([below.meanDistance, above.meanDistance]).toEqual([0, RUN_CAP]);
  });

  it('draws Laplace noise of the stated scale on the mean (mean absolute deviation = scale)', () => {
    const random = createSeededRandom(2026);
    const n = 50;
    const scale = RUN_CAP / (n * 0.5);
    const draws = 4000;
    let deviation = 0;
    for (let i = 0; i < draws; i++) {
      deviation += Math.abs(
        noisyCohortFigures(new Array(n).fill(150_000), RUN_CAP, 1, random).meanDistance - 150_000,
      );
    }
    expect(deviation / draws / scale).toBeGreaterThan(0.95);
    expect(deviation / draws / scale).toBeLessThan(1.05);
  });

  it('gives non-decreasing deciles close to the true ones for a cohort of 200 at ε = 1', () => {
    const weeks = runningWeeks(200);
    const figures = noisyCohortFigures(weeks, RUN_CAP, 1, createSeededRandom(5));
    for (let i = 1; i <= 10; i++) expect(figures.deciles[i]).toBeGreaterThanOrEqual(figures.deciles[i - 1]!);
    expect(Math.abs(figures.deciles[5]! - median(weeks))).toBeLessThan(5000);
    // Within 4 noise scales (cap/(n·ε/2) = 3 km): true of 98 % of draws.
    const trueMean = weeks.reduce((sum, week) => sum + week, 0) / weeks.length;
    expect(Math.abs(figures.meanDistance - trueMean)).toBeLessThan(4 * (RUN_CAP / (200 * 0.5)));
  });

  it('is the same for the same seed, whatever order the distances come in', () => {
    const weeks = runningWeeks(30);
    const once = noisyCohortFigures(weeks, RUN_CAP, 1, createSeededRandom(5));
    const again = noisyCohortFigures([...weeks].reverse(), RUN_CAP, 1, createSeededRandom(5));
    expect(again).toEqual(once);
  });

  it('refuses an empty cohort and a budget that is not positive', () => {
    const { random } = noNoise();
    expect(() => noisyCohortFigures([], RUN_CAP, 1, random)).toThrow(RangeError);
    expect(() => noisyCohortFigures([1], RUN_CAP, 0, random)).toThrow(RangeError);
    expect(() => noisyCohortFigures([1], RUN_CAP, Number.POSITIVE_INFINITY, random)).toThrow(RangeError);
  });
});
