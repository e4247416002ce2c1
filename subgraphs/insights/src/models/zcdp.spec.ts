import { defaultDelta, epsilonOfRho, noiseMultiplierFor, rhoForEpsilon } from './zcdp';

describe('zCDP accounting', () => {
  it('converts ρ to ε by ρ + 2√(ρ ln(1/δ))', () => {
    // ρ = 0.5, δ = e⁻²: 0.5 + 2·√(0.5·2) = 2.5.
    expect(epsilonOfRho(0.5, Math.exp(-2))).toBeCloseTo(2.5, 12);
  });

  it.each([0.01, 0.1, 1, 10])('inverts the conversion at ε = %s', (epsilon) => {
    expect(epsilonOfRho(rhoForEpsilon(epsilon, 1e-5), 1e-5)).toBeCloseTo(epsilon, 10);
  });

  it('gives ρ ≈ 0.0208 for ε = 1, δ = 10⁻⁵', () => {
    expect(rhoForEpsilon(1, 1e-5)).toBeCloseTo(0.020_83, 4);
  });

  it('solves σ from ρ_step = 1/(2σ²) and T steps: σ = √(T/(2ρ))', () => {
    const sigma = noiseMultiplierFor(0.01, 50);
    expect(sigma).toBeCloseTo(50, 10);
    expect(50 * (1 / (2 * sigma * sigma))).toBeCloseTo(0.01, 12);
  });

  it('gives no noise for ε = ∞', () => {
    expect(rhoForEpsilon(Number.POSITIVE_INFINITY, 1e-5)).toBe(Number.POSITIVE_INFINITY);
    expect(noiseMultiplierFor(Number.POSITIVE_INFINITY, 100)).toBe(0);
  });

  it('refuses ε ≤ 0 and δ outside (0, 1)', () => {
    expect(() => rhoForEpsilon(0, 1e-5)).toThrow(RangeError);
    expect(() => rhoForEpsilon(1, 0)).toThrow(RangeError);
    expect(() => rhoForEpsilon(1, 1)).toThrow(RangeError);
  });

  it('uses δ = 10⁻⁵, or 1/n² when that is smaller', () => {
    expect(defaultDelta(100)).toBe(1e-5);
    expect(defaultDelta(1000)).toBe(1e-6);
  });
});
