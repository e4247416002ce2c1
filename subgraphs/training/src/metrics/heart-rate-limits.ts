/**
 * The max and resting heart rate used for zones and TRIMP: the athlete's when plausible, otherwise
 * max = 220 − age in the workout's (UTC) year, or 190 without a birth year or a date; resting = 60.
 */
import type { MetricsConfig } from './metrics-config';
import type { AthleteProfile } from './track';

export interface HeartRateLimits {
  maxBpm: number;
  restingBpm: number;
}

const isPlausible = (bpm: number | null | undefined, config: MetricsConfig): bpm is number =>
  typeof bpm === 'number' &&
  Number.isFinite(bpm) &&
  bpm >= config.heartRate.range.min &&
  bpm <= config.heartRate.range.max;

function defaultMaxBpm(
  athlete: AthleteProfile,
  workoutStartMs: number | null,
  config: MetricsConfig,
): number {
  const { birthYear } = athlete;
  if (typeof birthYear !== 'number' || !Number.isInteger(birthYear) || workoutStartMs === null) {
    return config.heartRate.defaultMaxBpm;
  }
  const age = new Date(workoutStartMs).getUTCFullYear() - birthYear;
  const estimate = config.heartRate.ageFormulaIntercept - age;
  return age > 0 && isPlausible(estimate, config) ? estimate : config.heartRate.defaultMaxBpm;
}

export function resolveHeartRateLimits(
  athlete: AthleteProfile,
  workoutStartMs: number | null,
  config: MetricsConfig,
): HeartRateLimits {
  const maxBpm = isPlausible(athlete.maxHeartRate, config)
    ? athlete.maxHeartRate
    : defaultMaxBpm(athlete, workoutStartMs, config);
  const resting = athlete.restingHeartRate;
  const restingBpm =
    isPlausible(resting, config) && resting < maxBpm ? resting : config.heartRate.defaultRestingBpm;
  return { maxBpm, restingBpm: Math.min(restingBpm, maxBpm - 1) };
}

/** Heart-rate reserve fraction (Karvonen), clamped to [0, 1]. */
export function reserveFraction(bpm: number, limits: HeartRateLimits): number {
  const fraction = (bpm - limits.restingBpm) / (limits.maxBpm - limits.restingBpm);
  return fraction < 0 ? 0 : fraction > 1 ? 1 : fraction;
}
