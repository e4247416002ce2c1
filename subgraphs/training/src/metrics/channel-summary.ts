/**
 * Average and max of a sampled channel (heart rate, cadence, power). The average is time-weighted over
 * continuous steps; without any timed step (no timestamps) it falls back to the plain sample mean.
 * `includeZeros: false` leaves zero values out of both (cadence while coasting or standing).
 */
import { forEachContinuousStep } from './continuous-steps';
import type { ValidatedTrack } from './validate-track';

// Globals captured once: inside Jest's sandbox every global lookup in a hot loop is slow.
const isMissing = Number.isNaN;

export interface ChannelSummary {
  average: number;
  max: number;
  /** Seconds of continuous steps carrying the channel. */
  seconds: number;
}

export function summarizeChannel(
  track: ValidatedTrack,
  values: Float64Array,
  maxGapMs: number,
  includeZeros: boolean,
): ChannelSummary | null {
  let count = 0;
  let sum = 0;
  let max = -Infinity;
  for (let index = 0; index < track.length; index++) {
    const value = values[index]!;
    if (isMissing(value) || (!includeZeros && value === 0)) continue;
    count += 1;
    sum += value;
    if (value > max) max = value;
  }
  if (count === 0) return null;
  let weighted = 0;
  let seconds = 0;
  forEachContinuousStep(track, values, maxGapMs, (_index, value, stepSeconds) => {
    if (!includeZeros && value === 0) return;
    weighted += value * stepSeconds;
    seconds += stepSeconds;
  });
  return { average: seconds > 0 ? weighted / seconds : sum / count, max, seconds };
}
