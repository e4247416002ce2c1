/**
 * Logistic regression trained with differential privacy, by noisy full-batch gradient descent, with the
 * ATHLETE as the unit of privacy. One example is one athlete-day, and an athlete contributes many days, so
 * clipping each example would only protect a single day. Instead each step:
 *   1. keeps at most `maxExamplesPerAthlete` of each athlete's days (evenly spaced in the order given; which
 *      days does not depend on their values or labels), bounding the work and how much any one athlete's sum
 *      is cut by clipping;
 *   2. sums the logistic-loss gradient over the athlete's kept days and clips that SUM to L2 norm C, so that
 *      adding or removing an athlete moves the total by at most Δ = C;
 *   3. adds N(0, σ²C²) to each coordinate of the total over athletes, divides by the number of athletes n
 *      and takes a step with L2 regularisation: w ← w − η·(noisy total / n + λ·w).
 * Accounting (zcdp.ts): each step is 1/(2σ²)-zCDP, T steps ρ = T/(2σ²), reported as (ε, δ). Given ε the
 * trainer solves σ = √(T/(2ρ)). The athlete count n (also in the default δ = min(10⁻⁵, 1/n²)) is treated as
 * public, as in DP-SGD practice: it is published with the model. The weights start at 0 and the final
 * iterate is returned. `epsilon: Infinity` trains without noise (σ = 0), for comparison only.
 */
import { addClippedAthleteGradient, keptExamplesByAthlete, type TrainingExample } from './logistic-gradients';
import type { SeededRandom } from './seeded-random';
import { defaultDelta, noiseMultiplierFor, rhoForEpsilon } from './zcdp';

export { predict, type TrainingExample } from './logistic-gradients';

export interface DpTrainingOptions {
  epsilon: number;
  delta?: number;
  steps?: number;
  learningRate?: number;
  clipNorm?: number;
  l2?: number;
  maxExamplesPerAthlete?: number;
  random: SeededRandom;
}

export interface PrivacyReport {
  epsilon: number;
  delta: number;
  rho: number;
  /** Noise multiplier: each step adds N(0, (sigma · clipNorm)²) to every coordinate of the gradient sum. */
  sigma: number;
  steps: number;
  clipNorm: number;
  maxExamplesPerAthlete: number;
  unit: 'athlete';
  athletes: number;
}

export interface DpLogisticModel {
  weights: number[];
  privacy: PrivacyReport;
}

/**
 * Defaults for features in [−1, 1] (injury-features.ts), chosen on the synthetic cohort: with C = 1 most
 * athletes' summed gradients are clipped, so a step moves the weights by at most η·C; 60 steps of η = 2
 * converge without noise. At fixed ε the noise per step grows as √T, so over T steps noise and signal both
 * grow as T: more steps buy convergence, not accuracy. 24 days per athlete, evenly spaced, are about one
 * every 5 days of a 4-month history (neighbouring days repeat each other: the EWMAs move slowly).
 */
export const DP_TRAINING_DEFAULTS = {
  steps: 60,
  learningRate: 2,
  clipNorm: 1,
  l2: 1e-3,
  maxExamplesPerAthlete: 24,
} as const;

/** The settings with defaults filled in, checked; throws RangeError on a setting training cannot use. */
function checkedSettings(examples: readonly TrainingExample[], options: DpTrainingOptions) {
  const defaults = DP_TRAINING_DEFAULTS;
  const settings = {
    steps: options.steps ?? defaults.steps,
    learningRate: options.learningRate ?? defaults.learningRate,
    clipNorm: options.clipNorm ?? defaults.clipNorm,
    l2: options.l2 ?? defaults.l2,
    maxExamplesPerAthlete: options.maxExamplesPerAthlete ?? defaults.maxExamplesPerAthlete,
    dimension: examples[0]?.x.length ?? 0,
  };
  if (settings.dimension === 0) {
    throw new RangeError('trainDpLogistic needs at least one example with features');
  }
  if (examples.some((example) => example.x.length !== settings.dimension)) {
    throw new RangeError(`every example needs ${settings.dimension} features`);
  }
  for (const key of ['steps', 'maxExamplesPerAthlete'] as const) {
    if (!Number.isInteger(settings[key]) || settings[key] < 1) {
      throw new RangeError(`${key} must be a positive integer`);
    }
  }
  if (!(settings.clipNorm > 0)) throw new RangeError('clipNorm must be positive');
  if (!(settings.learningRate > 0)) throw new RangeError('learningRate must be positive');
  if (!(settings.l2 >= 0)) throw new RangeError('l2 must be zero or positive');
  return settings;
}

/** Trains the weights with athlete-level (ε, δ)-differential privacy (see the file comment). */
export function trainDpLogistic(
  examples: readonly TrainingExample[],
  options: DpTrainingOptions,
): DpLogisticModel {
  const { steps, learningRate, clipNorm, l2, maxExamplesPerAthlete, dimension } = checkedSettings(
    examples,
    options,
  );
  const { random } = options;
  const athletes = keptExamplesByAthlete(examples, maxExamplesPerAthlete);
  const delta = options.delta ?? defaultDelta(athletes.length);
  const rho = rhoForEpsilon(options.epsilon, delta);
  const sigma = noiseMultiplierFor(rho, steps);

  const weights = new Array<number>(dimension).fill(0);
  for (let step = 0; step < steps; step++) {
    const total = new Float64Array(dimension);
    for (const own of athletes) addClippedAthleteGradient(weights, own, clipNorm, total);
    for (let j = 0; j < dimension; j++) {
      const noise = sigma > 0 ? sigma * clipNorm * random.gaussian() : 0;
      weights[j]! -= learningRate * ((total[j]! + noise) / athletes.length + l2 * weights[j]!);
    }
  }
  return {
    weights,
    privacy: {
      epsilon: options.epsilon,
      delta,
      rho,
      sigma,
      steps,
      clipNorm,
      maxExamplesPerAthlete,
      unit: 'athlete',
      athletes: athletes.length,
    },
  };
}
