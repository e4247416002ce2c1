/**
 * Where speed comes from: the accepted GPS positions when there are at least two with a time, else the
 * device's speed channel (treadmill, indoor bike) integrated over continuous steps, else nothing.
 * Both are expressed the same way: the timed sample indices and a cumulative distance per sample.
 */
import type { DistanceTrace } from './distance';
import type { ValidatedTrack } from './validate-track';

// Globals captured once: inside Jest's sandbox every global lookup in a hot loop is slow.
const isMissing = Number.isNaN;

export interface MotionSource {
  kind: 'POSITIONS' | 'DEVICE_SPEED';
  /** Indices of the samples that carry both an accepted time and the motion value, in order. */
  indices: Int32Array;
  /** Metres up to each sample index (positions: haversine; device speed: ∫ speed dt). */
  cumulativeMeters: Float64Array;
  totalMeters: number;
}

function timedIndices(time: Float64Array, hasValue: (index: number) => boolean): Int32Array {
  const indices = new Int32Array(time.length);
  let count = 0;
  for (let index = 0; index < time.length; index++) {
    if (!isMissing(time[index]!) && hasValue(index)) indices[count++] = index;
  }
  return indices.subarray(0, count);
}

/** ∫ speed dt with the later sample's speed held over each continuous step (same segment, gap ≤ max). */
function integrateDeviceSpeed(track: ValidatedTrack, indices: Int32Array, maxGapMs: number): Float64Array {
  const cumulative = new Float64Array(track.length);
  let meters = 0;
  let previous = -1;
  let cursor = 0;
  for (let index = 0; index < track.length; index++) {
    if (cursor < indices.length && indices[cursor] === index) {
      if (previous >= 0 && track.segment[previous] === track.segment[index]) {
        const gapMs = track.time[index]! - track.time[previous]!;
        if (gapMs <= maxGapMs) meters += (track.speed[index]! * gapMs) / 1000;
      }
      previous = index;
      cursor += 1;
    }
    cumulative[index] = meters;
  }
  return cumulative;
}

export function selectMotionSource(
  track: ValidatedTrack,
  distance: DistanceTrace,
  maxGapMs: number,
): MotionSource | null {
  const positioned = timedIndices(track.time, (index) => distance.accepted[index] === 1);
  if (positioned.length >= 2) {
    return {
      kind: 'POSITIONS',
      indices: positioned,
      cumulativeMeters: distance.cumulative,
      totalMeters: distance.totalMeters,
    };
  }
  const withSpeed = timedIndices(track.time, (index) => !isMissing(track.speed[index]!));
  if (withSpeed.length >= 2) {
    const cumulativeMeters = integrateDeviceSpeed(track, withSpeed, maxGapMs);
    return {
      kind: 'DEVICE_SPEED',
      indices: withSpeed,
      cumulativeMeters,
      totalMeters: cumulativeMeters[track.length - 1] ?? 0,
    };
  }
  return null;
}
