/**
 * The feature vector of the injury model ("an injury reported within the next 7 days") for one day's form.
 *
 * Four features and a bias: `acwrEwma` (acute:chronic workload ratio on EWMAs, the load-spike signal),
 * `chronic` (28-day EWMA load: fitness, protective at equal ratio), `tsb` (CTL − ATL: accumulated fatigue)
 * and `monotony` (7-day mean ÷ standard deviation of load). `acute` and `strain` are left out: acute is
 * acwrEwma × chronic and strain is 7-day load × monotony, so they repeat the others; collinear features make
 * the weights unstable, and the privacy noise grows with the number of weights (its norm as √d).
 *
 * Each value is CLIPPED to fixed bounds and scaled linearly to [−1, 1]. The bounds are public constants
 * chosen before seeing any data, so scaling reveals nothing about an athlete, and they bound every example's
 * norm (at most √5), which the private trainer's clipping relies on staying meaningful. A missing value
 * (null or NaN) scales to 0, the centre, so it adds nothing but the bias; ±Infinity clips to a bound. The
 * load bounds assume TRIMP-like daily loads (a hard session ≈ 150); other units need other bounds and a new
 * model version.
 */

export interface FeatureBounds {
  readonly name: 'acwrEwma' | 'chronic' | 'tsb' | 'monotony';
  readonly min: number;
  readonly max: number;
}

export const INJURY_FEATURE_BOUNDS: readonly FeatureBounds[] = [
  { name: 'acwrEwma', min: 0.5, max: 2 },
  { name: 'chronic', min: 0, max: 150 },
  { name: 'tsb', min: -60, max: 40 },
  { name: 'monotony', min: 0, max: 3 },
];

/** The names of `featuresOf`'s entries, in order: the bounded features, then the bias (always 1). */
export const INJURY_FEATURE_NAMES = [...INJURY_FEATURE_BOUNDS.map((bounds) => bounds.name), 'bias'] as const;

/** The fields of a day's form state the injury model reads (the form module's type matches structurally). */
export interface InjuryFormInput {
  acwrEwma: number | null;
  chronic: number;
  tsb: number;
  monotony: number | null;
}

/** `value` clipped to the bounds and mapped linearly onto [−1, 1]; 0 when missing. */
export function scaleToUnit(value: number | null, { min, max }: FeatureBounds): number {
  if (value === null || Number.isNaN(value)) return 0;
  const clipped = Math.min(max, Math.max(min, value));
  return (2 * (clipped - min)) / (max - min) - 1;
}

/** The injury model's input for one day: each feature scaled to [−1, 1], then the bias 1. */
export function featuresOf(form: InjuryFormInput): number[] {
  return [...INJURY_FEATURE_BOUNDS.map((bounds) => scaleToUnit(form[bounds.name], bounds)), 1];
}
