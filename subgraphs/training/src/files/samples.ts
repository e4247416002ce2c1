/**
 * Helpers over TrackSample lists shared by the parsers: time bounds, merging sensor-only samples into
 * positioned ones by time, the segment starts implied by pauses, and pause normalisation.
 */
import type { PauseInterval, TrackSample } from '../metrics/track';

/** The earliest and latest sample times, or null when no sample is timed. */
export const timeBounds = (samples: readonly TrackSample[]): { first: number; last: number } | null => {
  let first = Infinity;
  let last = -Infinity;
  for (const { time } of samples) {
    if (time === null) continue;
    if (time < first) first = time;
    if (time > last) last = time;
  }
  return first === Infinity ? null : { first, last };
};

const CHANNELS = ['altitude', 'heartRate', 'cadence', 'power', 'speed', 'temperature'] as const;

/**
 * Merges timed sensor-only samples (`extra`: heart rate, cadence, … without a position) into `base`
 * (timed, sorted by time): each extra sample fills the empty channels of the nearest base sample within
 * `toleranceMs`; extra samples that find none stay samples of their own (extras with the same time are
 * combined). Returns every sample sorted by time (stable: base order is kept).
 */
export const mergeByTime = (
  base: readonly TrackSample[],
  extra: readonly TrackSample[],
  toleranceMs: number,
): TrackSample[] => {
  const merged = base.map((sample) => ({ ...sample }));
  const times = merged.map((sample) => sample.time ?? Number.NaN);
  const alone = new Map<number, TrackSample>();
  for (const sample of [...extra].sort((a, b) => (a.time ?? 0) - (b.time ?? 0))) {
    if (sample.time === null) continue;
    const target = nearest(times, sample.time, toleranceMs);
    const into = target === null ? alone.get(sample.time) : merged[target];
    if (into) {
      for (const channel of CHANNELS) if (into[channel] === null) into[channel] = sample[channel];
    } else {
      alone.set(sample.time, { ...sample });
    }
  }
  return [...merged, ...alone.values()].sort((a, b) => (a.time ?? 0) - (b.time ?? 0));
};

/** Index of the time in sorted `times` nearest to `time`, when within `tolerance`. */
const nearest = (times: readonly number[], time: number, tolerance: number): number | null => {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((times[middle] ?? Infinity) < time) low = middle + 1;
    else high = middle;
  }
  let best: number | null = null;
  for (const index of [low - 1, low]) {
    const candidate = times[index];
    if (candidate === undefined || Number.isNaN(candidate)) continue;
    const distance = Math.abs(candidate - time);
    if (distance <= tolerance && (best === null || distance < Math.abs((times[best] ?? 0) - time)))
      best = index;
  }
  return best;
};

/**
 * Segment starts at the given instants (a pause's end, a multisport session's start): the first sample
 * timed at or after each instant, when it is not the first sample; merged with `existing`, sorted, unique.
 */
export const segmentStartsAt = (
  samples: readonly TrackSample[],
  instants: readonly number[],
  existing: readonly number[] = [],
): number[] => {
  const starts = new Set(existing);
  for (const instant of instants) {
    const index = samples.findIndex((sample) => sample.time !== null && sample.time >= instant);
    if (index > 0) starts.add(index);
  }
  return [...starts].sort((a, b) => a - b);
};

/** Merges overlapping or touching intervals and drops empty ones; sorted by start. */
export const normalizePauses = (pauses: readonly PauseInterval[]): PauseInterval[] => {
  const sorted = pauses.filter((pause) => pause.to > pause.from).sort((a, b) => a.from - b.from);
  const result: PauseInterval[] = [];
  for (const pause of sorted) {
    const last = result[result.length - 1];
    if (last && pause.from <= last.to) last.to = Math.max(last.to, pause.to);
    else result.push({ ...pause });
  }
  return result;
};
