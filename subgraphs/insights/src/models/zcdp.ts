/**
 * Privacy accounting by zero-concentrated differential privacy (zCDP; Bun & Steinke, "Concentrated
 * Differential Privacy: Simplifications, Extensions, and Lower Bounds", TCC 2016). The Gaussian mechanism
 * with sensitivity Δ and noise N(0, σ²Δ²) is ρ-zCDP with ρ = Δ²/(2σ²Δ²) = 1/(2σ²) (their Prop. 1.6);
 * T adaptive runs compose to T·ρ (Lemma 2.3); ρ-zCDP implies (ε, δ)-DP for every δ > 0 with
 * ε = ρ + 2·√(ρ·ln(1/δ)) (Prop. 1.3). Tighter conversions exist (Canonne, Kamath & Steinke 2020); this one
 * is simple and conservative: it over-states ε, never under-states it.
 */

const { sqrt, log, min } = Math;

/** The δ used when none is given: 10⁻⁵, or 1/n² when smaller (n = privacy units, here athletes). */
export const DEFAULT_DELTA = 1e-5;

/** min(10⁻⁵, 1/n²): δ well below 1/n, so that "leak one unit's data outright" stays unlikely. */
export function defaultDelta(units: number): number {
  return units > 0 ? min(DEFAULT_DELTA, 1 / (units * units)) : DEFAULT_DELTA;
}

/** ε of ρ-zCDP at δ: ρ + 2·√(ρ·ln(1/δ)). */
export function epsilonOfRho(rho: number, delta: number): number {
  return rho + 2 * sqrt(rho * log(1 / delta));
}

/** The largest ρ whose ε at δ is `epsilon`: (√(ln(1/δ) + ε) − √(ln(1/δ)))², the inverse of epsilonOfRho. */
export function rhoForEpsilon(epsilon: number, delta: number): number {
  if (!(epsilon > 0)) throw new RangeError(`epsilon must be positive, got ${epsilon}`);
  if (!(delta > 0 && delta < 1)) throw new RangeError(`delta must be in (0, 1), got ${delta}`);
  if (epsilon === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  const logInverseDelta = log(1 / delta);
  // Written as ε² / (√(L + ε) + √L)² to avoid cancelling two close square roots when ε is small.
  const root = epsilon / (sqrt(logInverseDelta + epsilon) + sqrt(logInverseDelta));
  return root * root;
}

/**
 * The noise multiplier σ for `steps` Gaussian releases whose ρ adds up to `rho`: each step gets ρ/T, and
 * ρ_step = 1/(2σ²) gives σ = √(T / (2ρ)). The noise standard deviation is σ times the sensitivity.
 * 0 when ρ is infinite (no privacy, no noise).
 */
export function noiseMultiplierFor(rho: number, steps: number): number {
  return rho === Number.POSITIVE_INFINITY ? 0 : sqrt(steps / (2 * rho));
}
