/**
 * Splits every `splitMeters` (1 km, 1 mile) along the timed accepted positions; the last one is partial.
 * Each boundary crossing is interpolated linearly between the two samples around it, for the clock, the
 * moving time, the elevation gain and the heart-rate sums. Elapsed is wall-clock time (pauses included).
 */
import { interpolate } from './distance-series';
import type { MetricsConfig } from './metrics-config';
import { roundTo } from './rounding';
import type { Split } from './workout-metrics';

export interface SplitInputs {
  /** Timed accepted position indices, in order. */
  indices: Int32Array;
  time: Float64Array;
  cumulativeMeters: Float64Array;
  cumulativeMoving: Float64Array;
  cumulativeGain: Float64Array | null;
  cumulativeBeatSeconds: Float64Array | null;
  cumulativeHeartRateSeconds: Float64Array | null;
}

/** The state of every cumulative quantity at one point of the series. */
interface Mark {
  meters: number;
  timeMs: number;
  moving: number;
  gain: number;
  beatSeconds: number;
  heartRateSeconds: number;
}

function markAt(inputs: SplitInputs, from: number, to: number, fraction: number): Mark {
  const at = (values: Float64Array | null) => (values ? interpolate(values, from, to, fraction) : 0);
  return {
    meters: at(inputs.cumulativeMeters),
    timeMs: at(inputs.time),
    moving: at(inputs.cumulativeMoving),
    gain: at(inputs.cumulativeGain),
    beatSeconds: at(inputs.cumulativeBeatSeconds),
    heartRateSeconds: at(inputs.cumulativeHeartRateSeconds),
  };
}

function splitBetween(index: number, start: Mark, end: Mark, config: MetricsConfig): Split {
  const heartRateSeconds = end.heartRateSeconds - start.heartRateSeconds;
  const { rounding } = config;
  return {
    index,
    distanceMeters: roundTo(end.meters - start.meters, rounding.meters),
    elapsedSeconds: roundTo((end.timeMs - start.timeMs) / 1000, rounding.seconds),
    movingSeconds: roundTo(end.moving - start.moving, rounding.seconds),
    elevationGainMeters: roundTo(end.gain - start.gain, rounding.meters),
    averageHeartRate:
      heartRateSeconds > 0
        ? roundTo((end.beatSeconds - start.beatSeconds) / heartRateSeconds, rounding.bpm)
        : null,
  };
}

/**
 * The most splits one workout lists (10 000 km in 1 km splits). Untimed positions count for distance without
 * a speed check, so a stored track can claim any distance; its splits must not grow with it.
 */
export const MAX_SPLITS = 10_000;

export function computeSplits(inputs: SplitInputs, splitMeters: number, config: MetricsConfig): Split[] {
  const { indices, cumulativeMeters } = inputs;
  if (indices.length < 2) return [];
  const first = indices[0]!;
  const origin = cumulativeMeters[first]!;
  const splits: Split[] = [];
  let start = markAt(inputs, first, first, 0);
  let nextBoundary = origin + splitMeters;
  for (let k = 1; k < indices.length; k++) {
    const from = indices[k - 1]!;
    const to = indices[k]!;
    const fromMeters = cumulativeMeters[from]!;
    const toMeters = cumulativeMeters[to]!;
    while (toMeters >= nextBoundary && splits.length < MAX_SPLITS) {
      const end = markAt(inputs, from, to, (nextBoundary - fromMeters) / (toMeters - fromMeters));
      splits.push(splitBetween(splits.length + 1, start, end, config));
      start = end;
      nextBoundary += splitMeters;
    }
  }
  const last = indices[indices.length - 1]!;
  const finish = markAt(inputs, last, last, 0);
  if (finish.meters - start.meters >= config.splits.minPartialMeters && splits.length < MAX_SPLITS) {
    splits.push(splitBetween(splits.length + 1, start, finish, config));
  }
  return splits;
}
