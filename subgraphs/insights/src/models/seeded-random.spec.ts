import { createSeededRandom, randomSeed, xoshiro128StarStar, type SeededRandom } from './seeded-random';

const DRAWS = 100_000;

function momentsOf(draw: () => number): { mean: number; variance: number } {
  let sum = 0;
  let sumOfSquares = 0;
  for (let i = 0; i < DRAWS; i++) {
    const value = draw();
    sum += value;
    sumOfSquares += value * value;
  }
  const mean = sum / DRAWS;
  return { mean, variance: sumOfSquares / DRAWS - mean * mean };
}

const firstDraws = (random: SeededRandom) => [
  random.uniform(),
  random.gaussian(),
  random.gaussian(),
  random.gaussian(),
  random.laplace(1),
  random.uniform(),
];

describe('xoshiro128StarStar', () => {
  it('matches the reference implementation from the state {1, 2, 3, 4}', () => {
    const next = xoshiro128StarStar([1, 2, 3, 4]);
    expect([next(), next(), next()]).toEqual([11520, 0, 5927040]);
  });
});

describe('createSeededRandom', () => {
  it('replays the same sequence from the same seed', () => {
    expect(firstDraws(createSeededRandom(42))).toEqual(firstDraws(createSeededRandom(42)));
  });

  it('gives a different sequence from a neighbouring seed', () => {
    expect(firstDraws(createSeededRandom(43))).not.toEqual(firstDraws(createSeededRandom(42)));
  });

  it('reduces the seed to 32 bits and records it', () => {
    expect(createSeededRandom(2 ** 32 + 7).seed).toBe(7);
    expect(firstDraws(createSeededRandom(2 ** 32 + 7))).toEqual(firstDraws(createSeededRandom(7)));
  });

  it('refuses a seed that is not a finite number', () => {
    expect(() => createSeededRandom(Number.NaN)).toThrow(RangeError);
  });

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
    const random = createSeededRandom(1);
    let outside = 0;
    const { mean, variance } = momentsOf(() => {
      const value = random.uniform();
      if (value < 0 || value >= 1) outside += 1;
      return value;
    });
    expect(outside).toBe(0);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 3);
  });

  it('draws standard normals: mean 0 and variance 1 within a few standard errors', () => {
    const random = createSeededRandom(2);
    const { mean, variance } = momentsOf(() => random.gaussian());
    // Standard errors over 100k draws: 0.0032 for the mean, 0.0045 for the variance.
    expect(Math.abs(mean)).toBeLessThan(0.015);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
  });

  it('draws Laplace(0, b): mean 0 and variance 2b² within a few standard errors', () => {
    const random = createSeededRandom(3);
    const scale = 2;
    const { mean, variance } = momentsOf(() => random.laplace(scale));
    // Standard errors over 100k draws: 0.009 for the mean, 0.057 for the variance (8).
    expect(Math.abs(mean)).toBeLessThan(0.045);
    expect(Math.abs(variance - 2 * scale * scale)).toBeLessThan(0.3);
  });

  it('never returns a non-finite value', () => {
    const random = createSeededRandom(4);
    let nonFinite = 0;
    for (let i = 0; i < DRAWS; i++) {
      if (!Number.isFinite(random.gaussian() + random.laplace(1))) nonFinite += 1;
    }
    expect(nonFinite).toBe(0);
  });
});

describe('randomSeed', () => {
  it('returns an unsigned 32-bit integer', () => {
    const seed = randomSeed();
    expect(Number.isInteger(seed)).toBe(true);
    expect(seed).toBeGreaterThanOrEqual(0);
    expect(seed).toBeLessThan(2 ** 32);
  });
});
