/**
 * Banister TRIMP: Σ Δt (minutes) × HRr × factor × e^(exponent × HRr) over continuous heart-rate steps,
 * HRr = (HR − resting) / (max − resting) clamped to [0, 1]. Male 0.64·e^(1.92·HRr), female
 * 0.86·e^(1.67·HRr); unknown sex: per config (default: the mean of both weightings).
 */
import { forEachContinuousStep } from './continuous-steps';
import { reserveFraction, type HeartRateLimits } from './heart-rate-limits';
import type { MetricsConfig, TrimpCoefficients } from './metrics-config';
import type { AthleteProfile } from './track';
import type { ValidatedTrack } from './validate-track';

// Globals captured once: inside Jest's sandbox every global lookup in a hot loop is slow.
const { exp } = Math;

const weighting = ({ factor, exponent }: TrimpCoefficients, reserve: number) =>
  factor * exp(exponent * reserve);

export function trimpWeight(reserve: number, sex: AthleteProfile['sex'], config: MetricsConfig): number {
  const { male, female, unknownSex } = config.trimp;
  const effective = sex ?? (unknownSex === 'MEAN_OF_BOTH' ? null : unknownSex);
  if (effective === 'MALE') return weighting(male, reserve);
  if (effective === 'FEMALE') return weighting(female, reserve);
  return (weighting(male, reserve) + weighting(female, reserve)) / 2;
}

/** null when no heart-rate time (no timestamps or no valid heart rate). */
export function computeTrimp(
  track: ValidatedTrack,
  limits: HeartRateLimits,
  sex: AthleteProfile['sex'],
  maxGapMs: number,
  config: MetricsConfig,
): number | null {
  let trimp = 0;
  let seconds = 0;
  forEachContinuousStep(track, track.heartRate, maxGapMs, (_index, bpm, stepSeconds) => {
    const reserve = reserveFraction(bpm, limits);
    trimp += (stepSeconds / 60) * reserve * trimpWeight(reserve, sex, config);
    seconds += stepSeconds;
  });
  return seconds > 0 ? trimp : null;
}
