/**
 * Power: time-weighted average with zeros included (coasting is part of the effort), max, and normalized
 * power (null under one full 30-s window). Cadence, by contrast, leaves zeros out (see cadence.ts).
 */
import { summarizeChannel } from './channel-summary';
import type { MetricsConfig } from './metrics-config';
import { normalizedPower, resamplePowerAt1Hz } from './normalized-power';
import { roundOrNull, roundTo } from './rounding';
import type { ValidatedTrack } from './validate-track';
import type { WorkoutMetrics } from './workout-metrics';

export function computePower(
  track: ValidatedTrack,
  maxGapMs: number,
  config: MetricsConfig,
): WorkoutMetrics['power'] {
  const summary = summarizeChannel(track, track.power, maxGapMs, true);
  if (!summary) return null;
  const normalized = normalizedPower(
    resamplePowerAt1Hz(track, maxGapMs),
    config.power.normalizedWindowSeconds,
  );
  const step = config.rounding.watts;
  return {
    average: roundTo(summary.average, step),
    max: roundTo(summary.max, step),
    normalized: roundOrNull(normalized, step),
  };
}
