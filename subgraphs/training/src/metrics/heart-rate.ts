/**
 * Heart-rate metrics: time-weighted average (sample mean without timestamps), max, and time in five
 * Karvonen zones. Zone k starts at resting + f_k × (max − resting), rounded to whole bpm; time below zone 1
 * counts in zone 1, so the zones add up to the heart-rate time. Also returns, per sample, the cumulative
 * beat-seconds and seconds (for split averages).
 */
import { summarizeChannel } from './channel-summary';
import { forEachContinuousStep } from './continuous-steps';
import type { HeartRateLimits } from './heart-rate-limits';
import type { MetricsConfig } from './metrics-config';
import { roundTo } from './rounding';
import type { ValidatedTrack } from './validate-track';
import type { HeartRateMetrics } from './workout-metrics';

export interface HeartRateTrace {
  metrics: HeartRateMetrics;
  /** Σ bpm × seconds up to each sample. */
  cumulativeBeatSeconds: Float64Array;
  /** Σ seconds with heart rate up to each sample. */
  cumulativeSeconds: Float64Array;
}

export function zoneLowerBounds(limits: HeartRateLimits, config: MetricsConfig): number[] {
  const reserve = limits.maxBpm - limits.restingBpm;
  return config.heartRate.zoneLowerBoundsReserve.map((fraction) =>
    Math.round(limits.restingBpm + fraction * reserve),
  );
}

function zoneOf(bpm: number, lowerBounds: readonly number[]): number {
  let zone = 0;
  for (let k = 1; k < lowerBounds.length; k++) if (bpm >= lowerBounds[k]!) zone = k;
  return zone;
}

export function computeHeartRate(
  track: ValidatedTrack,
  limits: HeartRateLimits,
  maxGapMs: number,
  config: MetricsConfig,
): HeartRateTrace | null {
  const summary = summarizeChannel(track, track.heartRate, maxGapMs, true);
  if (!summary) return null;
  const lowerBounds = zoneLowerBounds(limits, config);
  const zoneSeconds = lowerBounds.map(() => 0);
  const cumulativeBeatSeconds = new Float64Array(track.length);
  const cumulativeSeconds = new Float64Array(track.length);
  forEachContinuousStep(track, track.heartRate, maxGapMs, (index, bpm, seconds) => {
    const zone = zoneOf(bpm, lowerBounds);
    zoneSeconds[zone] = zoneSeconds[zone]! + seconds;
    cumulativeBeatSeconds[index] = bpm * seconds;
    cumulativeSeconds[index] = seconds;
  });
  for (let index = 1; index < track.length; index++) {
    cumulativeBeatSeconds[index]! += cumulativeBeatSeconds[index - 1]!;
    cumulativeSeconds[index]! += cumulativeSeconds[index - 1]!;
  }
  const { rounding } = config;
  return {
    metrics: {
      average: roundTo(summary.average, rounding.bpm),
      max: roundTo(summary.max, rounding.bpm),
      maxUsed: limits.maxBpm,
      restingUsed: limits.restingBpm,
      zones: lowerBounds.map((minBpm, k) => ({
        zone: k + 1,
        minBpm,
        maxBpm: lowerBounds[k + 1] ?? null,
        seconds: roundTo(zoneSeconds[k]!, rounding.seconds),
      })),
    },
    cumulativeBeatSeconds,
    cumulativeSeconds,
  };
}
