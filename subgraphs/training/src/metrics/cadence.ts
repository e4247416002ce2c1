/** Cadence: time-weighted average and max of the non-zero values (zeros are coasting or standing still). */
import { summarizeChannel } from './channel-summary';
import type { MetricsConfig } from './metrics-config';
import { roundTo } from './rounding';
import type { ValidatedTrack } from './validate-track';
import type { WorkoutMetrics } from './workout-metrics';

export function computeCadence(
  track: ValidatedTrack,
  maxGapMs: number,
  config: MetricsConfig,
): WorkoutMetrics['cadence'] {
  const summary = summarizeChannel(track, track.cadence, maxGapMs, false);
  if (!summary) return null;
  return {
    average: roundTo(summary.average, config.rounding.cadence),
    max: roundTo(summary.max, config.rounding.cadence),
  };
}
