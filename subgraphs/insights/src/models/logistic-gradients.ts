/**
 * The logistic model and the per-athlete pieces of its private training (dp-logistic.ts): which of an
 * athlete's days are kept, and the athlete's summed log-loss gradient clipped to norm C. Clipping the SUM,
 * not each day, is what makes the athlete the unit of privacy: however many days an athlete has, the total
 * over athletes moves by at most C when that athlete is added or removed.
 */

// Globals captured once: inside Jest's sandbox every global lookup in a hot loop is slow.
const { exp, sqrt } = Math;

export interface TrainingExample {
  athleteId: string;
  x: number[];
  y: 0 | 1;
}

/** P(y = 1 | x) = sigmoid(w · x), computed without overflow. */
export function predict(weights: readonly number[], x: readonly number[]): number {
  let z = 0;
  for (let j = 0; j < weights.length; j++) z += weights[j]! * x[j]!;
  return z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z));
}

/** Each athlete's kept examples (at most `cap`, evenly spaced), athletes sorted by id for a stable order. */
export function keptExamplesByAthlete(
  examples: readonly TrainingExample[],
  cap: number,
): TrainingExample[][] {
  const byAthlete = new Map<string, TrainingExample[]>();
  for (const example of examples) {
    const own = byAthlete.get(example.athleteId);
    if (own) own.push(example);
    else byAthlete.set(example.athleteId, [example]);
  }
  return [...byAthlete.keys()].sort().map((athleteId) => {
    const own = byAthlete.get(athleteId)!;
    if (own.length <= cap) return own;
    return Array.from({ length: cap }, (_, i) => own[Math.floor((i * own.length) / cap)]!);
  });
}

/** Σ over the athlete's examples of (p − y)·x, clipped to L2 norm `clipNorm`, added into `total`. */
export function addClippedAthleteGradient(
  weights: number[],
  own: TrainingExample[],
  clipNorm: number,
  total: Float64Array,
) {
  const gradient = new Float64Array(weights.length);
  for (const { x, y } of own) {
    const residual = predict(weights, x) - y;
    for (let j = 0; j < gradient.length; j++) gradient[j]! += residual * x[j]!;
  }
  let squaredNorm = 0;
  for (const value of gradient) squaredNorm += value * value;
  const scale = squaredNorm > clipNorm * clipNorm ? clipNorm / sqrt(squaredNorm) : 1;
  for (let j = 0; j < gradient.length; j++) total[j]! += scale * gradient[j]!;
}
